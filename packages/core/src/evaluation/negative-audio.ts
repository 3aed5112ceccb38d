// Long negative audio for tests and demos (Node): speech from espeak-ng in many voices, music
// synthesized from chords, melodies and drums, and noise (white, pink, brown, babble, hum).
// Issue 5's acceptance wants "at least one hour of negative audio (speech, music, noise)" that
// anyone can regenerate: `generateNegativeAudio({ outDir, minutes: 60 })` writes it. The same
// seed gives the same bytes; files appear atomically (written beside, then renamed). The music
// and noise generators are shared with the training background (dataset/noise-generators.ts).
import { execFile } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import {
  SAMPLE_RATE_HZ,
  createSeededRandom,
  decodeWav,
  resample,
  type SeededRandom,
} from "@wakeforge/audio";
import { createWavFileWriter } from "@wakeforge/audio/node";
import {
  between,
  brownNoise,
  fadeEdges,
  fanNoise,
  hum,
  mixBabble,
  peakNormalize,
  pick,
  pinkNoise,
  renderMusic,
  rmsNormalize,
  whiteNoise,
} from "../dataset/noise-generators.js";
import { WakeforgeCoreError } from "../errors.js";
import type { NegativeKind } from "./evaluate-detector.js";

const RATE = SAMPLE_RATE_HZ;

export interface NegativeAudioProgress {
  readonly kind: NegativeKind;
  readonly doneSeconds: number;
  readonly totalSeconds: number;
}

export interface GenerateNegativeAudioOptions {
  readonly outDir: string;
  /** Total length over all kinds, split evenly (60 = one hour in all). */
  readonly minutes: number;
  /** Default 1. */
  readonly seed?: number | string;
  /** Default all three. */
  readonly kinds?: readonly NegativeKind[];
  /** Sentences containing any of these words are never spoken (the wake word's own words). */
  readonly excludeWords?: readonly string[];
  /** Default "espeak-ng" on PATH. */
  readonly espeakPath?: string;
  readonly onProgress?: (progress: NegativeAudioProgress) => void;
  readonly signal?: AbortSignal;
}

export interface GeneratedNegativeAudio {
  readonly name: string;
  readonly kind: NegativeKind;
  readonly path: string;
  readonly durationSeconds: number;
}

// ---------------------------------------------------------------------------------------------
// Words and sentences. Nothing here is a common wake word.

const SUBJECTS = [
  "the old man",
  "my sister",
  "our neighbour",
  "the teacher",
  "a small dog",
  "the children",
  "my friend from work",
  "the bus driver",
  "everyone in the room",
  "the new manager",
  "she",
  "he",
  "we",
  "they",
  "the baker",
  "a tall woman",
  "the farmer",
  "the doctor",
  "my uncle",
];
const VERBS = [
  "walked to",
  "looked at",
  "talked about",
  "forgot",
  "painted",
  "cleaned",
  "found",
  "bought",
  "carried",
  "remembered",
  "described",
  "ignored",
  "visited",
  "fixed",
  "wanted",
  "opened",
];
const OBJECTS = [
  "the red door",
  "a cup of tea",
  "the garden behind the house",
  "the morning train",
  "an old photograph",
  "the kitchen table",
  "a letter from home",
  "the blue bicycle",
  "the market square",
  "a box of apples",
  "the library",
  "the broken window",
  "the river",
  "a warm blanket",
  "the football match",
  "the evening news",
  "a paper map",
  "the last bus",
];
const TAILS = [
  "yesterday afternoon",
  "before dinner",
  "in the rain",
  "after a long day",
  "without a word",
  "last summer",
  "on the way home",
  "this morning",
  "for the third time",
  "very slowly",
  "with a smile",
  "near the station",
  "",
  "",
  "",
];
const SENTENCES = [
  "The weather is nice today, let us go for a walk.",
  "Please pass the salt and the pepper.",
  "Seven green bottles standing on the wall.",
  "I think the meeting starts at half past ten.",
  "Could you turn the music down a little?",
  "The price of bread went up again this week.",
  "We should paint the fence before the winter comes.",
  "Do you remember where I left my keys?",
  "The film was longer than I expected, but it was good.",
  "My phone battery is almost empty.",
  "There is a cat sleeping on the warm car bonnet.",
  "Turn left at the church and follow the road to the lake.",
  "Thank you very much, that is very kind of you.",
  "How many people are coming to the party on Saturday?",
  "The soup needs a little more salt and some pepper.",
  "It has been raining all day and the garden is flooded.",
  "She plays the piano every evening after school.",
  "The numbers were seventeen, forty two and ninety nine.",
  "Let me check my calendar and get back to you.",
  "Water boils at one hundred degrees at sea level.",
];
const OTHER_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  de: ["Das Wetter ist heute schön, wir gehen spazieren.", "Wo ist der Bahnhof, bitte?"],
  fr: ["Il fait beau aujourd'hui, allons nous promener.", "Je voudrais un café, s'il vous plaît."],
  es: ["Hace buen tiempo hoy, vamos a pasear.", "¿Dónde está la estación de tren?"],
  it: ["Oggi fa bel tempo, andiamo a fare una passeggiata.", "Vorrei un bicchiere d'acqua."],
  nl: ["Het weer is mooi vandaag, laten we gaan wandelen.", "Hoe laat vertrekt de trein?"],
};
const ENGLISH_VOICES = [
  "en",
  "en-us",
  "en-gb-scotland",
  "en-gb-x-gbclan",
  "en-gb-x-rp",
  "en-gb-x-gbcwmd",
  "en-029",
  "en-us-nyc",
];
const VARIANTS = [
  "",
  "m1",
  "m2",
  "m3",
  "m4",
  "m5",
  "m6",
  "m7",
  "f1",
  "f2",
  "f3",
  "f4",
  "f5",
  "klatt",
  "klatt2",
  "klatt3",
];

