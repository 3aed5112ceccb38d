// Synthetic room impulse responses: a direct path followed by exponentially decaying, gently
// low-passed Gaussian noise (the statistical model of late reverberation: Schroeder 1962,
// Polack 1988). Cheap, seeded, and exact in the two numbers that matter for augmentation: the
// decay time and the direct-to-reverberant energy ratio.
import { SAMPLE_RATE_HZ } from "../constants.js";
import { createSeededRandom, type SeededRandom } from "../random/seeded-random.js";
import { AudioArgumentError } from "../errors.js";
import { assertFiniteSamples, assertInRange, assertSampleRate } from "../resample/arguments.js";
import { convolve } from "./convolve.js";

export interface RoomImpulseResponseOptions {
  /** Time for the reverberant energy to fall by 60 dB, in seconds, in [0.05, 5]. */
  readonly rt60Seconds: number;
  /** Default 16 kHz. */
  readonly sampleRateHz?: number;
  readonly seed: number | string;
  /**
   * Energy of the direct path over the energy of the reverberant tail, in dB, in [−20, 40].
   * Default 0 (as much reverberant as direct energy: a talker a few metres away in a living
   * room). Higher is drier.
   */
  readonly directToReverbDb?: number;
  /** Delay of the first reflections after the direct path, in seconds, in [0, 0.05]. Default 0.002. */
  readonly reflectionDelaySeconds?: number;
  /** Length of the response, in seconds; default 1.2 × rt60 (the tail is then 72 dB down). */
  readonly lengthSeconds?: number;
}

/** Corner of the one-pole low-pass that colours the tail (air and wall absorption), in Hz. */
const TAIL_LOWPASS_HZ = 4_000;

/** Time over which the tail fades in after the reflection delay, in seconds. */
const TAIL_ONSET_SECONDS = 0.001;

/**
 * A room impulse response: sample 0 is the direct path (amplitude 1), and from
 * `reflectionDelaySeconds` on a Gaussian-noise tail whose energy envelope falls 60 dB in
 * `rt60Seconds` and whose total energy sits `directToReverbDb` below the direct path's.
 */
export function generateRoomImpulseResponse(options: RoomImpulseResponseOptions): Float32Array {
  const sampleRateHz = options.sampleRateHz ?? SAMPLE_RATE_HZ;
  const directToReverbDb = options.directToReverbDb ?? 0;
  const reflectionDelaySeconds = options.reflectionDelaySeconds ?? 0.002;
  assertInRange(options.rt60Seconds, "rt60Seconds", 0.05, 5);
  assertSampleRate(sampleRateHz, "sampleRateHz");
  assertInRange(directToReverbDb, "directToReverbDb", -20, 40);
  assertInRange(reflectionDelaySeconds, "reflectionDelaySeconds", 0, 0.05);
  const lengthSeconds = options.lengthSeconds ?? 1.2 * options.rt60Seconds;
  assertInRange(lengthSeconds, "lengthSeconds", 0.01, 10);

  const length = Math.max(2, Math.round(lengthSeconds * sampleRateHz));
  const random = createSeededRandom(options.seed);
  const tail = new Float64Array(length);
  const delay = Math.max(1, Math.round(reflectionDelaySeconds * sampleRateHz));
  const onset = Math.max(1, Math.round(TAIL_ONSET_SECONDS * sampleRateHz));
  // Amplitude envelope 10^(−3t/RT60): the energy falls by 60 dB in RT60 seconds.
  const decayPerSample = Math.exp((-3 * Math.LN10) / (options.rt60Seconds * sampleRateHz));
  const pole = Math.exp((-2 * Math.PI * TAIL_LOWPASS_HZ) / sampleRateHz);
  let filtered = 0;
  let envelope = 1;
  let energy = 0;
  for (let i = 0; i < length; i += 1) {
    filtered = (1 - pole) * gaussian(random) + pole * filtered;
    if (i >= delay) {
      const fadeIn = Math.min(1, (i - delay + 1) / onset);
      const value = filtered * envelope * fadeIn;
      tail[i] = value;
      energy += value * value;
    }
    envelope *= decayPerSample;
  }
  const response = new Float32Array(length);
  const tailScale = energy > 0 ? Math.sqrt(10 ** (-directToReverbDb / 10) / energy) : 0;
  for (let i = delay; i < length; i += 1) response[i] = (tail[i] as number) * tailScale;
  response[0] = 1;
  return response;
}

export interface ReverberateOptions {
  /** Keep the reverberant tail past the end of the input (length + rir − 1). Default false. */
  readonly keepTail?: boolean;
}

/**
 * Convolves `samples` with a room impulse response (FFT overlap-add). The result has the input's
 * length unless `keepTail`. With a response from generateRoomImpulseResponse the dry signal
 * passes at unit gain and the reverberation adds 10^(−DRR/10) of its energy on top.
 */
export function reverberate(
  samples: Float32Array,
  rir: Float32Array,
  options?: ReverberateOptions,
): Float32Array {
  assertFiniteSamples(samples);
  assertFiniteSamples(rir, "rir");
  if (rir.length === 0) {
    throw new AudioArgumentError("BAD_ARGUMENT", "rir is empty: an impulse response needs samples");
  }
  const outputLength =
    options?.keepTail === true && samples.length > 0
      ? samples.length + rir.length - 1
      : samples.length;
  return convolve(samples, rir, outputLength);
}

/** A standard normal deviate (Box–Muller; one of the pair is discarded for simplicity). */
function gaussian(random: SeededRandom): number {
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
