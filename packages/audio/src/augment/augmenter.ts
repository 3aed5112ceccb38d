// A seeded augmentation pipeline for training clips: each call draws which augmentations apply
// and with what settings from a generator seeded by (seed, call index), so a data set can be
// regenerated exactly and any one call reproduced on its own.
import { SAMPLE_RATE_HZ } from "../constants.js";
import { AudioArgumentError } from "../errors.js";
import { createSeededRandom, type SeededRandom } from "../random/seeded-random.js";
import {
  assertFiniteSamples,
  assertInRange,
  assertInteger,
  assertSampleRate,
} from "../resample/arguments.js";
import { applyGain, meanSquare } from "./gain.js";
import { mixAtSnr } from "./mix.js";
import { generateRoomImpulseResponse, reverberate } from "./room.js";
import { shiftAndPad } from "./shift.js";
import { speedPerturb } from "./speed.js";
import { telephoneBand } from "./telephone.js";

/** Each stage runs with its `probability` (in [0, 1]) and draws its settings uniformly from its ranges. */
export interface AugmentationConfig {
  /** Rate of the clips and background clips. Default 16 kHz. */
  readonly sampleRateHz?: number;
  /** Length of every result, in samples; default: the input clip's length. */
  readonly outputLength?: number;
  /** Speed perturbation by a factor in [minFactor, maxFactor] ⊂ [0.5, 2]. */
  readonly speed?: {
    readonly probability: number;
    readonly minFactor: number;
    readonly maxFactor: number;
  };
  /** Reverberation through a generated room response. */
  readonly reverb?: {
    readonly probability: number;
    readonly minRt60Seconds: number;
    readonly maxRt60Seconds: number;
    readonly minDirectToReverbDb: number;
    readonly maxDirectToReverbDb: number;
  };
  /** Time shift by up to ±maxShiftSeconds (then cropped or zero-padded to the output length). */
  readonly shift?: { readonly probability: number; readonly maxShiftSeconds: number };
  /** One of the background clips mixed in at an SNR in [minSnrDb, maxSnrDb]. */
  readonly background?: {
    readonly probability: number;
    readonly minSnrDb: number;
    readonly maxSnrDb: number;
  };
  /** Telephone band; μ-law and the 8 kHz channel each with their own probability. */
  readonly telephone?: {
    readonly probability: number;
    readonly muLawProbability?: number;
    readonly narrowbandProbability?: number;
  };
  /** Gain in [minDb, maxDb]. */
  readonly gain?: { readonly probability: number; readonly minDb: number; readonly maxDb: number };
  /**
   * Largest absolute sample value of a result; a louder result is scaled down to it (never
   * clipped). Default 1. Set to Infinity to leave levels alone.
   */
  readonly peakLimit?: number;
}

/** What one call did, in the order it was done. */
export type AugmentationStep =
  | { readonly kind: "speed"; readonly factor: number }
  | {
      readonly kind: "reverb";
      readonly rt60Seconds: number;
      readonly directToReverbDb: number;
    }
  | { readonly kind: "shift"; readonly shiftSamples: number }
  | {
      readonly kind: "background";
      readonly clipIndex: number;
      readonly snrDb: number;
      readonly offset: number;
    }
  | { readonly kind: "telephone"; readonly muLaw: boolean; readonly narrowband: boolean }
  | { readonly kind: "gain"; readonly gainDb: number }
  | { readonly kind: "peakLimit"; readonly scale: number };

export interface AugmentationResult {
  readonly samples: Float32Array;
  readonly steps: readonly AugmentationStep[];
  /** The call index the result was drawn for. */
  readonly index: number;
}

export interface Augmenter {
  /**
   * Augments `clip` (mixing in one of `backgroundClips` when the background stage fires). Each
   * call advances the call index; pass `index` to reproduce a particular call instead.
   */
  augment(
    clip: Float32Array,
    backgroundClips?: readonly Float32Array[],
    index?: number,
  ): Float32Array;
  /** As `augment`, also saying which stages ran with which settings. */
  augmentWithSteps(
    clip: Float32Array,
    backgroundClips?: readonly Float32Array[],
    index?: number,
  ): AugmentationResult;
  /** The index the next call without an explicit index will use. */
  readonly nextIndex: number;
}

