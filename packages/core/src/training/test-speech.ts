// Test helper: tiny spoken data sets synthesised with espeak-ng (Debian package).
import { execFileSync } from "node:child_process";
import { SAMPLE_RATE_HZ, decodeWav, resample } from "@wakeforge/audio";
import type { DatasetClip } from "../dataset/dataset-types.js";

export const TEST_VOICES = [
  "en-us",
  "en-gb",
  "en-gb-scotland",
  "en-gb-x-rp",
  "en-029",
  "en-gb-x-gbclan",
  "en-gb-x-gbcwmd",
  "en-us+f3",
  "en-gb+f2",
  "en-us+m3",
];

export function speak(
  voice: string,
  text: string,
  options: { rate?: number; pitch?: number } = {},
): Float32Array {
  const args = ["-v", voice, "--stdout"];
  if (options.rate !== undefined) args.push("-s", String(options.rate));
  if (options.pitch !== undefined) args.push("-p", String(options.pitch));
  args.push(text);
  const wav = execFileSync("espeak-ng", args, { maxBuffer: 64 * 1024 * 1024 });
  const decoded = decodeWav(new Uint8Array(wav), { fileName: `${voice}:${text}` });
  return decoded.sampleRateHz === SAMPLE_RATE_HZ
    ? decoded.samples
    : resample(decoded.samples, decoded.sampleRateHz, SAMPLE_RATE_HZ);
}

export function spokenClip(
  kind: "positive" | "negative",
  voice: string,
  text: string,
  options: { rate?: number; pitch?: number; id?: string } = {},
): DatasetClip {
  return {
    id: options.id ?? `${kind}/${voice}/${text}/${options.rate ?? ""}/${options.pitch ?? ""}`,
    file: "",
    kind,
    source: "synthetic",
    speakerId: `espeak-ng:${voice}`,
    engine: "espeak-ng",
    voiceId: voice,
    text,
    weight: 1,
    samples: speak(voice, text, options),
  };
}

export const NEGATIVE_TEXTS = [
  "hey nora",
  "bossa nova",
  "hey no",
  "a nova",
  "good morning",
  "turn on the lights",
  "what time is it",
  "hello there",
  "open the window",
  "seven eleven",
  "play some music",
  "the weather is nice today",
];
