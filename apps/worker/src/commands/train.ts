import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  Embedder,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  SPEECH_EMBEDDING,
  detCurveSvg,
  evaluateDetector,
  fullyConvolutionalBase,
  generateNegativeAudio,
  learningCurvesSvg,
  loadDefaultTrainingBase,
  mergeDatasets,
  loadFolderDataset,
  renderReportHtml,
  saveModelDirectory,
  trainWakeWord,
  type Dataset,
  type EvaluationResult,
  type TrainWakeWordResult,
} from "@wakeforge/core";
import { synthesizeDataset } from "@wakeforge/synth";
import { startBackend } from "../backend-choice.js";
import { readWorkerEnv } from "../env.js";
import { EXIT } from "../exit-codes.js";
import { wholeNumberFlag } from "../flags.js";
import type { CommandIo } from "../io.js";
import {
  SILENT_PROGRESS,
  createTerminalProgress,
  type ProgressSink,
} from "../progress/terminal-progress.js";
import { loadKindFolder } from "../train/folder-dataset.js";
import { trainingBackground } from "../train/training-background.js";
import { workDirFor } from "../train/work-dir.js";
import { UsageError } from "../usage-error.js";
import { toolVersions } from "../versions.js";

/** Minutes of generated training background when --background-minutes is not given. */
export const DEFAULT_BACKGROUND_MINUTES = 60;
/** Minutes of generated negative audio the threshold is calibrated on, by default. */
export const DEFAULT_NEGATIVE_MINUTES = 60;
export const DEFAULT_EPOCHS = 10;

export const TRAIN_HELP = `wakeforge train --word "hey nova" --out DIR [options]

Trains a trigger-word detector by transfer learning from the pre-trained speech-embedding base,
and (with --compare-scratch) the same network from scratch on the same data, epochs and seed,
then calibrates the threshold on long general negative audio and writes the model, its
training record (metrics.json) and a report with the learning curves and the DET curve.

  --synth N            synthesize N positives and N negatives (confusables, everyday speech)
  --positives DIR      your own recordings of the phrase (weighted so that a handful matter)
  --negatives DIR      your own negative audio (room, TV, conversation)
  --background DIR     background noise mixed into training clips
  --background-minutes M  generated background for training: speech in many voices, music
                       (synthesized and from recorded instrument notes) and noise (default ${DEFAULT_BACKGROUND_MINUTES}; 0: none)
  --compare-scratch    also train the same network from scratch and give the verdict
  --fine-tune          afterwards fine-tune the top base layer too
  --epochs N           default ${DEFAULT_EPOCHS}          --seed S         default 0
  --negative-minutes M generated negative audio for the threshold (default ${DEFAULT_NEGATIVE_MINUTES})
  --backend B          auto|node-gpu|node|wasm|cpu     --json  a JSON summary on stdout`;

/** Stage boundaries of the whole command in its progress bar. */
const SHARE = {
  synth: [0, 0.12],
  background: [0.12, 0.18],
  negatives: [0.18, 0.22],
  training: [0.22, 0.86],
  evaluation: [0.86, 1],
} as const;
const within = (stage: keyof typeof SHARE, fraction: number) =>
  SHARE[stage][0] + (SHARE[stage][1] - SHARE[stage][0]) * fraction;

