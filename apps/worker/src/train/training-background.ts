// Background audio made for a training run when the person brings little of their own: general
// speech in many voices, synthesized music and noise (generateNegativeAudio, on a seed stream of
// its own so it never repeats the audio that calibrates the threshold or the audio `wakeforge
// negatives` makes for evaluation), and music arranged from the recorded instrument notes that
// the npm sample packs ship. It serves as negative windows, as the pool hard negatives are mined
// from, and as noise mixed into the clips.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  SAMPLE_PACK_PACKAGES,
  cutIntoBackgroundPieces,
  generateNegativeAudio,
  loadSamplePack,
  samplePackBackgroundClips,
  type DatasetClip,
  type NegativeAudioProgress,
  type NegativeKind,
  type SamplePack,
} from "@wakeforge/core";
import { readAudioFile } from "@wakeforge/audio/node";

export interface TrainingBackgroundOptions {
  readonly workDir: string;
  readonly minutes: number;
  readonly seed: number;
  /** The wake word's words never appear in the generated speech. */
  readonly excludeWords: readonly string[];
  readonly onProgress?: (fraction: number, detail: string) => void;
  readonly log?: (message: string) => void;
}

/**
 * How the minutes are shared. Speech dominates because that is where false accepts come from
 * (measured: with a third of it speech, most false accepts in an hour of held-out negatives were
 * speech; 40 of 60 minutes gave 97 % held-out recall at one false accept per hour where 30 of 50
 * gave 64 %); music and noise still teach the head what they are not.
 */
const SHARES = { speech: 2 / 3, musicAndNoise: 0.25, samplePacks: 1 / 12 } as const;
/** Notes per pack: enough range for chords and melodies, quick to decode. */
const NOTES_PER_PACK = 24;

/** The sample packs installed beside this command; a missing one is skipped (and said). */
export async function installedSamplePacks(log?: (message: string) => void): Promise<SamplePack[]> {
  const require = createRequire(import.meta.url);
  const packs: SamplePack[] = [];
  for (const name of SAMPLE_PACK_PACKAGES) {
    let directory: string;
    try {
      directory = dirname(require.resolve(`${name}/package.json`));
    } catch {
      log?.(`sample pack ${name} is not installed; its instrument is left out`);
      continue;
    }
    const pack = await loadSamplePack(directory, { maxNotes: NOTES_PER_PACK });
    for (const error of pack.errors) log?.(`sample pack ${name}: skipped ${error.message}`);
    packs.push(pack);
  }
  return packs;
}

async function generatedClips(
  options: TrainingBackgroundOptions,
  kinds: readonly NegativeKind[],
  minutes: number,
  progress: (fraction: number, kind: string) => void,
): Promise<DatasetClip[]> {
  const name = kinds.join("-");
  const files = await generateNegativeAudio({
    outDir: join(options.workDir, "training-background", name),
    minutes,
    kinds,
    seed: `training-background/${name}/${options.seed}`,
    excludeWords: options.excludeWords,
    onProgress: (p: NegativeAudioProgress) =>
      progress(p.doneSeconds / Math.max(1, p.totalSeconds), p.kind),
  });
  const clips: DatasetClip[] = [];
  for (const file of files) {
    const audio = await readAudioFile(file.path);
    clips.push({
      id: `training-background/${name}/${file.name}`,
      file: file.path,
      kind: "background",
      source: "synthetic",
      speakerId: `generated:${file.kind}`,
      category: file.kind,
      weight: 1,
      samples: audio.samples,
    });
  }
  return clips;
}

export async function trainingBackground(
  options: TrainingBackgroundOptions,
): Promise<DatasetClip[]> {
  if (options.minutes <= 0) return [];
  const packs = await installedSamplePacks(options.log);
  const packMinutes = packs.length > 0 ? options.minutes * SHARES.samplePacks : 0;
  const speechMinutes = options.minutes * SHARES.speech;
  const otherMinutes = options.minutes - speechMinutes - packMinutes;
  const report = (from: number, share: number) => (fraction: number, kind: string) =>
    options.onProgress?.(from + share * fraction, kind);
  const speech = await generatedClips(
    options,
    ["speech"],
    speechMinutes,
    report(0, speechMinutes / options.minutes),
  );
  const other = await generatedClips(
    options,
    ["music", "noise"],
    otherMinutes,
    report(speechMinutes / options.minutes, otherMinutes / options.minutes),
  );
  const music =
    packMinutes > 0
      ? samplePackBackgroundClips(packs, {
          seconds: packMinutes * 60,
          clipSeconds: 60,
          seed: `training-background/sample-packs/${options.seed}`,
        })
      : [];
  options.onProgress?.(1, "music");
  return cutIntoBackgroundPieces([...speech, ...other, ...music]);
}
