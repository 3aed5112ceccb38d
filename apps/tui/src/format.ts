// Numbers as the screens print them.

/** 0.875 → "87.5 %"; NaN → "–". */
export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)} %` : "–";
}

/** False accepts per hour: 0.5 → "0.50", 12 → "12.0"; NaN → "–". */
export function formatRate(perHour: number): string {
  if (!Number.isFinite(perHour)) return "–";
  return perHour >= 10 ? perHour.toFixed(1) : perHour.toFixed(2);
}

/** Seconds with milliseconds: 1.5 → "1.50 s"; NaN → "–". */
export function formatSeconds(seconds: number): string {
  return Number.isFinite(seconds) ? `${seconds.toFixed(2)} s` : "–";
}

/** A path shortened from the left to `width` characters: "…/models/hey-nova". */
export function shortenPath(path: string, width: number): string {
  if (path.length <= width || width < 4) return path;
  return `…${path.slice(path.length - width + 1)}`;
}