export async function train(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      word: { type: "string" },
      out: { type: "string" },
      synth: { type: "string" },
      positives: { type: "string" },
      negatives: { type: "string" },
      background: { type: "string" },
      base: { type: "string", default: SPEECH_EMBEDDING.id },
      "compare-scratch": { type: "boolean", default: false },
      "fine-tune": { type: "boolean", default: false },
      epochs: { type: "string" },
      seed: { type: "string" },
      "negative-minutes": { type: "string" },
      "background-minutes": { type: "string" },
      backend: { type: "string" },
      json: { type: "boolean", default: false },
    },
    strict: true,
  });
  const phrase = values.word?.trim();
  if (!phrase) throw new UsageError('--word "PHRASE" is required');
  if (!values.out) throw new UsageError("--out DIR is required");
  if (values.base !== SPEECH_EMBEDDING.id) {
    throw new UsageError(`--base ${values.base}: the bases available are ${SPEECH_EMBEDDING.id}`);
  }
  const env = readWorkerEnv(io.env);
  const synth = wholeNumberFlag(values.synth, "--synth", 0, 0);
  const epochs = wholeNumberFlag(values.epochs, "--epochs", DEFAULT_EPOCHS);
  const seed = wholeNumberFlag(values.seed, "--seed", 0, 0);
  const negativeMinutes = wholeNumberFlag(
    values["negative-minutes"],
    "--negative-minutes",
    DEFAULT_NEGATIVE_MINUTES,
  );
  const backgroundMinutes = wholeNumberFlag(
    values["background-minutes"],
    "--background-minutes",
    DEFAULT_BACKGROUND_MINUTES,
    0,
  );
  if (synth === 0 && !values.positives)
    throw new UsageError("give --synth N, --positives DIR, or both");

  const progress: ProgressSink = values.json
    ? SILENT_PROGRESS
    : createTerminalProgress({ stream: io.stderr as CommandIo["stdout"] });
  const started = Date.now();
  const backend = await startBackend(values.backend, io.env);
  progress.log(
    `backend: ${backend.backend}${backend.skipped.length ? ` (skipped ${backend.skipped.map((s) => s.backend).join(", ")})` : ""}`,
  );
  const work = workDirFor(phrase, env.dataDir);

  // 1. Data: synthetic clips, the person's own recordings and negatives, background noise.
  const datasets: Dataset[] = [];
  if (synth > 0) {
    const synthesized = await synthesizeDataset({
      phrase,
      positives: synth,
      negatives: synth,
      seed,
      outDir: join(work, "synthetic"),
      onProgress: (p) =>
        progress.update(
          "synthesizing speech",
          within("synth", p.done / Math.max(1, p.total)),
          `${p.done}/${p.total} clips`,
        ),
    });
    if (synthesized.failures.length > 0)
      progress.log(`synthesis: ${synthesized.failures.length} clips failed and were left out`);
    datasets.push(await loadFolderDataset(join(work, "synthetic")));
  }
  if (values.positives) datasets.push(await loadKindFolder(values.positives, "positive"));
  if (values.negatives) datasets.push(await loadKindFolder(values.negatives, "negative"));
  if (values.background) datasets.push(await loadKindFolder(values.background, "background"));
  const generatedBackground = await trainingBackground({
    workDir: work,
    minutes: backgroundMinutes,
    seed,
    excludeWords: phrase.split(/\s+/),
    onProgress: (fraction, kind) =>
      progress.update("generating background", within("background", fraction), kind),
    log: (message) => progress.log(message),
  });
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
  for (const error of dataset.errors) progress.log(`skipped unreadable file ${error.message}`);

  // 2. Long general negative audio for the threshold (never the near-miss phrases).
  const negatives = await generateNegativeAudio({
    outDir: join(work, "negative-audio"),
    minutes: negativeMinutes,
    seed,
    excludeWords: phrase.split(/\s+/),
    onProgress: (p) =>
      progress.update(
        "generating negative audio",
        within("negatives", p.doneSeconds / Math.max(1, p.totalSeconds)),
        p.kind,
      ),
  });

  // 3. Training: transfer (and scratch, fine-tune). The base is loaded once, for training and
  // for the evaluation below.
  const base = await loadDefaultTrainingBase();
  const result: TrainWakeWordResult = await trainWakeWord(
    {
      phrase,
      dataset,
      seed,
      epochs,
      compareScratch: values["compare-scratch"],
      fineTune: values["fine-tune"],
      base,
      cache: join(work, "embedding-cache"),
    },
    {
      onProgress: (event) => {
        if (event.type === "progress")
          progress.update("training", within("training", event.fraction));
        else if (event.type === "epoch") {
          const m = event.metrics;
          progress.log(
            `${event.run.padEnd(8)} epoch ${String(event.epoch).padStart(2)}: loss ${m.loss.toFixed(4)}  accuracy ${m.accuracy.toFixed(3)}  held-out recall ${m.recallAtFar.toFixed(3)}`,
          );
        } else if (event.type === "log" && event.level !== "debug") progress.log(event.message);
      },
    },
  );

  // 4. Evaluation on held-out voices and the negative audio; the threshold is calibrated there.
  const heldOut = new Set(result.split.testSpeakers);
  const embedder = new Embedder(fullyConvolutionalBase(base.model));
  const evaluation: EvaluationResult = await evaluateDetector({
    embedder,
    head: { name: phrase, model: result.transferHead, policy: { threshold: 0.5 } },
    positives: dataset.positives
      .filter((clip) => heldOut.has(clip.speakerId))
      .map((clip) => ({ name: clip.id, samples: clip.samples, source: clip.source })),
    negativeClips: dataset.negatives
      .filter((clip) => heldOut.has(clip.speakerId) && clip.category === "confusable")
      .map((clip) => ({ name: clip.id, samples: clip.samples })),
    longNegatives: negatives.map((n) => ({ name: n.name, kind: n.kind, path: n.path })),
    onProgress: (p) =>
      progress.update("evaluating", within("evaluation", p.done / Math.max(1, p.total)), p.phase),
  });
  progress.done();

  // 5. The model directory: head, manifest, training record, report.
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
    backend: backend.backend,
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
        base: SPEECH_EMBEDDING.id,
        backend: backend.backend,
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
    values.out,
    result.transferHead,
    {
      format: MODEL_FORMAT,
      formatVersion: MODEL_FORMAT_VERSION,
      kind: "head",
      phrase,
      base: {
        id: SPEECH_EMBEDDING.id,
        version: SPEECH_EMBEDDING.version,
        sha256: SPEECH_EMBEDDING.source.sha256,
      },
      window: { embeddings: 16, frames: 76, hopFrames: 8 },
      sampleRateHz: 16_000,
      threshold: evaluation.threshold,
      createdAt: new Date().toISOString(),
      versions: toolVersions(),
    },
    extraFiles,
  );

  const summary = {
    out: values.out,
    phrase,
    threshold: evaluation.threshold,
    recall: evaluation.recall.overall.recall,
    falseAcceptsPerHour: evaluation.falseAccepts.overall.perHour,
    verdict: verdict?.summary,
    negativeTransfer: verdict?.negativeTransfer ?? false,
    seconds: record.seconds.total,
  };
  if (values.json) {
    io.stdout.write(`${JSON.stringify(summary)}\n`);
  } else {
    io.stdout.write(
      [
        `trained "${phrase}" in ${Math.round(summary.seconds)} s → ${values.out}`,
        `threshold ${summary.threshold.toFixed(4)}: recall ${(summary.recall * 100).toFixed(1)} % on held-out voices, ${summary.falseAcceptsPerHour.toFixed(2)} false accepts per hour`,
        ...(verdict ? [verdict.summary] : []),
        ...(verdict?.warning ? [`WARNING: ${verdict.warning}`] : []),
        `report: ${join(values.out, "report.html")}`,
      ].join("\n") + "\n",
    );
  }
  return EXIT.ok;
}