interface Utterance {
  readonly text: string;
  readonly voice: string;
  readonly rate: number;
  readonly pitch: number;
}

function makeUtterance(random: SeededRandom, excluded: readonly RegExp[]): Utterance {
  for (let attempt = 0; ; attempt += 1) {
    let text: string;
    let voice: string;
    const roll = random.next();
    if (roll < 0.1) {
      const language = pick(random, Object.keys(OTHER_LANGUAGES));
      text = pick(random, OTHER_LANGUAGES[language] ?? []);
      voice = language;
    } else {
      text =
        roll < 0.45
          ? pick(random, SENTENCES)
          : `${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)} ${pick(random, TAILS)}`.trim() +
            ".";
      voice = pick(random, ENGLISH_VOICES);
    }
    const variant = pick(random, VARIANTS);
    const utterance = {
      text: text.charAt(0).toUpperCase() + text.slice(1),
      voice: variant ? `${voice}+${variant}` : voice,
      rate: Math.round(between(random, 125, 195)),
      pitch: Math.round(between(random, 25, 75)),
    };
    if (!excluded.some((re) => re.test(utterance.text)) || attempt > 200) return utterance;
  }
}

function speak(espeak: string, u: Utterance): Promise<Float32Array> {
  return new Promise((resolve, reject) => {
    execFile(
      espeak,
      ["-v", u.voice, "-s", String(u.rate), "-p", String(u.pitch), "--stdout", u.text],
      { encoding: "buffer", maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (error, stdout) => {
        if (error) {
          const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
          reject(
            new WakeforgeCoreError(
              missing ? "ESPEAK_MISSING" : "ESPEAK_FAILED",
              missing
                ? `espeak-ng not found (${espeak}): install it (apt-get install espeak-ng) to generate negative speech`
                : `espeak-ng failed on voice ${u.voice}: ${error.message}`,
              { cause: error },
            ),
          );
          return;
        }
        try {
          const bytes = new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.byteLength);
          const decoded = decodeWav(bytes, { fileName: `espeak-ng ${u.voice}` });
          resolve(resample(decoded.samples, decoded.sampleRateHz, RATE));
        } catch (cause) {
          reject(cause);
        }
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Sources: each yields blocks of 16 kHz audio forever; the writer takes what it needs.

type BlockSource = AsyncGenerator<Float32Array, void, undefined>;

async function* speechSource(
  random: SeededRandom,
  espeak: string,
  excluded: readonly RegExp[],
): BlockSource {
  // Synthesize the next sentence while this one is written (a failure surfaces when awaited).
  const prefetch = () => {
    const promise = speak(espeak, makeUtterance(random, excluded));
    promise.catch(() => undefined);
    return promise;
  };
  let next = prefetch();
  for (;;) {
    const current = await next;
    next = prefetch();
    const level = between(random, 0.2, 0.9);
    yield peakNormalize(current, level);
    const pause = between(random, 0.25, 1.6);
    yield rmsNormalize(pinkNoise(random, Math.round(pause * RATE)), between(random, 3e-4, 3e-3));
  }
}

async function* musicSource(random: SeededRandom): BlockSource {
  for (;;) {
    yield renderMusic(random, between(random, 20, 60));
    yield rmsNormalize(pinkNoise(random, Math.round(between(random, 0.3, 1.5) * RATE)), 5e-4);
  }
}

async function* noiseSource(
  random: SeededRandom,
  espeak: string,
  excluded: readonly RegExp[],
): BlockSource {
  let babblePool: Float32Array[] | undefined;
  for (;;) {
    const seconds = between(random, 15, 45);
    const length = Math.round(seconds * RATE);
    const kind = pick(random, ["white", "pink", "brown", "babble", "hum", "fan"] as const);
    let block: Float32Array;
    if (kind === "white") block = whiteNoise(random, length);
    else if (kind === "pink") block = pinkNoise(random, length);
    else if (kind === "brown") block = brownNoise(random, length);
    else if (kind === "hum") block = hum(random, length);
    else if (kind === "fan") block = fanNoise(random, length);
    else {
      if (!babblePool) {
        const utterances = Array.from({ length: 24 }, () => makeUtterance(random, excluded));
        babblePool = [];
        for (const u of utterances) babblePool.push(peakNormalize(await speak(espeak, u), 0.5));
      }
      block = mixBabble(random, length, babblePool);
    }
    yield fadeEdges(rmsNormalize(block, between(random, 0.01, 0.12)));
  }
}

// ---------------------------------------------------------------------------------------------
// Writing.

async function writeWavFromSource(
  path: string,
  totalSamples: number,
  source: BlockSource,
  onBlock: (doneSamples: number) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const writer = await createWavFileWriter(path, RATE);
  try {
    let done = 0;
    while (done < totalSamples) {
      signal?.throwIfAborted();
      const { value, done: ended } = await source.next();
      if (ended || !value) throw new Error("negative audio source ended early");
      const take = value.subarray(0, totalSamples - done);
      await writer.write(take);
      done += take.length;
      onBlock(done);
    }
    await writer.close();
  } catch (error) {
    await writer.abort();
    throw error;
  } finally {
    await source.return(undefined);
  }
}

const ALL_KINDS: readonly NegativeKind[] = ["speech", "music", "noise"];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Writes long 16 kHz mono WAVs of negative audio into `outDir`: `negative-speech.wav`
 * (espeak-ng sentences from many voices and languages, joined with pauses of room tone),
 * `negative-music.wav` (synthesized pieces: chords, bass, melodies with harmonics and
 * envelopes, drums from filtered noise bursts) and `negative-noise.wav` (white, pink, brown,
 * babble of overlapped speech, mains hum, fan). `minutes` is the total, split evenly between
 * the kinds. The result can be passed as `longNegatives` to evaluateDetector.
 */
export async function generateNegativeAudio(
  options: GenerateNegativeAudioOptions,
): Promise<GeneratedNegativeAudio[]> {
  const kinds = options.kinds ?? ALL_KINDS;
  if (!(options.minutes > 0)) {
    throw new WakeforgeCoreError("BAD_ARGUMENT", `minutes must be > 0, got ${options.minutes}`);
  }
  if (kinds.length === 0 || kinds.some((k) => !ALL_KINDS.includes(k))) {
    throw new WakeforgeCoreError(
      "BAD_ARGUMENT",
      `kinds must be some of ${ALL_KINDS.join(", ")}, got ${kinds.join(", ")}`,
    );
  }
  const seed = options.seed ?? 1;
  const espeak = options.espeakPath ?? "espeak-ng";
  const excluded = (options.excludeWords ?? [])
    .flatMap((phrase) => phrase.split(/\s+/))
    .filter((w) => w.length > 0)
    .map((w) => new RegExp(`\\b${escapeRegExp(w)}\\b`, "i"));
  const perKindSamples = Math.round((options.minutes * 60 * RATE) / kinds.length);
  await mkdir(options.outDir, { recursive: true });
  const written: GeneratedNegativeAudio[] = [];
  for (const kind of kinds) {
    const random = createSeededRandom(`${String(seed)}:${kind}`);
    const source =
      kind === "speech"
        ? speechSource(random, espeak, excluded)
        : kind === "music"
          ? musicSource(random)
          : noiseSource(random, espeak, excluded);
    const path = join(options.outDir, `negative-${kind}.wav`);
    const totalSeconds = perKindSamples / RATE;
    await writeWavFromSource(
      path,
      perKindSamples,
      source,
      (done) => options.onProgress?.({ kind, doneSeconds: done / RATE, totalSeconds }),
      options.signal,
    );
    written.push({ name: `negative-${kind}`, kind, path, durationSeconds: totalSeconds });
  }
  return written;
}
