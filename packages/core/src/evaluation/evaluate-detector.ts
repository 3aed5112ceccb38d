// One call that judges a detector the way wake-word engines are judged: recall on positive
// clips (real recordings reported apart from synthetic ones), false accepts per hour on long
// negative audio (speech, music, noise) with a refractory period, the confusable false-accept
// rate on near-miss phrases, a DET curve, detection latency, and the threshold that meets a
// false-accept budget, calibrated on the long general negatives only (see det-curve.ts).
import { SAMPLE_RATE_HZ, createSeededRandom, resample } from "@wakeforge/audio";
import { DEFAULT_REFRACTORY_SECONDS } from "../detector/detection-policy.js";
import { scoreClip, type DetectorHead } from "../detector/streaming-detector.js";
import { WakeforgeCoreError } from "../errors.js";
import type { Embedder } from "../features/embedder.js";
import { EMBEDDING_STEP_SECONDS, embeddingEndSeconds } from "../features/feature-timeline.js";
import {
  DEFAULT_TARGET_FALSE_ACCEPTS_PER_HOUR,
  calibrateThreshold,
  detCurve,
  type DetPoint,
  type ThresholdCalibration,
} from "./det-curve.js";
import { scoreLongAudio } from "./long-audio.js";
import {
  DEFAULT_DETECTION_TOLERANCE_SECONDS,
  clipOutcome,
  estimatePhraseEndSeconds,
  falseAcceptSteps,
  falseAcceptsPerHour,
  recallAt,
  smoothScores,
  summarizeLatency,
  type FalseAcceptRate,
  type LatencySummary,
  type NegativeStream,
  type RecallSummary,
} from "./stream-metrics.js";

export type PositiveSource = "synthetic" | "recorded";
export type NegativeKind = "speech" | "music" | "noise";

export interface PositiveClip {
  readonly name: string;
  /** Mono samples, −1…1, at `sampleRateHz` (default 16 kHz). */
  readonly samples: Float32Array;
  readonly sampleRateHz?: number;
  readonly source: PositiveSource;
  /** Where the phrase ends in the clip, seconds; default: the end of its audible part. */
  readonly phraseEndSeconds?: number;
}

/** A short near-miss (confusable) clip: "hey nover" for "hey nova". */
export interface NegativeClip {
  readonly name: string;
  readonly samples: Float32Array;
  readonly sampleRateHz?: number;
}

/** Long general negative audio: a WAV path (streamed) or samples. */
export interface LongNegative {
  readonly name: string;
  readonly kind: NegativeKind;
  readonly path?: string;
  readonly samples?: Float32Array;
  readonly sampleRateHz?: number;
}

export type EvaluationPhase =
  "positives" | "confusables" | "long-negatives" | "calibration" | "det";

export interface EvaluationProgress {
  readonly phase: EvaluationPhase;
  readonly done: number;
  readonly total: number;
  /** The clip or file being worked on. */
  readonly name?: string;
  /** Long files: seconds of the current file scored so far, and its length. */
  readonly fileDoneSeconds?: number;
  readonly fileTotalSeconds?: number;
}