/** Settings in the spirit of openWakeWord's and common keyword-spotting recipes. */
export const DEFAULT_AUGMENTATION_CONFIG: AugmentationConfig = {
  speed: { probability: 0.3, minFactor: 0.9, maxFactor: 1.1 },
  reverb: {
    probability: 0.3,
    minRt60Seconds: 0.2,
    maxRt60Seconds: 0.8,
    minDirectToReverbDb: 0,
    maxDirectToReverbDb: 12,
  },
  shift: { probability: 0.5, maxShiftSeconds: 0.2 },
  background: { probability: 0.7, minSnrDb: 0, maxSnrDb: 20 },
  telephone: { probability: 0.1, muLawProbability: 0.5, narrowbandProbability: 0.5 },
  gain: { probability: 0.5, minDb: -12, maxDb: 6 },
  peakLimit: 1,
};

/** An augmenter for `config`, deterministic for `seed` and the call index. */
export function createAugmenter(config: AugmentationConfig, seed: number | string): Augmenter {
  validateConfig(config);
  // Fails early on a bad seed.
  createSeededRandom(seed);
  let nextIndex = 0;

  const augmentWithSteps = (
    clip: Float32Array,
    backgroundClips: readonly Float32Array[] = [],
    index?: number,
  ): AugmentationResult => {
    const callIndex = index ?? nextIndex;
    assertInteger(callIndex, "index", 0, Number.MAX_SAFE_INTEGER);
    if (index === undefined) nextIndex += 1;
    assertFiniteSamples(clip, "clip");
    const random = createSeededRandom(`${String(seed)}/${callIndex}`);
    const steps: AugmentationStep[] = [];
    const sampleRateHz = config.sampleRateHz ?? SAMPLE_RATE_HZ;
    const outputLength = config.outputLength ?? clip.length;
    let samples = clip;

    const { speed, reverb, shift, background, telephone, gain } = config;
    if (speed !== undefined && fires(random, speed.probability)) {
      const factor = uniform(random, speed.minFactor, speed.maxFactor);
      samples = speedPerturb(samples, factor);
      steps.push({ kind: "speed", factor });
    }
    if (reverb !== undefined && fires(random, reverb.probability)) {
      const rt60Seconds = uniform(random, reverb.minRt60Seconds, reverb.maxRt60Seconds);
      const directToReverbDb = uniform(
        random,
        reverb.minDirectToReverbDb,
        reverb.maxDirectToReverbDb,
      );
      const rir = generateRoomImpulseResponse({
        rt60Seconds,
        directToReverbDb,
        sampleRateHz,
        seed: random.nextInt(2 ** 31),
      });
      samples = reverberate(samples, rir);
      steps.push({ kind: "reverb", rt60Seconds, directToReverbDb });
    }
    let shiftSamples = 0;
    if (shift !== undefined && fires(random, shift.probability)) {
      const maxShift = Math.round(shift.maxShiftSeconds * sampleRateHz);
      shiftSamples = random.nextInt(2 * maxShift + 1) - maxShift;
      steps.push({ kind: "shift", shiftSamples });
    }
    if (shiftSamples !== 0 || samples.length !== outputLength) {
      samples = shiftAndPad(samples, { shiftSamples, targetLength: outputLength });
    }
    if (background !== undefined && fires(random, background.probability)) {
      const usable = backgroundClips
        .map((noise, clipIndex) => ({ noise, clipIndex }))
        .filter(({ noise }) => noise.length > 0 && meanSquare(noise) > 0);
      const snrDb = uniform(random, background.minSnrDb, background.maxSnrDb);
      const pick = usable.length > 0 ? usable[random.nextInt(usable.length)] : undefined;
      if (pick !== undefined && meanSquare(samples) > 0) {
        const offset = random.nextInt(pick.noise.length);
        try {
          samples = mixAtSnr(samples, pick.noise, snrDb, { seed: 0, offset });
          steps.push({ kind: "background", clipIndex: pick.clipIndex, snrDb, offset });
        } catch (error) {
          // The stretch of noise under the clip may be silent (a clip with gaps): leave it dry.
          if (!(error instanceof AudioArgumentError && error.code === "SILENT_SIGNAL")) throw error;
        }
      }
    }
    if (telephone !== undefined && fires(random, telephone.probability)) {
      const muLaw = fires(random, telephone.muLawProbability ?? 0);
      const narrowband = fires(random, telephone.narrowbandProbability ?? 0);
      samples = telephoneBand(samples, sampleRateHz, { muLaw, narrowband });
      steps.push({ kind: "telephone", muLaw, narrowband });
    }
    if (gain !== undefined && fires(random, gain.probability)) {
      const gainDb = uniform(random, gain.minDb, gain.maxDb);
      samples = applyGain(samples, gainDb);
      steps.push({ kind: "gain", gainDb });
    }
    const peakLimit = config.peakLimit ?? 1;
    if (Number.isFinite(peakLimit)) {
      const limited = applyGain(samples, 0, { peakLimit });
      const scale = peakOfRatio(limited, samples);
      if (scale < 1) steps.push({ kind: "peakLimit", scale });
      samples = limited;
    }
    if (samples === clip) samples = clip.slice();
    return { samples, steps, index: callIndex };
  };

  return {
    augment: (clip, backgroundClips, index) =>
      augmentWithSteps(clip, backgroundClips, index).samples,
    augmentWithSteps,
    get nextIndex() {
      return nextIndex;
    },
  };
}

