// One training run from data to a saved model directory: what `wakeforge train` does and what a
// worker does for a `train` job. The caller starts the tfjs backend and says how to report.
import { join } from "node:path";
import {
  Embedder,
  SPEECH_EMBEDDING,
  TRAINED_HEAD_SMOOTHING_STEPS,
  detCurveSvg,
  evaluateDetector,
  fullyConvolutionalBase,
  generateNegativeAudio,
  headManifest,
  learningCurvesSvg,
  NESTED_BASE_FOLDER,
  WORD_NETWORK_BASE_ID,
  loadDefaultTrainingBase,
  loadWordNetwork,
  loadFolderDataset,
  mergeDatasets,
  renderReportHtml,
  saveModelDirectory,
  trainWakeWord,
  type Dataset,
  type EvaluationResult,
  type TrainWakeWordResult,
  OTHER_WAKE_WORD,
} from "@wakeforge/core";
import { synthesizeDataset } from "@wakeforge/synth";
import { toolVersions } from "../versions.js";
import { loadKindFolder } from "./folder-dataset.js";
import { trainingBackground } from "./training-background.js";
import type { TrainingProgress, TrainingStep } from "./training-progress.js";
import { phraseSlug, workDirFor } from "./work-dir.js";

export interface RunTrainingOptions {
  readonly phrase: string;
  /** The model directory to write; replaced as a whole once everything is ready. */
  readonly out: string;
  /** Synthetic positives (and as many negatives) to make; 0 for none. */
  readonly synth: number;
  readonly positives?: string;
  readonly negatives?: string;
  readonly background?: string;
  /**
   * Other wake words trained with this one (`train --word A --word B`): their synthetic positives
   * (made as their own runs make them) are this word's negatives, so one does not wake another,
   * and their words stay out of the generated audio.
   */
  readonly alongside?: readonly string[];
  /** A word network from `wakeforge pretrain` to transfer from; default the zoo's speech base. */
  readonly baseDir?: string;
  readonly compareScratch: boolean;
  /**
   * Windows the scratch run trains on per epoch (core's default when absent: end-to-end steps
   * through the imported base are costly; a compact word network affords many more).
   */
  readonly scratchWindowsPerEpoch?: number;
  readonly fineTune: boolean;
  readonly epochs: number;
  readonly seed: number;
  readonly negativeMinutes: number;
  readonly backgroundMinutes: number;
  /** The tfjs backend already running, as recorded in the training record and report. */
  readonly backend: string;
  /** Synthetic clips, caches and generated audio are kept under it between runs. */
  readonly dataDir: string;
  /** When the run began, for the total time it records; default now. */
  readonly startedAtMs?: number;
}

export interface RunTrainingHooks {
  readonly progress: TrainingProgress;
  /**
   * Stops the run at the next clip, block of audio or epoch with the signal's reason (a job that
   * was cancelled, a worker that shuts down). Nothing is written to `out` then.
   */
  readonly signal?: AbortSignal;
}

/** What `wakeforge train --json` prints. */
export interface TrainingSummary {
  readonly out: string;
  readonly phrase: string;
  readonly threshold: number;
  readonly recall: number;
  readonly falseAcceptsPerHour: number;
  readonly verdict: string | undefined;
  readonly negativeTransfer: boolean;
  readonly seconds: number;
}

export interface TrainingOutcome {
  readonly summary: TrainingSummary;
  /** The verdict's warning (negative transfer, too little data), when it has one. */
  readonly warning: string | undefined;
}

/** Stage boundaries of the whole run in its progress. */
const SHARE: Readonly<Record<TrainingStep, readonly [number, number]>> = {
  synth: [0, 0.12],
  background: [0.12, 0.18],
  negatives: [0.18, 0.22],
  training: [0.22, 0.86],
  evaluation: [0.86, 1],
};
const within = (step: TrainingStep, fraction: number) =>
  SHARE[step][0] + (SHARE[step][1] - SHARE[step][0]) * fraction;

