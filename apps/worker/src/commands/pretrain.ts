import { resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  SOUND_CLASSES,
  loadSpeechCommandsDataset,
  pretrainWords,
  saveWordNetwork,
  writeSoundCorpus,
} from "@wakeforge/core";
import { PRETRAIN_DEFAULTS } from "@wakeforge/jobs";
import { CORPUS_WORDS, synthesizeWordCorpus } from "@wakeforge/synth";
import { startBackend } from "../backend-choice.js";
import { EXIT } from "../exit-codes.js";
import { wholeNumberFlag } from "../flags.js";
import type { CommandIo } from "../io.js";
import { SILENT_PROGRESS, createTerminalProgress } from "../progress/terminal-progress.js";
import { UsageError } from "../usage-error.js";
import { toolVersions } from "../versions.js";

export const PRETRAIN_HELP = `wakeforge pretrain --corpus DIR --out DIR [options]

Trains a word-recognition network from scratch on a labelled word corpus in the Speech Commands
layout (<word>/<speaker>_nohash_<n>.wav, optional _background_noise_/), holding voices out to
measure word accuracy after every epoch. The network has the imported base's input and embedding
size, so \`wakeforge train --base DIR\` transfers from it: its word output is dropped and a
trigger-word head reads its embedding.

  --synth-voices V   first synthesize the corpus into --corpus DIR: every word by V voices
                     (resumes an earlier run; the words are --words or ${CORPUS_WORDS.length} built-in ones)
  --synth-sounds V   instead, a corpus of ${SOUND_CLASSES.length} classes of non-speech sounds (tones, sweeps,
                     beeps, clicks, chords, noise colours, hum), V sets of each: a base that fits
                     no spoken phrase, to see negative transfer
  --words a,b,c      the words to learn (default: every folder of the corpus)
  --epochs N         default ${PRETRAIN_DEFAULTS.epochs}          --seed S     default 0
  --backend B        auto|node-gpu|node|wasm|cpu     --json  a JSON summary on stdout`;

export async function pretrain(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      corpus: { type: "string" },
      out: { type: "string" },
      "synth-voices": { type: "string" },
      "synth-sounds": { type: "string" },
      words: { type: "string" },
      epochs: { type: "string" },
      seed: { type: "string" },
      backend: { type: "string" },
      json: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (!values.corpus) throw new UsageError("--corpus DIR is required");
  if (!values.out) throw new UsageError("--out DIR is required");
  const epochs = wholeNumberFlag(values.epochs, "--epochs", PRETRAIN_DEFAULTS.epochs);
  const seed = wholeNumberFlag(values.seed, "--seed", 0, 0);
  const voices =
    values["synth-voices"] === undefined
      ? undefined
      : wholeNumberFlag(values["synth-voices"], "--synth-voices", 0, 2);
  const soundSets =
    values["synth-sounds"] === undefined
      ? undefined
      : wholeNumberFlag(values["synth-sounds"], "--synth-sounds", 0, 2);
  if (voices !== undefined && soundSets !== undefined) {
    throw new UsageError("--synth-voices and --synth-sounds make different corpora; give one");
  }
  const words = values.words
    ?.split(",")
    .map((w) => w.trim())
    .filter(Boolean);
  const progress = values.json
    ? SILENT_PROGRESS
    : createTerminalProgress({ stream: io.stderr as CommandIo["stdout"] });

  // One bar for the whole command: synthesis takes its first part, so the ETA never restarts.
  const synthesisShare = voices !== undefined ? 0.15 : 0;
  if (voices !== undefined) {
    const made = await synthesizeWordCorpus({
      outDir: values.corpus,
      voices,
      seed,
      ...(words ? { words } : {}),
      onProgress: (p) =>
        progress.update("synthesizing corpus", (synthesisShare * p.done) / p.total),
    });
    for (const failure of made.failures) progress.log(`${failure.file}: ${failure.error.message}`);
    progress.log(
      `corpus: ${made.words.length} words × ${made.speakers.length} voices (${made.written} new, ${made.kept} kept)`,
    );
  }
  if (soundSets !== undefined) {
    progress.update("writing the sound corpus", 0);
    const made = await writeSoundCorpus(values.corpus, { variants: soundSets, seed });
    progress.log(
      `corpus: ${made.classes.length} sound classes × ${soundSets} sets (${made.written} new, ${made.kept} kept)`,
    );
  }
  const backend = await startBackend(values.backend, io.env);
  const corpus = await loadSpeechCommandsDataset(values.corpus, { positiveLabels: [] });
  for (const error of corpus.errors) progress.log(`skipped ${error.message}`);
  const started = Date.now();
  const result = await pretrainWords({
    corpus,
    seed,
    epochs,
    ...(words ? { words } : {}),
    onProgress: (fraction) =>
      progress.update("pre-training", synthesisShare + (1 - synthesisShare) * fraction),
    onEpoch: (m) =>
      progress.log(
        `epoch ${m.epoch}/${epochs}: loss ${m.loss.toFixed(3)}, held-out accuracy ${(m.valAccuracy * 100).toFixed(1)} %`,
      ),
  });
  await saveWordNetwork(values.out, result, resolve(values.corpus), toolVersions());
  progress.done();
  const summary = {
    out: values.out,
    backend: backend.backend,
    words: result.classes.length - 1,
    voices: result.split.trainSpeakers.length + result.split.testSpeakers.length,
    heldOutVoices: result.split.testSpeakers.length,
    accuracy: result.accuracy,
    chance: result.chance,
    seconds: (Date.now() - started) / 1000,
  };
  // A sound corpus has classes and sets of clips where a word corpus has words and voices.
  const noun =
    soundSets === undefined
      ? { classes: "words", class: "word", speakers: "voices" }
      : { classes: "sound classes", class: "class", speakers: "sets" };
  io.stdout.write(
    values.json
      ? `${JSON.stringify(summary)}\n`
      : `pre-trained on ${summary.words} ${noun.classes} in ${Math.round(summary.seconds)} s → ${values.out}\n` +
          `held-out accuracy ${(summary.accuracy * 100).toFixed(1)} % on ${summary.heldOutVoices} ${noun.speakers} never trained on (always guessing one ${noun.class}: ${(summary.chance * 100).toFixed(1)} %)\n`,
  );
  return EXIT.ok;
}