export interface EvaluateDetectorOptions {
  readonly embedder: Embedder;
  readonly head: DetectorHead;
  readonly positives: readonly PositiveClip[];
  readonly negativeClips?: readonly NegativeClip[];
  readonly longNegatives: readonly LongNegative[];
  /**
   * Long negatives that set the threshold. Default: `longNegatives` themselves (then the false
   * accepts per hour are measured on the calibration audio, and the result says so).
   */
  readonly calibrationNegatives?: readonly LongNegative[];
  /**
   * Calibration audio too short to show the target rate raises the threshold along the fitted
   * tail of the false-accept rate (see calibrateThreshold). Default false: on a trained
   * "hey nova" head the fitted tail was shallow and the threshold overshot (0.998, recall 28 %).
   */
  readonly extrapolateTail?: boolean;
  /** Use this threshold instead of calibrating one. */
  readonly threshold?: number;
  /** Default 0.5. */
  readonly targetFalseAcceptsPerHour?: number;
  /** Default 2 s. */
  readonly refractorySeconds?: number;
  /** A positive still counts when detected this long after its phrase ends. Default 1 s. */
  readonly toleranceSeconds?: number;
  /** Default: the head's policy (1 = none). */
  readonly smoothingSteps?: number;
  /** Default 200. */
  readonly maxDetPoints?: number;
  /**
   * Seconds of long negative audio per base pass (scoreLongAudio's segment; default 30). Shorter
   * segments give the event loop a turn more often, at a few percent more work.
   */
  readonly segmentSeconds?: number;
  readonly onProgress?: (progress: EvaluationProgress) => void;
  readonly signal?: AbortSignal;
}

export type SampleRole = "positive" | "confusable" | "long-negative";

export interface SampleScore {
  readonly name: string;
  readonly role: SampleRole;
  readonly source?: PositiveSource;
  readonly kind?: NegativeKind;
  readonly maxScore: number;
  /** Positives: detected; negatives: fired at least once. */
  readonly detected: boolean;
  /** How far on the right side of the threshold (negative: wrong). Sorted by this, worst first. */
  readonly margin: number;
  readonly latencySeconds?: number;
  /** Long negatives: false accepts, per hour, and the first few times (seconds into the file). */
  readonly falseAccepts?: number;
  readonly falseAcceptsPerHour?: number;
  readonly falseAcceptTimesSeconds?: readonly number[];
  readonly durationSeconds?: number;
}

export interface EvaluationResult {
  readonly head: string;
  readonly threshold: number;
  readonly thresholdSource: "given" | "calibrated";
  readonly calibration?: ThresholdCalibration;
  /** Names of the files that set the threshold (empty when it was given). */
  readonly thresholdSetBy: readonly string[];
  /** True when false accepts per hour were measured on the audio that set the threshold. */
  readonly calibratedOnEvaluationAudio: boolean;
  readonly targetFalseAcceptsPerHour: number;
  readonly refractorySeconds: number;
  /** Scores were averaged over this many 80 ms steps before the threshold (1 = none). */
  readonly smoothingSteps: number;
  readonly toleranceSeconds: number;
  readonly recall: {
    readonly overall: RecallSummary;
    readonly bySource: Readonly<Partial<Record<PositiveSource, RecallSummary>>>;
  };
  readonly falseAccepts: {
    readonly overall: FalseAcceptRate;
    readonly byKind: Readonly<Partial<Record<NegativeKind, FalseAcceptRate>>>;
  };
  /** Share of near-miss clips that fired at the threshold (they set no threshold). */
  readonly confusableFalseAcceptRate: RecallSummary;
  readonly det: readonly DetPoint[];
  readonly latency: LatencySummary;
  /** Every clip and file, worst first (most wrong side of the threshold). */
  readonly samples: readonly SampleScore[];
  readonly timing: {
    readonly audioSeconds: number;
    readonly wallSeconds: number;
  };
}

const DITHER = 1e-3;

function to16k(samples: Float32Array, rate: number | undefined): Float32Array {
  return rate === undefined || rate === SAMPLE_RATE_HZ
    ? samples
    : resample(samples, rate, SAMPLE_RATE_HZ);
}

/** Lets timers and I/O run between pieces of a long evaluation. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Quiet, seeded room tone (±1e-3) so padding is never digital silence. */
function roomTone(length: number, seed: string): Float32Array {
  const random = createSeededRandom(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i += 1) out[i] = (random.next() - 0.5) * 2 * DITHER;
  return out;
}

interface ScoredClip {
  readonly scores: Float32Array;
  readonly firstTimeSeconds: number;
  readonly clipStartSeconds: number;
  readonly phraseEndSeconds: number;
}

