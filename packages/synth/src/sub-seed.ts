import { createSeededRandom } from "@wakeforge/audio";

/**
 * A seed for one purpose ("positives", "flite", …) derived from the user's seed. The first
 * outputs of createSeededRandom for seeds that differ in a few characters come out close
 * ("a" → 0.485, "b" → 0.505), so the derived seed is drawn a few outputs in, where they do not.
 */
export function subSeed(seed: number | string, purpose: string): string {
  const random = createSeededRandom(`${purpose}:${seed}`);
  random.next();
  random.next();
  return `${purpose}-${random.nextInt(2 ** 31)}`;
}
