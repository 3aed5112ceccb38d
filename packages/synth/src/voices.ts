import { createSeededRandom, type SeededRandom } from "@wakeforge/audio";
import type { Voice, VoiceVariant } from "./engine.js";
import { speakerIdOf } from "./speaker-id.js";

export interface VoicePick {
  readonly voice: Voice;
  /** Omitted: the voice's own timbre. */
  readonly variant?: VoiceVariant;
  readonly speakerId: string;
}

export interface PickVoicesOptions {
  /** Timbres to combine with the voices (e.g. from `listVariants()`); omitted: voices alone. */
  readonly variants?: readonly VoiceVariant[];
}

/**
 * Chooses `count` distinct voice+variant combinations, the same ones for the same seed.
 * Diversity first: consecutive picks spread over language groups ("en-us" and "en-gb" are one
 * group, "de" another) and every voice is used before any repeats; variants alternate between
 * female and other timbres and are rotated so no combination comes twice. Asking for more than
 * exist returns all of them.
 */
export function pickVoices(
  voices: readonly Voice[],
  count: number,
  seed: number | string,
  options: PickVoicesOptions = {},
): VoicePick[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  }
  if (count === 0) return [];
  if (voices.length === 0) {
    throw new RangeError("no voices to pick from; is the engine installed and the language right?");
  }
  const random = createSeededRandom(seed);
  const orderedVoices = spreadOverLanguageGroups(voices, random);

  const female = random.shuffled((options.variants ?? []).filter((v) => v.gender === "female"));
  const others = random.shuffled([
    undefined, // the voice's own timbre
    ...(options.variants ?? []).filter((v) => v.gender !== "female"),
  ]);
  const timbres = alternate(female, others);

  const total = Math.min(count, orderedVoices.length * timbres.length);
  const picks: VoicePick[] = [];
  for (let i = 0; i < total; i += 1) {
    // Round r pairs voice j with timbre (j + r) mod T: for r < T each voice meets a new timbre.
    const round = Math.floor(i / orderedVoices.length);
    const j = i % orderedVoices.length;
    const voice = orderedVoices[j] as Voice;
    const variant = timbres[(j + round) % timbres.length];
    picks.push({
      voice,
      ...(variant === undefined ? {} : { variant }),
      speakerId: speakerIdOf(voice.engine, voice.id, variant?.id),
    });
  }
  return picks;
}

/** Round-robin over shuffled language groups, so the first picks cover as many as possible. */
function spreadOverLanguageGroups(voices: readonly Voice[], random: SeededRandom): Voice[] {
  const groups = new Map<string, Voice[]>();
  for (const voice of random.shuffled(voices)) {
    const group = voice.language.split("-")[0] ?? voice.language;
    groups.set(group, [...(groups.get(group) ?? []), voice]);
  }
  const queues = [...groups.values()];
  const ordered: Voice[] = [];
  for (let depth = 0; ordered.length < voices.length; depth += 1) {
    for (const queue of queues) {
      const voice = queue[depth];
      if (voice !== undefined) ordered.push(voice);
    }
  }
  return ordered;
}

/** a0, b0, a1, b1, …, then the rest of the longer list. */
function alternate<T, U>(a: readonly T[], b: readonly U[]): (T | U)[] {
  const merged: (T | U)[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if (i < a.length) merged.push(a[i] as T);
    if (i < b.length) merged.push(b[i] as U);
  }
  return merged;
}
