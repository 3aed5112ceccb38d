import { encodeWav, resample, SAMPLE_RATE_HZ } from "@wakeforge/audio";
import type { TtsEngine } from "../engine.js";
import type { VoicePlanEntry } from "../voice-plan.js";
import { writeFileAtomic } from "./atomic-write.js";

/**
 * Speaks `text` in a planned voice (at `rateWpm`, else the plan's rate) and writes it to `path`
 * as 16 kHz mono 16-bit WAV, atomically. Returns its length in seconds; SynthErrors propagate.
 */
export async function writeVoiceClip(
  engine: TtsEngine,
  voice: VoicePlanEntry,
  text: string,
  path: string,
  options: { readonly rateWpm?: number; readonly fileName: string },
): Promise<number> {
  const clip = await engine.synthesize({
    text,
    voiceId: voice.voiceId,
    ...(voice.variant === undefined ? {} : { variant: voice.variant }),
    rateWpm: options.rateWpm ?? voice.rateWpm,
    ...(voice.pitch === undefined ? {} : { pitch: voice.pitch }),
    fileName: options.fileName,
  });
  const samples =
    clip.sampleRateHz === SAMPLE_RATE_HZ
      ? clip.samples
      : resample(clip.samples, clip.sampleRateHz, SAMPLE_RATE_HZ);
  await writeFileAtomic(path, encodeWav(samples, SAMPLE_RATE_HZ));
  return samples.length / SAMPLE_RATE_HZ;
}
