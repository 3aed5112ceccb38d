import { AudioError, decodeWav } from "@wakeforge/audio";
import {
  ENGINE_QUERY_TIMEOUT_MS,
  ESPEAK_NG_MAX_RATE_WPM,
  ESPEAK_NG_MIN_RATE_WPM,
  MAX_PITCH,
  MIN_PITCH,
  SILENCE_PEAK_AMPLITUDE,
  SYNTHESIS_TIMEOUT_MS,
} from "../constants.js";
import type {
  EngineAvailability,
  SynthesisRequest,
  SynthesizedClip,
  TtsEngine,
  Voice,
  VoiceVariant,
} from "../engine.js";
import {
  SynthEngineUnavailableError,
  SynthesisError,
  SynthRequestError,
  type SynthesisErrorCode,
} from "../errors.js";
import { isProgramMissing, runProgram, type ProgramResult } from "../process/run-program.js";
import { speakerIdOf } from "../speaker-id.js";
import {
  ESPEAK_NG,
  assignVoiceIds,
  isMbrolaEntry,
  isVariantEntry,
  parseEspeakVoiceList,
  speaksLanguage,
  type EspeakVoiceEntry,
} from "./espeak-ng-voice-list.js";

export interface EspeakNgOptions {
  /** Program name on PATH or a path to it. Default "espeak-ng". */
  readonly binary?: string;
  /** Longest one synthesis may run. Default SYNTHESIS_TIMEOUT_MS. */
  readonly timeoutMs?: number;
}

export interface EspeakNgEngine extends TtsEngine {
  listVariants(): Promise<VoiceVariant[]>;
}

interface CatalogueVoice {
  readonly voice: Voice;
  readonly entry: EspeakVoiceEntry;
}

/**
 * The espeak-ng speech synthesiser as a TtsEngine (Node only: it runs the espeak-ng program).
 * The text goes to the program's standard input, never its arguments, so text such as
 * "--help" or "$(rm -rf ~)" is spoken, not interpreted. Text in [[double brackets]] is read
 * as espeak-ng phonemes, which lets a user spell out a pronunciation.
 */
