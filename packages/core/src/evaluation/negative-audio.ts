// Long negative audio for tests and demos (Node): speech from espeak-ng in many voices, music
// synthesized from chords, melodies and drums, and noise (white, pink, brown, babble, hum).
// Issue 5's acceptance wants "at least one hour of negative audio (speech, music, noise)" that
// anyone can regenerate: `generateNegativeAudio({ outDir, minutes: 60 })` writes it. The same
// seed gives the same bytes; files appear atomically (written beside, then renamed).
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import {
  SAMPLE_RATE_HZ,
  createSeededRandom,
  decodeWav,
  resample,
  type SeededRandom,
} from "@wakeforge/audio";
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

function pick<T>(random: SeededRandom, items: readonly T[]): T {
  return items[random.nextInt(items.length)] as T;
}

function between(random: SeededRandom, low: number, high: number): number {
  return low + (high - low) * random.next();
}

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
// Signal helpers.

function peakNormalize(samples: Float32Array, peak: number): Float32Array {
  let max = 0;
  for (const v of samples) max = Math.max(max, Math.abs(v));
  if (max > 0)
    for (let i = 0; i < samples.length; i += 1) samples[i] = ((samples[i] ?? 0) * peak) / max;
  return samples;
}

function rmsNormalize(samples: Float32Array, rms: number): Float32Array {
  let sum = 0;
  for (const v of samples) sum += v * v;
  const current = Math.sqrt(sum / Math.max(1, samples.length));
  if (current > 0)
    for (let i = 0; i < samples.length; i += 1) samples[i] = ((samples[i] ?? 0) * rms) / current;
  return samples;
}

function fadeEdges(samples: Float32Array, seconds = 0.02): Float32Array {
  const n = Math.min(Math.floor(samples.length / 2), Math.round(seconds * RATE));
  for (let i = 0; i < n; i += 1) {
    const g = i / n;
    samples[i] = (samples[i] ?? 0) * g;
    samples[samples.length - 1 - i] = (samples[samples.length - 1 - i] ?? 0) * g;
  }
  return samples;
}

function whiteNoise(random: SeededRandom, length: number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i += 1) out[i] = random.next() * 2 - 1;
  return out;
}

/** Pink noise (Paul Kellet's economy filter): equal energy per octave. */
function pinkNoise(random: SeededRandom, length: number): Float32Array {
  const out = new Float32Array(length);
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  for (let i = 0; i < length; i += 1) {
    const w = random.next() * 2 - 1;
    b0 = 0.99765 * b0 + w * 0.099046;
    b1 = 0.963 * b1 + w * 0.2965164;
    b2 = 0.57 * b2 + w * 1.0526913;
    out[i] = b0 + b1 + b2 + w * 0.1848;
  }
  return out;
}

/** Brown (red) noise: leaky integrated white noise, −6 dB per octave. */
function brownNoise(random: SeededRandom, length: number): Float32Array {
  const out = new Float32Array(length);
  let y = 0;
  for (let i = 0; i < length; i += 1) {
    y = 0.998 * y + (random.next() * 2 - 1) * 0.05;
    out[i] = y;
  }
  return out;
}

/** Mains hum: 50 or 60 Hz and its harmonics, a slow wobble, a little hiss. */
function hum(random: SeededRandom, length: number): Float32Array {
  const base = random.next() < 0.5 ? 50 : 60;
  const amps = [
    1,
    between(random, 0.2, 0.8),
    between(random, 0.1, 0.5),
    between(random, 0, 0.3),
    between(random, 0, 0.2),
  ];
  const wobble = between(random, 0.1, 0.5);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i += 1) {
    const t = i / RATE;
    let v = 0;
    amps.forEach((a, k) => {
      v += a * Math.sin(2 * Math.PI * base * (k + 1) * t + k);
    });
    out[i] = v * (1 + 0.15 * Math.sin(2 * Math.PI * wobble * t)) + (random.next() - 0.5) * 0.05;
  }
  return out;
}

/** One-pole low-pass in place. */
function lowPass(samples: Float32Array, cutoffHz: number): Float32Array {
  const a = Math.exp((-2 * Math.PI * cutoffHz) / RATE);
  let y = 0;
  for (let i = 0; i < samples.length; i += 1) {
    y = (1 - a) * (samples[i] ?? 0) + a * y;
    samples[i] = y;
  }
  return samples;
}

