// A labelled word corpus for pre-training a base network (`wakeforge pretrain`): every word
// spoken by every planned voice, in the Speech Commands layout (`<word>/<speaker>_nohash_<n>.wav`)
// so the same loader reads it as it reads the real Speech Commands data set. Voices come from
// the same plan as the trigger-word data; each clip gets its own speaking rate.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { createSeededRandom } from "@wakeforge/audio";
import { mapWithConcurrency } from "./dataset/run-pool.js";
import { writeVoiceClip } from "./dataset/write-voice-clip.js";
import type { TtsEngine } from "./engine.js";
import { requireEngines, type EngineRegistryOptions } from "./engines/registry.js";
import { SynthError } from "./errors.js";
import { subSeed } from "./sub-seed.js";
import { DEFAULT_RATE_RANGE_WPM, planVoices, type VoicePlanEntry } from "./voice-plan.js";

/**
 * Short, common, mostly one-syllable words with distinct sounds: digits, directions, commands,
 * animals and things, the kind of vocabulary keyword-spotting corpora are built from.
 */
// prettier-ignore
export const CORPUS_WORDS: readonly string[] = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
  "yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go",
  "back", "next", "open", "close", "play", "pause", "light", "music", "water", "house",
  "cat", "dog", "bird", "tree", "bed", "happy", "learn", "follow", "visual", "forward",
];

export interface SynthesizeWordCorpusOptions {
  readonly outDir: string;
  /** Default CORPUS_WORDS. */
  readonly words?: readonly string[];
  /** Distinct voices, each saying every word once. */
  readonly voices: number;
  readonly seed: number | string;
  /** Default "en". */
  readonly language?: string;
  readonly engines?: readonly TtsEngine[];
  readonly engineOptions?: EngineRegistryOptions;
  /** Default 2. */
  readonly concurrency?: number;
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
  readonly signal?: AbortSignal;
}

export interface SynthesizeWordCorpusResult {
  readonly words: readonly string[];
  /** Speaker ids of the voices that spoke. */
  readonly speakers: readonly string[];
  readonly written: number;
  /** Clips already there from an earlier run with the same options. */
  readonly kept: number;
  readonly failures: readonly { readonly file: string; readonly error: SynthError }[];
}

/** A file-name-safe form of a speaker id; `_nohash_` must not occur in it. */
function speakerSlug(speakerId: string): string {
  return speakerId.replace(/[^a-zA-Z0-9+-]+/g, "-");
}

function checkWords(words: readonly string[]): void {
  if (words.length < 2)
    throw new RangeError(`a word corpus needs at least 2 words, got ${words.length}`);
  for (const word of words) {
    if (!/^[\p{L}'-]+$/u.test(word)) {
      throw new RangeError(`"${word}": corpus words are single words (letters, ' and -)`);
    }
  }
  if (new Set(words).size !== words.length) throw new RangeError("corpus words must be distinct");
}

/** Writes the corpus under `outDir`; a rerun keeps the files that are already there. */
export async function synthesizeWordCorpus(
  options: SynthesizeWordCorpusOptions,
): Promise<SynthesizeWordCorpusResult> {
  const words = options.words ?? CORPUS_WORDS;
  checkWords(words);
  if (!Number.isInteger(options.voices) || options.voices < 2) {
    throw new RangeError(
      `a word corpus needs at least 2 voices to hold some out, got ${options.voices}`,
    );
  }
  const engines = options.engines ?? (await requireEngines(options.engineOptions));
  const plan = await planVoices({
    engines,
    count: options.voices,
    seed: subSeed(options.seed, "corpus-voices"),
    language: options.language ?? "en",
  });
  const engineById = new Map(engines.map((engine) => [engine.id, engine]));
  const random = createSeededRandom(subSeed(options.seed, "corpus-rates"));
  const [low, high] = DEFAULT_RATE_RANGE_WPM;
  const jobs = words.flatMap((word) =>
    plan.entries.map((voice: VoicePlanEntry, v) => ({
      word,
      voice,
      rateWpm: Math.round(low + random.next() * (high - low)),
      file: join(word, `${speakerSlug(voice.speakerId)}_nohash_${v}.wav`),
    })),
  );
  for (const word of words) await mkdir(join(options.outDir, word), { recursive: true });
  let done = 0;
  let written = 0;
  let kept = 0;
  const failures: { file: string; error: SynthError }[] = [];
  await mapWithConcurrency(jobs, options.concurrency ?? 2, async (job) => {
    options.signal?.throwIfAborted();
    const path = join(options.outDir, job.file);
    if (existsSync(path)) {
      kept += 1;
    } else {
      try {
        await writeVoiceClip(
          engineById.get(job.voice.engine) as TtsEngine,
          job.voice,
          job.word,
          path,
          {
            rateWpm: job.rateWpm,
            fileName: job.file,
          },
        );
        written += 1;
      } catch (error) {
        if (!(error instanceof SynthError)) throw error;
        failures.push({ file: job.file, error });
      }
    }
    done += 1;
    options.onProgress?.({ done, total: jobs.length });
  });
  return {
    words,
    speakers: [...new Set(plan.entries.map((entry) => entry.speakerId))],
    written,
    kept,
    failures,
  };
}