function fires(random: SeededRandom, probability: number): boolean {
  return random.next() < probability;
}

function uniform(random: SeededRandom, min: number, max: number): number {
  return min + (max - min) * random.next();
}

function peakOfRatio(after: Float32Array, before: Float32Array): number {
  let peakAfter = 0;
  let peakBefore = 0;
  for (let i = 0; i < before.length; i += 1) {
    peakAfter = Math.max(peakAfter, Math.abs(after[i] as number));
    peakBefore = Math.max(peakBefore, Math.abs(before[i] as number));
  }
  return peakBefore === 0 ? 1 : peakAfter / peakBefore;
}

function validateConfig(config: AugmentationConfig): void {
  if (config.sampleRateHz !== undefined) assertSampleRate(config.sampleRateHz, "sampleRateHz");
  if (config.outputLength !== undefined) {
    assertInteger(config.outputLength, "outputLength", 0, 2 ** 31);
  }
  if (config.peakLimit !== undefined && !(config.peakLimit > 0)) {
    throw new AudioArgumentError(
      "BAD_ARGUMENT",
      `peakLimit must be positive (Infinity for none), got ${String(config.peakLimit)}`,
    );
  }
  const range = (
    stage: string,
    min: number,
    max: number,
    low: number,
    high: number,
    unit: string,
  ) => {
    assertInRange(min, `${stage}.min${unit}`, low, high);
    assertInRange(max, `${stage}.max${unit}`, low, high);
    if (min > max) {
      throw new AudioArgumentError(
        "BAD_ARGUMENT",
        `${stage}: min${unit} ${min} is above max${unit} ${max}`,
      );
    }
  };
  const probability = (stage: string, value: number | undefined) => {
    if (value !== undefined) assertInRange(value, `${stage}.probability`, 0, 1);
  };
  const { speed, reverb, shift, background, telephone, gain } = config;
  if (speed !== undefined) {
    probability("speed", speed.probability);
    range("speed", speed.minFactor, speed.maxFactor, 0.5, 2, "Factor");
  }
  if (reverb !== undefined) {
    probability("reverb", reverb.probability);
    range("reverb", reverb.minRt60Seconds, reverb.maxRt60Seconds, 0.05, 5, "Rt60Seconds");
    range(
      "reverb",
      reverb.minDirectToReverbDb,
      reverb.maxDirectToReverbDb,
      -20,
      40,
      "DirectToReverbDb",
    );
  }
  if (shift !== undefined) {
    probability("shift", shift.probability);
    assertInRange(shift.maxShiftSeconds, "shift.maxShiftSeconds", 0, 60);
  }
  if (background !== undefined) {
    probability("background", background.probability);
    range("background", background.minSnrDb, background.maxSnrDb, -100, 200, "SnrDb");
  }
  if (telephone !== undefined) {
    probability("telephone", telephone.probability);
    probability("telephone.muLaw", telephone.muLawProbability);
    probability("telephone.narrowband", telephone.narrowbandProbability);
  }
  if (gain !== undefined) {
    probability("gain", gain.probability);
    range("gain", gain.minDb, gain.maxDb, -100, 100, "Db");
  }
}
