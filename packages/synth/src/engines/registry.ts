import type { TtsEngine } from "../engine.js";
import { NoSynthEngineError, type MissingEngine } from "../errors.js";
import { createEspeakNgEngine, type EspeakNgOptions } from "./espeak-ng.js";
import { ESPEAK_NG } from "./espeak-ng-voice-list.js";
import { createFliteEngine, type FliteEngine, type FliteOptions } from "./flite.js";
import { FLITE } from "./flite-voices.js";

export interface EngineRegistryOptions {
  /** Options for espeak-ng, or false to leave it out. */
  readonly espeakNg?: EspeakNgOptions | false;
  /** Options for Flite, or false to leave it out. */
  readonly flite?: FliteOptions | false;
}

export interface AvailableEngines {
  /** The engines that work here, espeak-ng first. */
  readonly engines: readonly TtsEngine[];
  /** The engines that do not, with the reason and how to fix it. */
  readonly missing: readonly MissingEngine[];
}

/** Probes every known engine; never throws. */
export async function availableEngines(
  options: EngineRegistryOptions = {},
): Promise<AvailableEngines> {
  const candidates: { id: string; engine?: TtsEngine }[] = [
    {
      id: ESPEAK_NG,
      ...(options.espeakNg === false ? {} : { engine: createEspeakNgEngine(options.espeakNg) }),
    },
    {
      id: FLITE,
      ...(options.flite === false ? {} : { engine: createFliteEngine(options.flite) }),
    },
  ];
  const engines: TtsEngine[] = [];
  const missing: MissingEngine[] = [];
  for (const { id, engine } of candidates) {
    if (engine === undefined) {
      missing.push({ engine: id, reason: `${id} turned off by option` });
      continue;
    }
    const availability = await engine.isAvailable();
    if (availability.available) engines.push(engine);
    else missing.push({ engine: id, reason: availability.reason });
  }
  return { engines, missing };
}

/** The engines that work here; throws NoSynthEngineError, naming every reason, when none does. */
export async function requireEngines(options: EngineRegistryOptions = {}): Promise<TtsEngine[]> {
  const { engines, missing } = await availableEngines(options);
  if (engines.length === 0) throw new NoSynthEngineError(missing);
  return [...engines];
}

/** Whether an engine can set `pitch` for a voice; engines without the notion always can. */
export function canSetPitch(engine: TtsEngine, voiceId: string): boolean {
  const withPitchLimits = engine as Partial<Pick<FliteEngine, "canSetPitch">>;
  return typeof withPitchLimits.canSetPitch === "function"
    ? withPitchLimits.canSetPitch(voiceId)
    : true;
}
