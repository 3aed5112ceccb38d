// Evaluates one stored model on the project's audio it never learned from, with core's
// evaluateDetector (the same measure as `wakeforge eval`): recall on the held-out positives,
// false accepts per hour on the held-out negatives and new background streamed as long audio,
// a DET curve, and every held-out clip's best score for the worst-mistakes table.
import { dirname } from "node:path";
import type { EvaluationProgress, EvaluationResult } from "@wakeforge/core";
import { loadCore } from "../core";
import type { Store } from "../store";
import type { Sample } from "../store/types";
import { readSampleAudio } from "../thumbnails/sample-audio";
import { TRAINING_RECORD_FILE } from "../training/training-record";
import { EvaluationError } from "./evaluation-error";
import type {
  EvaluationReport,
  ScoredSample,
  StreamFalseAccept,
  ThresholdChoice,
} from "./evaluation-types";
import { heldOutSamples, type HeldOutSamples } from "./held-out-samples";
import { loadModelDetector } from "./model-detector";
import { negativeStreams, type NegativeStreams } from "./negative-streams";
import { readTrainingSplit, type TrainingSplit } from "./training-split";

const SAMPLE_RATE_HZ = 16_000;
/**
 * Seconds of streamed negatives per base pass: about a quarter second of work on the wasm
 * backend of a busy 2-core machine, so page and API requests wait at most that long.
 */
const STREAM_SEGMENT_SECONDS = 5;

export interface EvaluateModelHooks {
  /** Done so far (0…1, by seconds of audio scored) and what is being scored. */
  readonly onProgress?: (fraction: number, step: string) => void;
  readonly signal?: AbortSignal;
}

function describeSample(sample: Sample): string | null {
  return sample.text ?? sample.originalName ?? null;
}

/** Seconds of audio scored once `progress` is reached, for a bar that moves evenly. */
function progressTracker(
  positives: readonly number[],
  negatives: readonly number[],
  streams: readonly number[],
) {
  const sum = (values: readonly number[], count = values.length) =>
    values.slice(0, count).reduce((a, b) => a + b, 0);
  const total = sum(positives) + sum(negatives) + sum(streams);
  const done = (p: EvaluationProgress): number => {
    switch (p.phase) {
      case "positives":
        return sum(positives, p.done);
      case "confusables":
        return sum(positives) + sum(negatives, p.done);
      case "long-negatives":
        return sum(positives) + sum(negatives) + sum(streams, p.done) + (p.fileDoneSeconds ?? 0);
      default:
        return total;
    }
  };
  return (p: EvaluationProgress): number => {
    return total > 0 ? Math.min(1, done(p) / total) : 1;
  };
}

const STEP_WORDS: Readonly<Record<EvaluationProgress["phase"], string>> = {
  positives: "held-out positives",
  confusables: "held-out negatives",
  "long-negatives": "negative audio, streamed",
  calibration: "calibrating the threshold",
  det: "drawing the DET curve",
};

function stepText(p: EvaluationProgress): string {
  const counted =
    p.phase === "positives" || p.phase === "confusables" ? ` (${p.done} of ${p.total})` : "";
  return `Scoring ${STEP_WORDS[p.phase]}${counted}`;
}

function scoredSamples(
  result: EvaluationResult,
  byId: ReadonlyMap<string, Sample>,
): ScoredSample[] {
  return result.samples.flatMap((scored): ScoredSample[] => {
    const sample = byId.get(scored.name);
    if (!sample || scored.role === "long-negative") return [];
    return [
      {
        sampleId: sample.id,
        label: scored.role === "positive" ? "positive" : "negative",
        source: sample.source,
        description: describeSample(sample),
        voice: sample.voice,
        maxScore: scored.maxScore,
        detected: scored.detected,
        margin: scored.margin,
      },
    ];
  });
}

