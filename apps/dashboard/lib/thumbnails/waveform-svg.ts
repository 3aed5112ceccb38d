// A waveform as a small SVG: the minimum and maximum of each column, filled between.

export interface WaveformSvgOptions {
  /** Columns, one min/max pair each. Default 240. */
  readonly columns?: number;
  /** Height in SVG units. Default 48. */
  readonly height?: number;
  /** Fill colour. Default the dashboard's indigo. */
  readonly color?: string;
}

/** Quiet clips are scaled up to show their shape, but never by more than this. */
const MAX_GAIN = 20;

export function waveformSvg(samples: Float32Array, options: WaveformSvgOptions = {}): string {
  const columns = Math.max(1, Math.min(options.columns ?? 240, samples.length || 1));
  const height = options.height ?? 48;
  const color = options.color ?? "#4f46e5";
  const mins = new Float32Array(columns);
  const maxs = new Float32Array(columns);
  let peak = 0;
  for (let c = 0; c < columns; c += 1) {
    const from = Math.floor((c * samples.length) / columns);
    const to = Math.max(from + 1, Math.floor(((c + 1) * samples.length) / columns));
    let lo = 0;
    let hi = 0;
    for (let i = from; i < to && i < samples.length; i += 1) {
      const v = samples[i] ?? 0;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    mins[c] = lo;
    maxs[c] = hi;
    peak = Math.max(peak, hi, -lo);
  }
  const gain = peak > 0 ? Math.min(MAX_GAIN, 1 / peak) : 1;
  const mid = height / 2;
  // At least a hairline, so silence still draws a line.
  const y = (v: number, sign: number) =>
    (mid - sign * Math.max(0.5, Math.abs(v) * gain * (mid - 1))).toFixed(2);
  const top = Array.from(maxs, (v, c) => `${c === 0 ? "M" : "L"}${c} ${y(v, 1)}`);
  const bottom = Array.from(mins, (v, c) => `L${c} ${y(v, -1)}`).reverse();
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${Math.max(1, columns - 1)} ${height}" ` +
    `preserveAspectRatio="none"><path d="${[...top, ...bottom].join("")}Z" fill="${color}"/></svg>`
  );
}
