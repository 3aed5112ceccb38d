/** A moment as "2026-12-04 18:02:11" (UTC), the way the worker's own output prints times. */
export function utcClock(iso: string): string {
  return new Date(iso).toISOString().replace("T", " ").slice(0, 19);
}
