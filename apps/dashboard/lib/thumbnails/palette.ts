// The spectrogram colours: dark for quiet, through the dashboard's indigo, to warm for loud.

const STOPS: readonly (readonly [number, readonly [number, number, number]])[] = [
  [0, [15, 18, 34]],
  [0.3, [49, 46, 129]],
  [0.55, [124, 58, 237]],
  [0.78, [236, 72, 153]],
  [1, [253, 224, 71]],
];

/** 256 RGB triples, index 0 the quietest. */
export function spectrogramPalette(): Uint8Array {
  const palette = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i += 1) {
    const t = i / 255;
    let s = 0;
    while (s < STOPS.length - 2 && t > (STOPS[s + 1]?.[0] ?? 1)) s += 1;
    const [t0, c0] = STOPS[s] ?? STOPS[0]!;
    const [t1, c1] = STOPS[s + 1] ?? STOPS[STOPS.length - 1]!;
    const f = (t - t0) / (t1 - t0);
    for (let c = 0; c < 3; c += 1) {
      palette[i * 3 + c] = Math.round((c0[c] ?? 0) + ((c1[c] ?? 0) - (c0[c] ?? 0)) * f);
    }
  }
  return palette;
}