export async function runTraining(
  options: RunTrainingOptions,
  { progress, signal }: RunTrainingHooks,
): Promise<TrainingOutcome> {
  const { phrase, seed, epochs } = options;
  const started = options.startedAtMs ?? Date.now();
  const work = workDirFor(phrase, options.dataDir);
  const update = (step: TrainingStep, fraction: number, detail?: string) =>
    progress.update(step, within(step, fraction), detail);
  // A word network to transfer from is checked before minutes go into data.
  const word = options.baseDir ? await loadWordNetwork(options.baseDir) : undefined;

  // 1. Data: synthetic clips, the person's own recordings and negatives, background noise.
  const datasets: Dataset[] = [];
  const alongside = (options.alongside ?? []).filter((other) => other !== phrase);
  // Words that generated speech must not say: this one's and those trained alongside it.
  const excludeWords = [phrase, ...alongside].flatMap((words) => words.split(/\s+/));
  if (options.synth > 0) {
    progress.stage("synthesizing");
    const phrases = [phrase, ...alongside];
    for (const [i, spoken] of phrases.entries()) {
      // Each phrase's clips in its own work folder, as its own run makes them: made once.
      const dir = join(workDirFor(spoken, options.dataDir), "synthetic");
      const synthesized = await synthesizeDataset({
        phrase: spoken,
        positives: options.synth,
        negatives: options.synth,
        seed,
        outDir: dir,
        ...(signal ? { signal } : {}),
        onProgress: (p) =>
          update(
            "synth",
            (i + p.done / Math.max(1, p.total)) / phrases.length,
            `${phrases.length > 1 ? `"${spoken}" ` : ""}${p.done}/${p.total} clips`,
          ),
      });
      if (synthesized.failures.length > 0)
        progress.log(
          `synthesis of "${spoken}": ${synthesized.failures.length} clips failed and were left out`,
          "warn",
        );
      const loaded = await loadFolderDataset(dir);
      datasets.push(i === 0 ? loaded : otherWordAsNegatives(loaded, spoken));
    }
  }
  if (options.positives) datasets.push(await loadKindFolder(options.positives, "positive"));
  if (options.negatives) datasets.push(await loadKindFolder(options.negatives, "negative"));
  if (options.background) datasets.push(await loadKindFolder(options.background, "background"));
  signal?.throwIfAborted();
  progress.stage("synthesizing");
  const generatedBackground = await trainingBackground({
    workDir: work,
    minutes: options.backgroundMinutes,
    seed,
    excludeWords,
    onProgress: (fraction, kind) => update("background", fraction, kind),
    log: (message) => progress.log(message),
  });
  // Background generation takes no signal: a stop asked for meanwhile takes effect here.
  signal?.throwIfAborted();
  if (generatedBackground.length > 0) {
    datasets.push({
      root: join(work, "training-background"),
      layout: "memory",
      positives: [],
      negatives: [],
      background: generatedBackground,
      errors: [],
    });
  }
  const dataset = mergeDatasets(datasets);
  for (const error of dataset.errors)
    progress.log(`skipped unreadable file ${error.message}`, "warn");

  // 2. Long general negative audio for the threshold (never the near-miss phrases).
  const negatives = await generateNegativeAudio({
    outDir: join(work, "negative-audio"),
    minutes: options.negativeMinutes,
    seed,
    excludeWords,
    ...(signal ? { signal } : {}),
    onProgress: (p) => update("negatives", p.doneSeconds / Math.max(1, p.totalSeconds), p.kind),
  });

  // 3. Training: transfer (and scratch, fine-tune). The base is loaded once, for training and
  // for the evaluation below.
  const base = word ? { model: word.base, id: word.cacheId } : await loadDefaultTrainingBase();
  signal?.throwIfAborted();
  const result: TrainWakeWordResult = await trainWakeWord(
    {
      phrase,
      dataset,
      seed,
      epochs,
      compareScratch: options.compareScratch,
      ...(options.scratchWindowsPerEpoch === undefined
        ? {}
        : { scratch: { maxWindowsPerEpoch: options.scratchWindowsPerEpoch } }),
      fineTune: options.fineTune,
      base,
      cache: join(work, "embedding-cache"),
    },
    {
      ...(signal ? { signal } : {}),
      onProgress: (event) => {
        if (event.type === "stage") progress.stage(event.stage);
        else if (event.type === "progress") update("training", event.fraction);
        else if (event.type === "epoch") progress.epoch(event);
        else if (event.type === "log" && event.level !== "debug")
          progress.log(event.message, event.level);
      },
    },
  );

  // 4. Evaluation on held-out voices and the negative audio; the threshold is calibrated there.
  progress.stage("evaluating");
  const heldOut = new Set(result.split.testSpeakers);
  const embedder = new Embedder(fullyConvolutionalBase(base.model));
  const evaluation: EvaluationResult = await evaluateDetector({
    embedder,
    // Calibrated on scores averaged as the detector will average them when it listens.
    head: {
      name: phrase,
      model: result.transferHead,
      policy: { threshold: 0.5, smoothingSteps: TRAINED_HEAD_SMOOTHING_STEPS },
    },
    positives: dataset.positives
      .filter((clip) => heldOut.has(clip.speakerId))
      .map((clip) => ({ name: clip.id, samples: clip.samples, source: clip.source })),
    negativeClips: dataset.negatives
      .filter((clip) => heldOut.has(clip.speakerId) && clip.category === "confusable")
      .map((clip) => ({ name: clip.id, samples: clip.samples })),
    longNegatives: negatives.map((n) => ({ name: n.name, kind: n.kind, path: n.path })),
    ...(signal ? { signal } : {}),
    onProgress: (p) => update("evaluation", p.done / Math.max(1, p.total), p.phase),
  });
  progress.done();

  // 5. The model directory: head, manifest, training record, report.
  progress.stage("exporting");
  const scratchInitial = result.initial.scratch;
  const curves = result.curves.scratch
    ? (["recallAtFar", "valLoss"] as const).map((metric) => ({
        transfer: result.curves.transfer,
        scratch: result.curves.scratch ?? [],
        metric,
        label: metric === "recallAtFar" ? "held-out recall (5 % false accepts)" : "held-out loss",
        width: 720,
        ...(scratchInitial
          ? {
              initial: {
                transfer: result.initial.transfer[metric],
                scratch: scratchInitial[metric],
              },
            }
          : {}),
      }))
    : [];
  const verdict = result.verdict;
  const record = {
    phrase,
    backend: options.backend,
    seed,
    epochs,
    curves: result.curves,
    verdict,
    counts: result.counts,
    seconds: { ...result.seconds, total: (Date.now() - started) / 1000 },
    split: result.split,
    evaluation: { ...evaluation, samples: evaluation.samples.slice(0, 200) },
  };
  const extraFiles: Record<string, string> = {
    "metrics.json": `${JSON.stringify(record, null, 2)}\n`,
    "report.html": renderReportHtml({
      phrase,
      ...(verdict ? { verdict } : {}),
      curves,
      evaluation,
      details: {
        base: word ? `${WORD_NETWORK_BASE_ID} (${options.baseDir})` : SPEECH_EMBEDDING.id,
        backend: options.backend,
        "training time": `${Math.round((Date.now() - started) / 1000)} s`,
      },
    }),
    "det.svg": detCurveSvg(evaluation.det, {
      calibrated: {
        threshold: evaluation.threshold,
        falseRejectRate: 1 - evaluation.recall.overall.recall,
        falseAcceptsPerHour: evaluation.falseAccepts.overall.perHour,
      },
      targetFalseAcceptsPerHour: evaluation.targetFalseAcceptsPerHour,
    }),
  };
  if (curves[0]) extraFiles["learning-curves.svg"] = learningCurvesSvg(curves[0]);
  await saveModelDirectory(
    options.out,
    result.transferHead,
    headManifest({
      phrase,
      threshold: evaluation.threshold,
      smoothingSteps: TRAINED_HEAD_SMOOTHING_STEPS,
      versions: toolVersions(),
      ...(word ? { base: word.identity } : {}),
    }),
    extraFiles,
    // A head on a word network carries that network, so its directory is all a detector needs.
    word
      ? { nested: { [NESTED_BASE_FOLDER]: { model: word.classifier, manifest: word.manifest } } }
      : {},
  );

  return {
    summary: {
      out: options.out,
      phrase,
      threshold: evaluation.threshold,
      recall: evaluation.recall.overall.recall,
      falseAcceptsPerHour: evaluation.falseAccepts.overall.perHour,
      verdict: verdict?.summary,
      negativeTransfer: verdict?.negativeTransfer ?? false,
      seconds: record.seconds.total,
    },
    warning: verdict?.warning,
  };
}

/** Another wake word's synthetic positives as negatives of this one (its negatives stay out). */
function otherWordAsNegatives(dataset: Dataset, phrase: string): Dataset {
  return {
    ...dataset,
    positives: [],
    negatives: dataset.positives.map((clip) => ({
      ...clip,
      id: `${phraseSlug(phrase)}/${clip.id}`,
      kind: "negative" as const,
      category: OTHER_WAKE_WORD,
    })),
    background: [],
  };
}
