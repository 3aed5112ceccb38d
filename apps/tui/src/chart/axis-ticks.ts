// Tick values and labels for the terminal charts: round numbers a person reads at a glance.

/** A "nice" step (1, 2 or 5 × 10^k) that cuts `span` into about `count` parts. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const factor = residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1;
  return factor * magnitude;
}

/** The range widened to nice ticks, with about `count` steps; a flat range gets some height. */
export function niceRange(
  min: number,
  max: number,
  count = 3,
): { min: number; max: number; ticks: number[] } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { min: 0, max: 1, ticks: [0, 1] };
  let low = Math.min(min, max);
  let high = Math.max(min, max);
  if (high - low < 1e-9) {
    const pad = Math.abs(high) > 0 ? Math.abs(high) * 0.1 : 1;
    low -= pad;
    high += pad;
  }
  const step = niceStep(high - low, count);
  const start = Math.floor(low / step) * step;
  const end = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { min: start, max: end, ticks };
}

/** Powers of ten from the decade at or below `min` to the one at or above `max` (both > 0). */
export function decadeRange(
  min: number,
  max: number,
): { min: number; max: number; ticks: number[] } {
  const low = 10 ** Math.floor(Math.log10(min));
  let high = 10 ** Math.ceil(Math.log10(max));
  if (high <= low) high = low * 10;
  const ticks: number[] = [];
  for (let v = low; v <= high * 1.0001; v *= 10) ticks.push(Number(v.toPrecision(6)));
  return { min: low, max: high, ticks };
}

/** Whole numbers between `first` and `last` for an epoch axis: both ends and a few between. */
export function epochTicks(first: number, last: number, count = 5): number[] {
  if (last <= first) return [first];
  const step = Math.max(1, Math.ceil((last - first) / Math.max(1, count - 1)));
  const ticks: number[] = [];
  for (let v = first; v < last; v += step) ticks.push(v);
  ticks.push(last);
  return ticks;
}

/** 0.25 → "25%". */
export function formatPercentTick(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** Short labels: 1200 → "1.2k", 0.05 → "0.05", 3 → "3". */
export function formatNumberTick(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1000) return `${Number((value / 1000).toPrecision(2))}k`;
  if (abs === 0) return "0";
  return String(Number(value.toPrecision(2)));
}