export function createEspeakNgEngine(options: EspeakNgOptions = {}): EspeakNgEngine {
  const binary = options.binary ?? ESPEAK_NG;
  const timeoutMs = options.timeoutMs ?? SYNTHESIS_TIMEOUT_MS;
  const missingReason =
    `${binary === ESPEAK_NG ? ESPEAK_NG : `${ESPEAK_NG} at "${binary}"`} not found: install it ` +
    "with `bash tooling/scripts/system-deps.sh` (Debian/Ubuntu) or your package manager";

  /** Runs espeak-ng; a missing program becomes SynthEngineUnavailableError. */
  const run = async (args: string[], input: string, limitMs: number): Promise<ProgramResult> => {
    try {
      return await runProgram(binary, args, { input, timeoutMs: limitMs });
    } catch (error) {
      if (isProgramMissing(error)) {
        throw new SynthEngineUnavailableError(ESPEAK_NG, missingReason, { cause: error });
      }
      throw new SynthesisError(ESPEAK_NG, "PROCESS_FAILED", `could not start ${binary}`, {
        cause: error,
      });
    }
  };

  const failure = (
    what: string,
    result: ProgramResult,
    limitMs: number,
  ): SynthesisError | undefined => {
    let code: SynthesisErrorCode | undefined;
    let problem = "";
    if (result.timedOut) {
      code = "TIMEOUT";
      problem = `${what} was stopped after ${limitMs} ms`;
    } else if (result.exitCode !== 0) {
      code = "PROCESS_FAILED";
      problem =
        result.exitCode === null
          ? `${what} was killed by ${result.signal ?? "a signal"}`
          : `${what} exited with code ${result.exitCode}`;
    }
    return code === undefined
      ? undefined
      : new SynthesisError(ESPEAK_NG, code, problem, {
          stderr: result.stderr,
          exitCode: result.exitCode,
        });
  };

  const query = async (args: string[]): Promise<string> => {
    const result = await run(args, "", ENGINE_QUERY_TIMEOUT_MS);
    const problem = failure(`${binary} ${args.join(" ")}`, result, ENGINE_QUERY_TIMEOUT_MS);
    if (problem !== undefined) throw problem;
    return new TextDecoder().decode(result.stdout);
  };

  // The listings do not change while a process runs; a failed load is retried next time.
  let catalogue: Promise<CatalogueVoice[]> | undefined;
  const loadCatalogue = (): Promise<CatalogueVoice[]> => {
    catalogue ??= query(["--voices"]).then((listing) => {
      const usable = parseEspeakVoiceList(listing).filter(
        (entry) => !isVariantEntry(entry) && !isMbrolaEntry(entry),
      );
      return assignVoiceIds(usable).map(({ id, entry }) => ({
        entry,
        voice: {
          engine: ESPEAK_NG,
          id,
          language: entry.language,
          name: entry.name,
          ...(entry.gender === undefined ? {} : { gender: entry.gender }),
        },
      }));
    });
    catalogue.catch(() => (catalogue = undefined));
    return catalogue;
  };

  let variants: Promise<VoiceVariant[]> | undefined;
  const listVariants = (): Promise<VoiceVariant[]> => {
    variants ??= query(["--voices=variant"]).then((listing) =>
      parseEspeakVoiceList(listing)
        .filter(isVariantEntry)
        .map((entry) => ({
          engine: ESPEAK_NG,
          id: entry.file.slice("!v/".length),
          name: entry.name,
          ...(entry.gender === undefined ? {} : { gender: entry.gender }),
        })),
    );
    variants.catch(() => (variants = undefined));
    return variants;
  };

  const isAvailable = async (): Promise<EngineAvailability> => {
    try {
      const version = await query(["--version"]);
      if (!/espeak/i.test(version)) {
        return {
          available: false,
          reason: `"${binary}" does not look like ${ESPEAK_NG}: --version printed "${version.trim()}"`,
        };
      }
      return { available: true };
    } catch (error) {
      return { available: false, reason: error instanceof Error ? error.message : String(error) };
    }
  };

  const listVoices = async (listOptions: { language?: string } = {}): Promise<Voice[]> => {
    const { language } = listOptions;
    return (await loadCatalogue())
      .filter(({ entry }) => language === undefined || speaksLanguage(entry, language))
      .map(({ voice }) => voice);
  };

  const synthesize = async (request: SynthesisRequest): Promise<SynthesizedClip> => {
    validateSettings(request);
    const known = (await loadCatalogue()).find(({ voice }) => voice.id === request.voiceId);
    if (known === undefined) {
      throw new SynthRequestError(
        ESPEAK_NG,
        "UNKNOWN_VOICE",
        `no ${ESPEAK_NG} voice "${request.voiceId}"; listVoices() gives the ids` +
          (request.voiceId.includes("+") ? " (put a variant such as f3 in `variant`)" : ""),
      );
    }
    const { variant } = request;
    if (variant !== undefined && !(await listVariants()).some(({ id }) => id === variant)) {
      throw new SynthRequestError(
        ESPEAK_NG,
        "UNKNOWN_VARIANT",
        `no ${ESPEAK_NG} variant "${variant}"; listVariants() gives the ids`,
      );
    }

    const speakerId = speakerIdOf(ESPEAK_NG, known.voice.id, variant);
    const args = [
      "--stdout",
      "-b",
      "1", // the text is UTF-8
      "-v",
      variant === undefined ? known.entry.file : `${known.entry.file}+${variant}`,
      ...(request.rateWpm === undefined ? [] : ["-s", String(request.rateWpm)]),
      ...(request.pitch === undefined ? [] : ["-p", String(request.pitch)]),
      "--stdin",
    ];
    const result = await run(args, request.text, timeoutMs);
    const what = `${ESPEAK_NG} (${speakerId}) speaking ${JSON.stringify(request.text)}`;
    const problem = failure(what, result, timeoutMs);
    if (problem !== undefined) throw problem;

    const fileName = request.fileName ?? `${speakerId}.wav`;
    let decoded;
    try {
      decoded = decodeWav(result.stdout, { fileName });
    } catch (error) {
      if (!(error instanceof AudioError)) throw error;
      const problem = `${what} wrote unreadable audio (${error.message})`;
      throw new SynthesisError(ESPEAK_NG, "BAD_OUTPUT", problem, {
        stderr: result.stderr,
        exitCode: result.exitCode,
        cause: error,
      });
    }
    if (peakAmplitude(decoded.samples) < SILENCE_PEAK_AMPLITUDE) {
      throw new SynthesisError(ESPEAK_NG, "SILENT_OUTPUT", `${what} produced only silence`, {
        stderr: result.stderr,
        exitCode: result.exitCode,
      });
    }
    return {
      samples: decoded.samples,
      sampleRateHz: decoded.sampleRateHz,
      engine: ESPEAK_NG,
      voiceId: known.voice.id,
      ...(variant === undefined ? {} : { variant }),
      text: request.text,
      speakerId,
    };
  };

  return { id: ESPEAK_NG, isAvailable, listVoices, listVariants, synthesize };
}

/** Rejects text, rate and pitch espeak-ng would silently ignore, clamp or misread. */
function validateSettings(request: SynthesisRequest): void {
  if (request.text.trim() === "") {
    throw new SynthRequestError(ESPEAK_NG, "EMPTY_TEXT", "text to speak is empty");
  }
  const { rateWpm, pitch } = request;
  if (
    rateWpm !== undefined &&
    !(
      Number.isInteger(rateWpm) &&
      rateWpm >= ESPEAK_NG_MIN_RATE_WPM &&
      rateWpm <= ESPEAK_NG_MAX_RATE_WPM
    )
  ) {
    throw new SynthRequestError(
      ESPEAK_NG,
      "BAD_RATE",
      `rate must be whole words per minute in ${ESPEAK_NG_MIN_RATE_WPM}–${ESPEAK_NG_MAX_RATE_WPM}, got ${rateWpm}`,
    );
  }
  if (
    pitch !== undefined &&
    !(Number.isInteger(pitch) && pitch >= MIN_PITCH && pitch <= MAX_PITCH)
  ) {
    throw new SynthRequestError(
      ESPEAK_NG,
      "BAD_PITCH",
      `pitch must be a whole number in ${MIN_PITCH}–${MAX_PITCH}, got ${pitch}`,
    );
  }
}

function peakAmplitude(samples: Float32Array): number {
  let peak = 0;
  for (const value of samples) peak = Math.max(peak, Math.abs(value));
  return peak;
}