/** One-pole high-pass in place. */
function highPass(samples: Float32Array, cutoffHz: number): Float32Array {
  const a = Math.exp((-2 * Math.PI * cutoffHz) / RATE);
  let y = 0;
  let previous = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const x = samples[i] ?? 0;
    y = a * (y + x - previous);
    previous = x;
    samples[i] = y;
  }
  return samples;
}

function addAt(target: Float32Array, source: Float32Array, at: number, gain = 1): void {
  const end = Math.min(target.length, at + source.length);
  for (let i = Math.max(0, at); i < end; i += 1)
    target[i] = (target[i] ?? 0) + (source[i - at] ?? 0) * gain;
}

// ---------------------------------------------------------------------------------------------
// Music.

const MAJOR = [0, 2, 4, 5, 7, 9, 11];
const MINOR = [0, 2, 3, 5, 7, 8, 10];
const PROGRESSIONS = [
  [0, 4, 5, 3],
  [0, 5, 3, 4],
  [0, 3, 4, 4],
  [5, 3, 0, 4],
  [0, 3, 0, 4],
  [1, 4, 0, 0],
];

function midiHz(note: number): number {
  return 440 * 2 ** ((note - 69) / 12);
}

/** A note with harmonics (amplitude 1/k^rolloff) and an attack/exponential-decay envelope. */
function renderNote(
  target: Float32Array,
  startSeconds: number,
  seconds: number,
  hz: number,
  gain: number,
  harmonics: number,
  rolloff: number,
  attackSeconds: number,
  decayPerSecond: number,
): void {
  const start = Math.round(startSeconds * RATE);
  const length = Math.round((seconds + 0.08) * RATE);
  const attack = Math.max(1, Math.round(attackSeconds * RATE));
  const release = Math.round(0.08 * RATE);
  const partials: [number, number][] = [];
  for (let k = 1; k <= harmonics; k += 1)
    if (hz * k < RATE * 0.45) partials.push([(2 * Math.PI * hz * k) / RATE, 1 / k ** rolloff]);
  for (let i = 0; i < length && start + i < target.length; i += 1) {
    let env = i < attack ? i / attack : Math.exp(-decayPerSecond * ((i - attack) / RATE));
    if (i > length - release) env *= (length - i) / release;
    let v = 0;
    for (const [w, a] of partials) v += a * Math.sin(w * i);
    target[start + i] = (target[start + i] ?? 0) + v * env * gain;
  }
}

function drum(random: SeededRandom, kind: "kick" | "snare" | "hat"): Float32Array {
  const seconds = kind === "kick" ? 0.25 : kind === "snare" ? 0.18 : 0.05;
  const n = Math.round(seconds * RATE);
  const noise = whiteNoise(random, n);
  if (kind === "kick") lowPass(lowPass(noise, 150), 150);
  else if (kind === "snare") lowPass(highPass(noise, 900), 4000);
  else highPass(highPass(noise, 5000), 5000);
  const decay = kind === "kick" ? 18 : kind === "snare" ? 22 : 70;
  for (let i = 0; i < n; i += 1) {
    const t = i / RATE;
    let v = (noise[i] ?? 0) * (kind === "kick" ? 6 : 1);
    if (kind === "kick")
      v += Math.sin(2 * Math.PI * (50 * t + (100 / 30) * (1 - Math.exp(-30 * t)))) * 0.9;
    noise[i] = v * Math.exp(-decay * t);
  }
  return noise;
}

