// Test support for the embedding paths: seeded base-input frames and a max-difference measure.
import { MEL_BAND_COUNT, createSeededRandom } from "@wakeforge/audio";

/** Base-input-like frames (x/10 + 2 of log-mel lies around −6…4), the same for the same seed. */
export function randomFrames(frameCount: number, seed: string): Float32Array {
  const random = createSeededRandom(seed);
  return Float32Array.from({ length: frameCount * MEL_BAND_COUNT }, () => random.next() * 10 - 6);
}

/** The largest |a[i] − b[i]|; arrays of different lengths are a RangeError. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i += 1) {
    worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
  }
  return worst;
}
