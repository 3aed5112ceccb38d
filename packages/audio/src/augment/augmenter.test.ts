import { describe, expect, it } from "vitest";
import { AudioArgumentError } from "../errors.js";
import { rms, tone, whiteNoise } from "../resample/test-signals.js";
import {
  createAugmenter,
  DEFAULT_AUGMENTATION_CONFIG,
  type AugmentationConfig,
  type AugmentationStep,
} from "./augmenter.js";
import { peakOf } from "./gain.js";

const clip = tone(440, 16_000, 1.5, 0.4);
const backgrounds = [whiteNoise(5_000, 1, 0.3), new Float32Array(100), whiteNoise(40_000, 2, 0.2)];

const everything: AugmentationConfig = {
  outputLength: 32_000,
  speed: { probability: 1, minFactor: 0.9, maxFactor: 1.1 },
  reverb: {
    probability: 1,
    minRt60Seconds: 0.2,
    maxRt60Seconds: 0.6,
    minDirectToReverbDb: 0,
    maxDirectToReverbDb: 10,
  },
  shift: { probability: 1, maxShiftSeconds: 0.25 },
  background: { probability: 1, minSnrDb: 5, maxSnrDb: 15 },
  telephone: { probability: 1, muLawProbability: 0.5, narrowbandProbability: 0.5 },
  gain: { probability: 1, minDb: -6, maxDb: 12 },
  peakLimit: 1,
};

function run(config: AugmentationConfig, seed: number | string, calls: number) {
  const augmenter = createAugmenter(config, seed);
  return Array.from({ length: calls }, () => augmenter.augmentWithSteps(clip, backgrounds));
}

describe("createAugmenter", () => {
  it("gives identical results for the same seed and call index, different ones for another seed", () => {
    const a = run(DEFAULT_AUGMENTATION_CONFIG, 42, 12);
    const b = run(DEFAULT_AUGMENTATION_CONFIG, 42, 12);
    const c = run(DEFAULT_AUGMENTATION_CONFIG, 43, 12);
    a.forEach((result, i) => {
      expect(result.samples).toEqual(b[i]?.samples);
      expect(result.steps).toEqual(b[i]?.steps);
    });
    const differing = a.filter((result, i) => rms(result.samples) !== rms(c[i]?.samples ?? clip));
    expect(differing.length).toBeGreaterThan(6);
    // Consecutive calls differ from one another too.
    expect(a[0]?.steps).not.toEqual(a[1]?.steps);
  });

  it("reproduces any call from its index alone", () => {
    const sequence = run(everything, "seed", 5);
    const augmenter = createAugmenter(everything, "seed");
    expect(augmenter.augment(clip, backgrounds, 3)).toEqual(sequence[3]?.samples);
    expect(augmenter.nextIndex).toBe(0);
    expect(augmenter.augmentWithSteps(clip, backgrounds).index).toBe(0);
    expect(augmenter.nextIndex).toBe(1);
  });

  it("applies every stage with probability 1, within its ranges, at the output length and peak limit", () => {
    for (const result of run(everything, 7, 20)) {
      expect(result.samples.length).toBe(32_000);
      expect(peakOf(result.samples)).toBeLessThanOrEqual(1);
      const kinds = result.steps.map((step) => step.kind);
      expect(kinds.slice(0, 6)).toEqual([
        "speed",
        "reverb",
        "shift",
        "background",
        "telephone",
        "gain",
      ]);
      for (const step of result.steps) checkRanges(step);
    }
  });

  it("never picks a silent background clip", () => {
    for (const result of run(everything, 9, 30)) {
      const background = result.steps.find((step) => step.kind === "background");
      expect(background).toBeDefined();
      if (background?.kind === "background") expect(background.clipIndex).not.toBe(1);
    }
  });

  it("with no stages returns a copy of the clip; with probability 0 nothing runs", () => {
    const augmenter = createAugmenter({}, 1);
    const output = augmenter.augment(clip);
    expect(output).not.toBe(clip);
    expect(output).toEqual(clip);
    const never = createAugmenter(
      { ...everything, outputLength: undefined, ...zeroProbabilities(everything) },
      1,
    );
    expect(never.augmentWithSteps(clip, backgrounds).steps).toEqual([]);
  });

  it("turns an empty clip into silence of the output length", () => {
    const output = createAugmenter(everything, 3).augment(new Float32Array(0), backgrounds);
    expect(output.length).toBe(32_000);
    expect(peakOf(output)).toBe(0);
  });

  it("rejects bad configurations with typed errors", () => {
    const bad: AugmentationConfig[] = [
      { gain: { probability: 1.5, minDb: 0, maxDb: 1 } },
      { gain: { probability: 1, minDb: 3, maxDb: 1 } },
      { speed: { probability: 1, minFactor: 0.1, maxFactor: 1 } },
      { outputLength: -5 },
      { peakLimit: 0 },
    ];
    for (const config of bad) expect(() => createAugmenter(config, 1)).toThrow(AudioArgumentError);
    expect(() => createAugmenter({ gain: { probability: 1, minDb: 3, maxDb: 1 } }, 1)).toThrow(
      /gain: minDb 3 is above maxDb 1/,
    );
  });
});

function zeroProbabilities(config: AugmentationConfig): Partial<AugmentationConfig> {
  const zeroed: Record<string, unknown> = {};
  for (const key of ["speed", "reverb", "shift", "background", "telephone", "gain"] as const) {
    const stage = config[key];
    if (stage !== undefined) zeroed[key] = { ...stage, probability: 0 };
  }
  return { ...zeroed, peakLimit: Number.POSITIVE_INFINITY };
}

function checkRanges(step: AugmentationStep): void {
  switch (step.kind) {
    case "speed":
      expect(step.factor).toBeGreaterThanOrEqual(0.9);
      expect(step.factor).toBeLessThanOrEqual(1.1);
      break;
    case "reverb":
      expect(step.rt60Seconds).toBeGreaterThanOrEqual(0.2);
      expect(step.rt60Seconds).toBeLessThanOrEqual(0.6);
      expect(step.directToReverbDb).toBeGreaterThanOrEqual(0);
      expect(step.directToReverbDb).toBeLessThanOrEqual(10);
      break;
    case "shift":
      expect(Math.abs(step.shiftSamples)).toBeLessThanOrEqual(4_000);
      break;
    case "background":
      expect(step.snrDb).toBeGreaterThanOrEqual(5);
      expect(step.snrDb).toBeLessThanOrEqual(15);
      break;
    case "gain":
      expect(step.gainDb).toBeGreaterThanOrEqual(-6);
      expect(step.gainDb).toBeLessThanOrEqual(12);
      break;
    case "peakLimit":
      expect(step.scale).toBeLessThan(1);
      break;
    case "telephone":
      break;
  }
}