/**
 * Scores one short clip placed after `leadSeconds` of room tone (so the head's window is full
 * when the phrase starts) and followed by `tailSeconds`.
 */
function scorePaddedClip(
  embedder: Embedder,
  head: DetectorHead,
  samples: Float32Array,
  phraseEndSeconds: number,
  leadSeconds: number,
  tailSeconds: number,
  smoothing: number,
  seed: string,
): ScoredClip {
  const lead = Math.round(leadSeconds * SAMPLE_RATE_HZ);
  const tail = Math.round(tailSeconds * SAMPLE_RATE_HZ);
  const padded = roomTone(lead + samples.length + tail, seed);
  for (let i = 0; i < samples.length; i += 1)
    padded[lead + i] = (padded[lead + i] ?? 0) + (samples[i] ?? 0);
  const { steps } = scoreClip(embedder, [head], padded);
  const scored = steps.filter((s) => s.scores[head.name] !== undefined);
  const scores = smoothScores(
    Float32Array.from(scored, (s) => s.scores[head.name] ?? 0),
    smoothing,
  );
  return {
    scores,
    firstTimeSeconds: scored[0]?.timeSeconds ?? embeddingEndSeconds(0),
    clipStartSeconds: lead / SAMPLE_RATE_HZ,
    phraseEndSeconds: lead / SAMPLE_RATE_HZ + phraseEndSeconds,
  };
}

function headWindow(head: DetectorHead): number {
  const window = head.model.inputs[0]?.shape?.[1];
  return typeof window === "number" ? window : 16;
}

interface ScoredLong {
  readonly negative: LongNegative;
  readonly stream: NegativeStream & {
    readonly scores: Float32Array;
    readonly firstTimeSeconds: number;
  };
}

async function scoreLongNegatives(
  options: EvaluateDetectorOptions,
  list: readonly LongNegative[],
  smoothing: number,
  phase: EvaluationPhase,
): Promise<ScoredLong[]> {
  const report = (
    done: number,
    name?: string,
    file?: { doneSeconds: number; totalSeconds: number },
  ) =>
    options.onProgress?.({
      phase,
      done,
      total: list.length,
      ...(name !== undefined ? { name } : {}),
      ...(file ? { fileDoneSeconds: file.doneSeconds, fileTotalSeconds: file.totalSeconds } : {}),
    });
  const out: ScoredLong[] = [];
  for (const [i, negative] of list.entries()) {
    report(i, negative.name);
    const source =
      negative.path ??
      (negative.samples
        ? { samples: negative.samples, sampleRateHz: negative.sampleRateHz ?? SAMPLE_RATE_HZ }
        : undefined);
    if (source === undefined) {
      throw new WakeforgeCoreError(
        "BAD_ARGUMENT",
        `long negative "${negative.name}" has neither path nor samples`,
      );
    }
    const scored = await scoreLongAudio(options.embedder, [options.head], source, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.segmentSeconds !== undefined ? { segmentSeconds: options.segmentSeconds } : {}),
      onProgress: (file) => report(i, negative.name, file),
    });
    const series = scored.heads[options.head.name];
    out.push({
      negative,
      stream: {
        scores: smoothScores(series?.scores ?? new Float32Array(0), smoothing),
        firstTimeSeconds: series?.firstTimeSeconds ?? 0,
        durationSeconds: scored.durationSeconds,
      },
    });
  }
  report(list.length);
  return out;
}

