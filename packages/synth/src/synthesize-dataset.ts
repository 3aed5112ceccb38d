import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { createSeededRandom, SAMPLE_RATE_HZ } from "@wakeforge/audio";
import { confusablePhrases } from "./confusables.js";
import { writeFileAtomic } from "./dataset/atomic-write.js";
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  readManifestIfAny,
  type ClipCategory,
  type ClipKind,
  type SyntheticClip,
  type SyntheticManifest,
} from "./dataset/manifest.js";
import { mapWithConcurrency } from "./dataset/run-pool.js";
import { writeVoiceClip } from "./dataset/write-voice-clip.js";
import type { TtsEngine } from "./engine.js";
import { subSeed } from "./sub-seed.js";
import { requireEngines, type EngineRegistryOptions } from "./engines/registry.js";
import { SynthError } from "./errors.js";
import { generalSpeechTexts } from "./general-speech.js";
import { wordsOf } from "./text-words.js";
import { planVoices, type VoicePlanEntry } from "./voice-plan.js";

export interface SynthesizeDatasetOptions {
  readonly phrase: string;
  /** Clips of the phrase. */
  readonly positives: number;
  /** Negative clips in all: confusable phrases plus general speech. */
  readonly negatives: number;
  /** How many of the negatives are general speech; default a third of them. */
  readonly generalSpeech?: number;
  /** Default "en". */
  readonly language?: string;
  readonly seed: number | string;
  /** Gets positives/, negatives/ and manifest.json; an earlier run there is resumed. */
  readonly outDir: string;
  /** Default: every engine that works here (NoSynthEngineError when none does). */
  readonly engines?: readonly TtsEngine[];
  /** How to find engines when `engines` is not given. */
  readonly engineOptions?: EngineRegistryOptions;
  /** Syntheses in flight at once; default 2. */
  readonly concurrency?: number;
  readonly onProgress?: (progress: SynthesisProgress) => void;
  /** Stops handing out clips; what is done stays on disk and in the manifest, for a resume. */
  readonly signal?: AbortSignal;
}

export interface SynthesisProgress {
  /** Clips finished: written, kept from an earlier run, or failed. */
  readonly done: number;
  readonly total: number;
  /** Of `done`, clips kept from an earlier run. */
  readonly skipped: number;
  readonly failed: number;
  readonly elapsedMs: number;
  /** Estimate from the clips made so far; undefined until one was made. */
  readonly etaMs: number | undefined;
  /** The clip just finished. */
  readonly file: string;
}

export interface ClipFailure {
  readonly file: string;
  readonly text: string;
  readonly speakerId: string;
  readonly error: SynthError;
}

export interface SynthesizeDatasetResult {
  readonly manifest: SyntheticManifest;
  readonly manifestPath: string;
  /** Clips made in this run. */
  readonly written: number;
  /** Clips kept from an earlier run. */
  readonly skipped: number;
  /** Clips an engine could not make (left out of the manifest; a rerun tries them again). */
  readonly failures: readonly ClipFailure[];
  readonly elapsedMs: number;
}

interface ClipJob {
  readonly file: string;
  readonly kind: ClipKind;
  readonly category: ClipCategory;
  readonly text: string;
  readonly voice: VoicePlanEntry;
}

/** Rewrite the manifest at most this often while clips are being made. */
const MANIFEST_SAVE_INTERVAL_MS = 1_000;

/**
 * Writes a synthetic data set for `phrase`: positives/ holds the phrase in many voices,
 * negatives/ confusable phrases and general speech in the same voices (so a voice never gives
 * the answer away), all as 16 kHz mono 16-bit WAV, with manifest.json describing every clip.
 * Files and manifest are replaced atomically; a rerun with the same options skips the clips
 * whose file and manifest entry already exist.
 */
export async function synthesizeDataset(
  options: SynthesizeDatasetOptions,
): Promise<SynthesizeDatasetResult> {
  const started = performance.now();
  const language = options.language ?? "en";
  const generalCount = options.generalSpeech ?? Math.round(options.negatives / 3);
  for (const [name, value] of [
    ["positives", options.positives],
    ["negatives", options.negatives],
    ["generalSpeech", generalCount],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
    }
  }
  if (generalCount > options.negatives) {
    throw new RangeError(
      `generalSpeech (${generalCount}) cannot exceed negatives (${options.negatives})`,
    );
  }
  if (wordsOf(options.phrase).length === 0) throw new RangeError("phrase has no words");

  const engines = options.engines ?? (await requireEngines(options.engineOptions));
  const { jobs, notes } = await planJobs(options, engines, language, generalCount);
  const engineById = new Map(engines.map((engine) => [engine.id, engine]));

  await mkdir(join(options.outDir, "positives"), { recursive: true });
  await mkdir(join(options.outDir, "negatives"), { recursive: true });
  const manifestPath = join(options.outDir, MANIFEST_FILE);
  const earlier = new Map(
    ((await readManifestIfAny(manifestPath))?.clips ?? []).map((clip) => [clip.file, clip]),
  );

  const finished = new Map<string, SyntheticClip>();
  const failures: ClipFailure[] = [];
  const manifestOf = (): SyntheticManifest => ({
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    phrase: options.phrase,
    language,
    seed: options.seed,
    sampleRateHz: SAMPLE_RATE_HZ,
    engines: engines.map((engine) => engine.id),
    notes,
    clips: jobs.flatMap((job) => finished.get(job.file) ?? []),
  });
  // Saves are chained so two never race on the temp-and-rename.
  let saving: Promise<void> = Promise.resolve();
  let lastSave = performance.now();
  const save = (): Promise<void> => {
    lastSave = performance.now();
    const text = `${JSON.stringify(manifestOf(), null, 2)}\n`;
    saving = saving.then(() => writeFileAtomic(manifestPath, text));
    return saving;
  };

  let done = 0;
  let skipped = 0;
  let made = 0;
  const report = (file: string) => {
    done += 1;
    const elapsedMs = performance.now() - started;
    const remaining = jobs.length - done;
    options.onProgress?.({
      done,
      total: jobs.length,
      skipped,
      failed: failures.length,
      elapsedMs,
      etaMs: made === 0 ? undefined : (elapsedMs / made) * remaining,
      file,
    });
  };

  await mapWithConcurrency(jobs, options.concurrency ?? 2, async (job) => {
    options.signal?.throwIfAborted();
    const kept = earlier.get(job.file);
    if (kept !== undefined && matchesJob(kept, job) && existsSync(join(options.outDir, job.file))) {
      finished.set(job.file, kept);
      skipped += 1;
      report(job.file);
      return;
    }
    const engine = engineById.get(job.voice.engine) as TtsEngine;
    try {
      const seconds = await writeVoiceClip(
        engine,
        job.voice,
        job.text,
        join(options.outDir, job.file),
        {
          fileName: job.file,
        },
      );
      finished.set(job.file, clipEntry(job, seconds));
      made += 1;
    } catch (error) {
      // One voice failing on one text should not sink a data set of hundreds of clips.
      if (!(error instanceof SynthError)) throw error;
      failures.push({ file: job.file, text: job.text, speakerId: job.voice.speakerId, error });
    }
    report(job.file);
    if (performance.now() - lastSave >= MANIFEST_SAVE_INTERVAL_MS) await save();
  }).finally(save);

  return {
    manifest: manifestOf(),
    manifestPath,
    written: made,
    skipped,
    failures,
    elapsedMs: performance.now() - started,
  };
}