/** One piece of music: a chord progression on a pad, a bass line, a melody and maybe drums. */
function renderPiece(random: SeededRandom, seconds: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  const bpm = between(random, 70, 150);
  const beat = 60 / bpm;
  const bar = 4 * beat;
  const root = 45 + random.nextInt(12);
  const scale = random.next() < 0.5 ? MAJOR : MINOR;
  const progression = pick(random, PROGRESSIONS);
  const padHarmonics = 3 + random.nextInt(5);
  const leadHarmonics = 2 + random.nextInt(7);
  const withDrums = random.next() < 0.7;
  const degree = (d: number) => {
    const octave = Math.floor(d / 7);
    return root + 12 * octave + (scale[((d % 7) + 7) % 7] ?? 0);
  };
  const kick = drum(random, "kick");
  const snare = drum(random, "snare");
  const hat = drum(random, "hat");
  let melodyDegree = 7 + random.nextInt(7);
  for (let b = 0; b * bar < seconds; b += 1) {
    const start = b * bar;
    const chord = progression[b % progression.length] ?? 0;
    for (const offset of [0, 2, 4]) {
      renderNote(
        out,
        start,
        bar,
        midiHz(degree(chord + offset) + 12),
        0.08,
        padHarmonics,
        1.2,
        0.15,
        0.6,
      );
    }
    for (const beatIndex of [0, 2]) {
      renderNote(
        out,
        start + beatIndex * beat,
        beat * 1.5,
        midiHz(degree(chord) - 12),
        0.25,
        4,
        1.5,
        0.01,
        3,
      );
    }
    // Melody: eighth and quarter notes wandering over the scale, with rests.
    let t = 0;
    while (t < 4 - 1e-9) {
      const length = random.next() < 0.6 ? 0.5 : 1;
      if (random.next() < 0.8) {
        melodyDegree = Math.max(
          7,
          Math.min(17, melodyDegree + pick(random, [-2, -1, -1, 0, 1, 1, 2, 3])),
        );
        renderNote(
          out,
          start + t * beat,
          length * beat,
          midiHz(degree(melodyDegree) + 12),
          0.12,
          leadHarmonics,
          1.5,
          0.01,
          4,
        );
      }
      t += length;
    }
    if (withDrums) {
      for (let e = 0; e < 8; e += 1) {
        const at = Math.round((start + (e * beat) / 2) * RATE);
        if (e % 4 === 0) addAt(out, kick, at, 0.6);
        if (e % 4 === 2) addAt(out, snare, at, 0.35);
        addAt(out, hat, at, e % 2 === 0 ? 0.12 : 0.07);
      }
    }
  }
  return fadeEdges(peakNormalize(out, between(random, 0.3, 0.85)), 0.5);
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
    yield renderPiece(random, between(random, 20, 60));
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
    else if (kind === "fan") {
      block = lowPass(brownNoise(random, length), 600);
      addAt(block, rmsNormalize(pinkNoise(random, length), 0.02), 0);
    } else {
      if (!babblePool) {
        const utterances = Array.from({ length: 24 }, () => makeUtterance(random, excluded));
        babblePool = [];
        for (const u of utterances) babblePool.push(peakNormalize(await speak(espeak, u), 0.5));
      }
      block = new Float32Array(length);
      const talkers = 4 + random.nextInt(5);
      for (let t = 0; t < talkers; t += 1) {
        let at = Math.round(-between(random, 0, 3) * RATE);
        const gain = between(random, 0.3, 1);
        while (at < length) {
          const clip = pick(random, babblePool);
          addAt(block, clip, at, gain);
          at += clip.length + Math.round(between(random, 0.1, 0.8) * RATE);
        }
      }
    }
    yield fadeEdges(rmsNormalize(block, between(random, 0.01, 0.12)));
  }
}

// ---------------------------------------------------------------------------------------------
// Writing.

function wavHeader(samples: number): Uint8Array {
  const header = new Uint8Array(44);
  const view = new DataView(header.buffer);
  const id = (at: number, text: string) => {
    for (let i = 0; i < 4; i += 1) view.setUint8(at + i, text.charCodeAt(i));
  };
  id(0, "RIFF");
  view.setUint32(4, 36 + samples * 2, true);
  id(8, "WAVE");
  id(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, RATE, true);
  view.setUint32(28, RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  id(36, "data");
  view.setUint32(40, samples * 2, true);
  return header;
}

function toPcm16(samples: Float32Array): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples.length; i += 1) {
    const v = Math.max(-1, Math.min(1, samples[i] ?? 0));
    view.setInt16(i * 2, Math.round(v < 0 ? v * 32768 : v * 32767), true);
  }
  return bytes;
}

async function writeWavFromSource(
  path: string,
  totalSamples: number,
  source: BlockSource,
  onBlock: (doneSamples: number) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.partial-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
  const handle = await open(temporary, "w");
  try {
    await handle.write(wavHeader(totalSamples));
    let done = 0;
    while (done < totalSamples) {
      signal?.throwIfAborted();
      const { value, done: ended } = await source.next();
      if (ended || !value) throw new Error("negative audio source ended early");
      const take = value.subarray(0, totalSamples - done);
      await handle.write(toPcm16(take));
      done += take.length;
      onBlock(done);
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  } finally {
    await source.return(undefined);
  }
  await handle.close();
  await rename(temporary, path);
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
