import { createSeededRandom } from "@wakeforge/audio";
import { subSeed } from "./sub-seed.js";
import type { TtsEngine } from "./engine.js";
import { canSetPitch } from "./engines/registry.js";
import { SynthRequestError } from "./errors.js";
import { pickVoices, type VoicePick } from "./voices.js";

/** One clip's voice and delivery. */
export interface VoicePlanEntry {
  readonly engine: string;
  readonly voiceId: string;
  /** Omitted: the voice's own timbre. */
  readonly variant?: string;
  /** The voice's language tag, e.g. "en-us". */
  readonly language: string;
  readonly rateWpm: number;
  /** Omitted where the voice cannot change its pitch. */
  readonly pitch?: number;
  /** Engine+voice+variant, never rate or pitch: splits keep one speaker on one side. */
  readonly speakerId: string;
}

export interface VoicePlan {
  readonly entries: readonly VoicePlanEntry[];
  /** Why an engine took no part, e.g. Flite for a language other than English. */
  readonly notes: readonly string[];
}

export interface PlanVoicesOptions {
  readonly engines: readonly TtsEngine[];
  /** Clips to plan. */
  readonly count: number;
  readonly seed: number | string;
  /** Language of the voices, "en" (default), "de", "fr-fr", … */
  readonly language?: string;
  /** Speaking rates are drawn evenly from this range; default 120–200 words per minute. */
  readonly rateWpm?: readonly [min: number, max: number];
  /** Pitches (0–99, 50 the voice's own) are drawn evenly from this range; default 25–75. */
  readonly pitch?: readonly [min: number, max: number];
}

export const DEFAULT_RATE_RANGE_WPM: readonly [number, number] = [120, 200];
export const DEFAULT_PITCH_RANGE: readonly [number, number] = [25, 75];

/**
 * Plans `count` clips spread over engines (taking turns), over each engine's voices and
 * variants (every speaker before any repeats, via pickVoices), and over rates and pitches.
 * The same options give the same plan.
 */
export async function planVoices(options: PlanVoicesOptions): Promise<VoicePlan> {
  const { engines, count, seed } = options;
  const language = options.language ?? "en";
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  }
  const [minRate, maxRate] = options.rateWpm ?? DEFAULT_RATE_RANGE_WPM;
  const [minPitch, maxPitch] = options.pitch ?? DEFAULT_PITCH_RANGE;

  const notes: string[] = [];
  const speakers: { engine: TtsEngine; picks: VoicePick[] }[] = [];
  for (const engine of engines) {
    const voices = await engine.listVoices({ language });
    if (voices.length === 0) {
      notes.push(
        `${engine.id} has no voice for language "${language}"` +
          (engine.id === "flite" ? " (Flite speaks English only)" : "") +
          "; it takes no part",
      );
      continue;
    }
    const variants = (await engine.listVariants?.()) ?? [];
    const picks = pickVoices(voices, Math.max(1, count), subSeed(seed, engine.id), { variants });
    speakers.push({ engine, picks });
  }
  if (speakers.length === 0) {
    throw new SynthRequestError(
      "none",
      "UNKNOWN_VOICE",
      `no engine has a voice for language "${language}"` +
        (notes.length === 0 ? "" : `: ${notes.join("; ")}`),
    );
  }

  const random = createSeededRandom(subSeed(seed, "delivery"));
  const between = (min: number, max: number) => min + random.nextInt(max - min + 1);
  const entries: VoicePlanEntry[] = [];
  const used = speakers.map(() => 0);
  for (let i = 0; i < count; i += 1) {
    const slot = i % speakers.length;
    const { engine, picks } = speakers[slot] as (typeof speakers)[number];
    const pick = picks[(used[slot] ?? 0) % picks.length] as VoicePick;
    used[slot] = (used[slot] ?? 0) + 1;
    const rateWpm = between(minRate, maxRate);
    const pitch = between(minPitch, maxPitch);
    entries.push({
      engine: engine.id,
      voiceId: pick.voice.id,
      ...(pick.variant === undefined ? {} : { variant: pick.variant.id }),
      language: pick.voice.language,
      rateWpm,
      ...(canSetPitch(engine, pick.voice.id) ? { pitch } : {}),
      speakerId: pick.speakerId,
    });
  }
  return { entries, notes };
}