async function planJobs(
  options: SynthesizeDatasetOptions,
  engines: readonly TtsEngine[],
  language: string,
  generalCount: number,
): Promise<{ jobs: ClipJob[]; notes: string[] }> {
  const { phrase, seed } = options;
  const confusableCount = options.negatives - generalCount;
  const [positivePlan, negativePlan, confusables] = await Promise.all([
    planVoices({ engines, count: options.positives, seed: subSeed(seed, "positives"), language }),
    planVoices({ engines, count: options.negatives, seed: subSeed(seed, "negatives"), language }),
    confusablePhrases(phrase, {
      count: confusableCount,
      seed,
      language,
      ...(options.engineOptions?.espeakNg === undefined
        ? {}
        : { espeakNg: options.engineOptions.espeakNg }),
    }),
  ]);
  const notes = [...new Set([...positivePlan.notes, ...negativePlan.notes])];
  if (confusables.note !== undefined) notes.push(`confusable phrases: ${confusables.note}`);
  if (!language.startsWith("en") && generalCount > 0) {
    notes.push(
      `general speech: the built-in sentences are English, spoken by "${language}" voices`,
    );
  }
  const confusableTexts = confusables.phrases.map((p) => p.text);
  if (confusableCount > 0 && confusableTexts.length === 0) {
    notes.push("confusable phrases: none found; those negatives are general speech instead");
  }
  const generalTexts = generalSpeechTexts({
    count: confusableTexts.length === 0 ? options.negatives : generalCount,
    seed,
    exclude: phrase,
  });

  const random = createSeededRandom(subSeed(seed, "phrase-punctuation"));
  const jobs: ClipJob[] = positivePlan.entries.map((voice, i) => ({
    file: `positives/positive-${serial(i)}.wav`,
    kind: "positive",
    category: "phrase",
    // Punctuation changes the intonation a voice gives the phrase: one more kind of variety.
    text: phraseVariant(phrase, random.nextInt(PHRASE_VARIANTS)),
    voice,
  }));
  negativePlan.entries.forEach((voice, i) => {
    // Confusables first, each text spoken in turn by several voices when there are few texts.
    const confusable = i < confusableCount && confusableTexts.length > 0;
    const generalIndex = confusableTexts.length === 0 ? i : i - confusableCount;
    jobs.push({
      file: confusable
        ? `negatives/confusable-${serial(i)}.wav`
        : `negatives/general-${serial(generalIndex)}.wav`,
      kind: "negative",
      category: confusable ? "confusable" : "general",
      text: confusable
        ? (confusableTexts[i % confusableTexts.length] as string)
        : (generalTexts[generalIndex] as string),
      voice,
    });
  });
  return { jobs, notes };
}

const PHRASE_VARIANTS = 4;

function phraseVariant(phrase: string, variant: number): string {
  const plain = phrase.trim().replace(/[.!?]+$/u, "");
  switch (variant) {
    case 1:
      return `${plain}.`;
    case 2:
      return `${plain}!`;
    case 3:
      return `${plain}?`;
    default:
      return plain;
  }
}

function serial(index: number): string {
  return String(index + 1).padStart(4, "0");
}

function clipEntry(job: ClipJob, durationSeconds: number): SyntheticClip {
  return {
    file: job.file,
    kind: job.kind,
    source: "synthetic",
    engine: job.voice.engine,
    voiceId: job.voice.voiceId,
    variant: job.voice.variant ?? null,
    speakerId: job.voice.speakerId,
    text: job.text,
    category: job.category,
    rateWpm: job.voice.rateWpm,
    pitch: job.voice.pitch ?? null,
    durationSeconds: Math.round(durationSeconds * 1000) / 1000,
  };
}

/** An earlier clip counts only if it was made for exactly this job. */
function matchesJob(clip: SyntheticClip, job: ClipJob): boolean {
  const expected = clipEntry(job, clip.durationSeconds);
  return (Object.keys(expected) as (keyof SyntheticClip)[]).every(
    (key) => clip[key] === expected[key],
  );
}
