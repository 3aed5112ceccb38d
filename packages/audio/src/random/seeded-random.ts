// A small, fast, seeded pseudo-random generator: the same seed gives the same sequence on every
// platform, so data-set splits, voice picks and augmentations are reproducible. Not for secrets.

export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [0, maxExclusive). */
  nextInt(maxExclusive: number): number;
  /** A shuffled copy of `items` (Fisher–Yates); the input is left as it was. */
  shuffled<T>(items: readonly T[]): T[];
}

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const GOLDEN_RATIO_INCREMENT = 0x9e3779b9;

/** Seeds are hashed through their text, so 42 and "42" give the same sequence. */
export function createSeededRandom(seed: number | string): SeededRandom {
  if (typeof seed === "number" && !Number.isFinite(seed)) {
    throw new RangeError(`seed must be a finite number or a string, got ${seed}`);
  }
  let state = hashText(String(seed));

  // A Weyl sequence (state += odd constant) passed through a 32-bit avalanche mix:
  // every state is visited once per 2^32 calls and neighbouring states give unrelated outputs.
  const next = (): number => {
    state = (state + GOLDEN_RATIO_INCREMENT) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return (z >>> 0) / 2 ** 32;
  };

  const nextInt = (maxExclusive: number): number => {
    if (!Number.isInteger(maxExclusive) || maxExclusive < 1) {
      throw new RangeError(`maxExclusive must be a positive integer, got ${maxExclusive}`);
    }
    return Math.floor(next() * maxExclusive);
  };

  const shuffled = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = nextInt(i + 1);
      const held = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = held;
    }
    return copy;
  };

  return { next, nextInt, shuffled };
}

/** 32-bit FNV-1a over the UTF-16 code units of `text`. */
function hashText(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (let i = 0; i < text.length; i += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  }
  return hash >>> 0;
}