function streamFalseAccepts(
  result: EvaluationResult,
  streams: NegativeStreams,
  byId: ReadonlyMap<string, Sample>,
): StreamFalseAccept[] {
  return result.samples.flatMap((scored) => {
    if (scored.role !== "long-negative") return [];
    return (scored.falseAcceptTimesSeconds ?? []).flatMap((seconds) => {
      const traced = streams.trace(scored.name, seconds);
      if (!traced) return [];
      const sample = byId.get(traced.sampleId);
      return [{ ...traced, description: sample ? describeSample(sample) : null }];
    });
  });
}

/** What the calibration listened to, in words. */
function streamedAudioWords(streams: NegativeStreams): string {
  const parts = [
    ...(streams.secondsByKind.speech > 0 ? ["the held-out negative speech"] : []),
    ...(streams.secondsByKind.noise > 0 ? ["the background added after training"] : []),
  ];
  return `${parts.join(" and ")}, streamed`;
}

/** What an evaluation will measure, checked before it starts (so a request can be refused). */
export interface EvaluationPlan {
  readonly projectId: string;
  readonly modelId: string;
  readonly phrase: string;
  /** The threshold the model was saved with. */
  readonly modelThreshold: number;
  readonly choice: ThresholdChoice;
  readonly split: TrainingSplit;
  readonly held: HeldOutSamples;
}

/**
 * Reads the model's training record and picks the held-out audio. Throws NO_HELD_OUT_POSITIVES
 * when no positive is by a voice the model never heard, and BAD_EVALUATION_REQUEST for a
 * false-accept budget without any negative audio to meet it on.
 */
export async function planEvaluation(
  store: Store,
  projectId: string,
  modelId: string,
  choice: ThresholdChoice,
): Promise<EvaluationPlan> {
  const project = store.getProject(projectId);
  const model = store.getModel(projectId, modelId);
  const split = await readTrainingSplit(store.modelFile(projectId, modelId, TRAINING_RECORD_FILE));
  const held = heldOutSamples(store.listSamples(projectId), split.trainVoices, model.createdAt);
  if (held.positives.length === 0) {
    throw new EvaluationError(
      "NO_HELD_OUT_POSITIVES",
      "no positive clip is by a voice this model never trained on; add positives in a new voice " +
        "(a recording or an upload counts) and evaluate again",
    );
  }
  if (choice.kind === "target" && held.negatives.length + held.background.length === 0) {
    throw new EvaluationError(
      "BAD_EVALUATION_REQUEST",
      "a false-accept budget needs negative audio the model never heard: add negatives in a new voice or background audio",
    );
  }
  return {
    projectId,
    modelId,
    phrase: project.phrase,
    modelThreshold: model.threshold,
    choice,
    split,
    held,
  };
}