/** Judges one head on positives, near-miss clips and long negative audio. */
export async function evaluateDetector(
  options: EvaluateDetectorOptions,
): Promise<EvaluationResult> {
  const started = performance.now();
  const { embedder, head } = options;
  const target = options.targetFalseAcceptsPerHour ?? DEFAULT_TARGET_FALSE_ACCEPTS_PER_HOUR;
  const refractorySeconds = options.refractorySeconds ?? DEFAULT_REFRACTORY_SECONDS;
  const toleranceSeconds = options.toleranceSeconds ?? DEFAULT_DETECTION_TOLERANCE_SECONDS;
  const smoothing = options.smoothingSteps ?? head.policy.smoothingSteps ?? 1;
  const negativeClips = options.negativeClips ?? [];
  const progress = (phase: EvaluationPhase, total: number) => (done: number, name?: string) =>
    options.onProgress?.({ phase, done, total, ...(name !== undefined ? { name } : {}) });
  if (options.positives.length === 0) {
    throw new WakeforgeCoreError("NO_POSITIVES", "evaluation needs at least one positive clip");
  }
  const leadSeconds = embeddingEndSeconds(headWindow(head) - 1);
  const tailSeconds = toleranceSeconds + 2 * EMBEDDING_STEP_SECONDS;
  let audioSeconds = 0;

  // Positives and near-miss clips, one batch pass each, letting the event loop run between
  // clips (a server evaluating a few hundred clips still answers requests meanwhile).
  const scoreShortClips = async <C extends NegativeClip>(
    phase: "positives" | "confusables",
    clips: readonly C[],
    phraseEnd: (clip: C, samples: Float32Array) => number,
  ) => {
    const report = progress(phase, clips.length);
    const scored: { clip: C; scored: ScoredClip }[] = [];
    for (const [i, clip] of clips.entries()) {
      options.signal?.throwIfAborted();
      report(i, clip.name);
      const samples = to16k(clip.samples, clip.sampleRateHz);
      audioSeconds += samples.length / SAMPLE_RATE_HZ;
      scored.push({
        clip,
        scored: scorePaddedClip(
          embedder,
          head,
          samples,
          phraseEnd(clip, samples),
          leadSeconds,
          tailSeconds,
          smoothing,
          clip.name,
        ),
      });
      await yieldToEventLoop();
    }
    report(clips.length);
    return scored;
  };
  const positives = await scoreShortClips(
    "positives",
    options.positives,
    (clip, samples) => clip.phraseEndSeconds ?? estimatePhraseEndSeconds(samples, SAMPLE_RATE_HZ),
  );
  const confusables = await scoreShortClips(
    "confusables",
    negativeClips,
    (_, samples) => samples.length / SAMPLE_RATE_HZ,
  );

  // Long negatives, streamed.
  const longList = options.longNegatives;
  const longs = await scoreLongNegatives(options, longList, smoothing, "long-negatives");
  const calibrationList = options.calibrationNegatives;
  const calibrationLongs = calibrationList
    ? await scoreLongNegatives(options, calibrationList, smoothing, "calibration")
    : longs;
  audioSeconds += longs.reduce((s, l) => s + l.stream.durationSeconds, 0);
  if (calibrationList)
    audioSeconds += calibrationLongs.reduce((s, l) => s + l.stream.durationSeconds, 0);

  // Threshold: given, or the lowest meeting the budget on the long general negatives.
  let calibration: ThresholdCalibration | undefined;
  let threshold: number;
  if (options.threshold !== undefined) {
    threshold = options.threshold;
  } else {
    progress("calibration", 1)(0);
    calibration = calibrateThreshold({
      negativeScores: calibrationLongs.map((l) => l.stream),
      targetFalseAcceptsPerHour: target,
      refractorySeconds,
      extrapolateTail: options.extrapolateTail ?? false,
    });
    threshold = calibration.threshold;
    progress("calibration", 1)(1);
  }

  const faOptions = { refractorySeconds };
  const positiveOutcomes = positives.map((p) => ({
    ...p,
    outcome: clipOutcome(p.scored, threshold, toleranceSeconds),
  }));
  const confusableOutcomes = confusables.map((c) => ({
    ...c,
    outcome: clipOutcome(c.scored, threshold, toleranceSeconds),
  }));
  const maxScores = (list: readonly { outcome: { maxScore: number } }[]) =>
    list.map((p) => p.outcome.maxScore);

  const bySource: Partial<Record<PositiveSource, RecallSummary>> = {};
  for (const source of ["synthetic", "recorded"] as const) {
    const these = positiveOutcomes.filter((p) => p.clip.source === source);
    if (these.length > 0) bySource[source] = recallAt(maxScores(these), threshold);
  }
  const byKind: Partial<Record<NegativeKind, FalseAcceptRate>> = {};
  for (const kind of ["speech", "music", "noise"] as const) {
    const these = longs.filter((l) => l.negative.kind === kind);
    if (these.length > 0)
      byKind[kind] = falseAcceptsPerHour(
        these.map((l) => l.stream),
        threshold,
        faOptions,
      );
  }

  progress("det", 1)(0);
  const det = detCurve({
    positiveScores: maxScores(positiveOutcomes),
    negatives: longs.map((l) => l.stream),
    refractorySeconds,
    maxPoints: options.maxDetPoints ?? 200,
  });
  progress("det", 1)(1);

  const samples: SampleScore[] = [
    ...positiveOutcomes.map((p): SampleScore => ({
      name: p.clip.name,
      role: "positive",
      source: p.clip.source,
      maxScore: p.outcome.maxScore,
      detected: p.outcome.detected,
      margin: p.outcome.maxScore - threshold,
      ...(p.outcome.latencySeconds !== undefined
        ? { latencySeconds: p.outcome.latencySeconds }
        : {}),
    })),
    ...confusableOutcomes.map((c): SampleScore => ({
      name: c.clip.name,
      role: "confusable",
      maxScore: c.outcome.maxScore,
      detected: c.outcome.detected,
      margin: threshold - c.outcome.maxScore,
    })),
    ...longs.map((l): SampleScore => {
      const fired = falseAcceptSteps(l.stream.scores, threshold, faOptions);
      let maxScore = 0;
      for (const s of l.stream.scores) if (s > maxScore) maxScore = s;
      const hours = l.stream.durationSeconds / 3600;
      return {
        name: l.negative.name,
        role: "long-negative",
        kind: l.negative.kind,
        maxScore,
        detected: fired.length > 0,
        margin: threshold - maxScore,
        falseAccepts: fired.length,
        falseAcceptsPerHour: hours > 0 ? fired.length / hours : 0,
        falseAcceptTimesSeconds: fired
          .slice(0, 20)
          .map((i) => l.stream.firstTimeSeconds + i * EMBEDDING_STEP_SECONDS),
        durationSeconds: l.stream.durationSeconds,
      };
    }),
  ].sort((a, b) => a.margin - b.margin);

  const calibrationNames = calibrationLongs.map((l) => l.negative.name);
  return {
    head: head.name,
    threshold,
    thresholdSource: calibration ? "calibrated" : "given",
    ...(calibration ? { calibration } : {}),
    thresholdSetBy: calibration ? calibrationNames : [],
    calibratedOnEvaluationAudio: calibration !== undefined && calibrationList === undefined,
    targetFalseAcceptsPerHour: target,
    refractorySeconds,
    smoothingSteps: smoothing,
    toleranceSeconds,
    recall: { overall: recallAt(maxScores(positiveOutcomes), threshold), bySource },
    falseAccepts: {
      overall: falseAcceptsPerHour(
        longs.map((l) => l.stream),
        threshold,
        faOptions,
      ),
      byKind,
    },
    confusableFalseAcceptRate: recallAt(maxScores(confusableOutcomes), threshold),
    det,
    latency: summarizeLatency(
      positiveOutcomes.flatMap((p) =>
        p.outcome.latencySeconds !== undefined ? [p.outcome.latencySeconds] : [],
      ),
    ),
    samples,
    timing: { audioSeconds, wallSeconds: (performance.now() - started) / 1000 },
  };
}
