// Bench audio: deterministic, speech-like in level and spectrum (a gliding tone under noise);
// what the audio holds does not change the cost of any stage measured here.
import { SAMPLE_RATE_HZ, createSeededRandom } from "@wakeforge/audio";

/** A clip of `seconds` at −1…1, the same for the same seed. */
export function benchClip(seconds: number, seed: string): Float32Array {
  const random = createSeededRandom(seed);
  const samples = new Float32Array(Math.round(seconds * SAMPLE_RATE_HZ));
  let phase = 0;
  for (let i = 0; i < samples.length; i += 1) {
    phase += (2 * Math.PI * (200 + (3_000 * i) / samples.length)) / SAMPLE_RATE_HZ;
    samples[i] = 0.25 * Math.sin(phase) + 0.1 * (random.next() * 2 - 1);
  }
  return samples;
}
