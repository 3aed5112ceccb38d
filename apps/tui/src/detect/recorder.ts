// Microphone capture through a system program: arecord (ALSA) or sox's rec, whichever is here,
// as raw 16 kHz mono 16-bit PCM on its stdout. Node has no microphone of its own.
import { findProgram, programSearchFromEnv } from "@wakeforge/core";

export const MIC_SAMPLE_RATE_HZ = 16_000;

export interface Recorder {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
}

/** What to install when no recorder is found. */
export const NO_RECORDER_MESSAGE =
  "no microphone recorder found: install sox (apt-get install sox, brew install sox) or alsa-utils (arecord)";

const RAW_PCM = ["-r", String(MIC_SAMPLE_RATE_HZ), "-c", "1"];

/** The recorder to use, or undefined when neither program is on PATH. */
export async function findRecorder(
  env: Readonly<Record<string, string | undefined>>,
): Promise<Recorder | undefined> {
  const search = programSearchFromEnv(env);
  const arecord = await findProgram(["arecord"], search);
  if (arecord)
    return {
      name: "arecord",
      command: arecord,
      args: ["-q", "-t", "raw", "-f", "S16_LE", ...RAW_PCM],
    };
  const rec = await findProgram(["rec"], search);
  if (rec) {
    return {
      name: "rec (sox)",
      command: rec,
      args: ["-q", "-t", "raw", "-e", "signed-integer", "-b", "16", ...RAW_PCM, "-"],
    };
  }
  const sox = await findProgram(["sox"], search);
  if (sox) {
    return {
      name: "sox",
      command: sox,
      args: ["-q", "-d", "-t", "raw", "-e", "signed-integer", "-b", "16", ...RAW_PCM, "-"],
    };
  }
  return undefined;
}