/** Runs a planned evaluation: loads the model and the audio, scores, and builds the report. */
export async function evaluateModel(
  store: Store,
  plan: EvaluationPlan,
  hooks: EvaluateModelHooks = {},
): Promise<EvaluationReport> {
  const { projectId, modelId, choice, split, held } = plan;
  hooks.onProgress?.(0, "Loading the model and the audio");
  const dir = dirname(store.modelFile(projectId, modelId, "wakeforge.json"));
  const detector = await loadModelDetector(dir);
  try {
    const audio = async (samples: readonly Sample[]) =>
      Promise.all(
        samples.map(async (s) => ({
          sample: s,
          samples: await readSampleAudio(store.sampleFile(projectId, s.id)),
        })),
      );
    const [positives, negatives] = await Promise.all([
      audio(held.positives),
      audio(held.negatives),
    ]);
    hooks.signal?.throwIfAborted();
    const core = await loadCore();
    const streams = await negativeStreams({
      negatives: negatives.map((a) => ({ id: a.sample.id, samples: a.samples })),
      background: held.background,
      read: (sample) => readSampleAudio(store.sampleFile(projectId, sample.id)),
      pathOf: (sample) => store.sampleFile(projectId, sample.id),
      sampleRateHz: SAMPLE_RATE_HZ,
      // Room tone before each joined stream's first clip, while the head's window fills, and
      // after its last, as long as a detection still counts after a phrase ends.
      leadSeconds: core.embeddingEndSeconds((detector.manifest.window?.embeddings ?? 16) - 1),
      tailSeconds: core.DEFAULT_DETECTION_TOLERANCE_SECONDS,
    });
    const seconds = (list: readonly { samples: Float32Array }[]) =>
      list.map((a) => a.samples.length / SAMPLE_RATE_HZ);
    const fraction = progressTracker(seconds(positives), seconds(negatives), streams.seconds);
    const threshold = detector.manifest.threshold ?? plan.modelThreshold;
    const phrase = detector.manifest.phrase ?? plan.phrase;
    const result = await core.evaluateDetector({
      embedder: detector.embedder,
      // The smoothing the model was calibrated with comes from its manifest (detectionPolicyFor).
      head: {
        name: phrase,
        model: detector.model,
        policy: core.detectionPolicyFor(detector.manifest, { threshold }),
      },
      positives: positives.map((a) => ({
        name: a.sample.id,
        samples: a.samples,
        source: a.sample.source === "synthesized" ? "synthetic" : "recorded",
      })),
      negativeClips: negatives.map((a) => ({ name: a.sample.id, samples: a.samples })),
      longNegatives: streams.longNegatives,
      segmentSeconds: STREAM_SEGMENT_SECONDS,
      ...(choice.kind === "model"
        ? { threshold }
        : { targetFalseAcceptsPerHour: choice.falseAcceptsPerHour }),
      onProgress: (p) => hooks.onProgress?.(fraction(p), stepText(p)),
      ...(hooks.signal ? { signal: hooks.signal } : {}),
    });
    const byId = new Map(
      [...held.positives, ...held.negatives, ...held.background].map((s) => [s.id, s]),
    );
    const recall = result.recall.overall;
    const fa = result.falseAccepts.overall;
    const negativeClips = result.confusableFalseAcceptRate;
    const detSvg = core.detCurveSvg(result.det, {
      calibrated: {
        threshold: result.threshold,
        falseRejectRate: 1 - recall.recall,
        falseAcceptsPerHour: fa.perHour,
      },
      ...(choice.kind === "target"
        ? { targetFalseAcceptsPerHour: choice.falseAcceptsPerHour }
        : {}),
      title: `DET curve: "${phrase}" on audio it never trained on`,
    });
    return {
      modelId,
      phrase,
      threshold: result.threshold,
      thresholdSource: choice.kind,
      thresholdSetBy:
        choice.kind === "model"
          ? `set in training on ${split.thresholdFrom}${
              split.clipFalseAcceptRate === null
                ? ""
                : `, at ${Math.round(split.clipFalseAcceptRate * 100)} % of them firing`
            }`
          : `the lowest threshold giving at most ${choice.falseAcceptsPerHour} false accepts per hour on ${streamedAudioWords(streams)}`,
      targetFalseAcceptsPerHour: choice.kind === "target" ? choice.falseAcceptsPerHour : null,
      recall: { detected: recall.detected, total: recall.total, recall: recall.recall },
      recallBySource: Object.fromEntries(
        Object.entries(result.recall.bySource).map(([source, r]) => [
          source,
          { detected: r.detected, total: r.total },
        ]),
      ),
      falseAccepts: { count: fa.falseAccepts, hours: fa.hours, perHour: fa.perHour },
      negativeClipsFired: { fired: negativeClips.detected, total: negativeClips.total },
      detSvg,
      detPoints: result.det.length,
      samples: scoredSamples(result, byId),
      streamFalseAccepts: streamFalseAccepts(result, streams, byId),
      streamSeconds: streams.secondsByKind,
      streamRoomTone: { beforeSeconds: streams.leadSeconds, afterSeconds: streams.tailSeconds },
      heldOutVoices: held.voices,
      leftOut: held.leftOut,
      refractorySeconds: result.refractorySeconds,
      audioSeconds: result.timing.audioSeconds,
      wallSeconds: result.timing.wallSeconds,
    };
  } finally {
    detector.model.dispose();
  }
}
