import { readFile } from "node:fs/promises";
import { decodeWav } from "@wakeforge/audio";

/** The samples of a stored sample's file (16 kHz mono WAV), −1…1. */
export async function readSampleAudio(path: string): Promise<Float32Array> {
  const bytes = new Uint8Array(await readFile(path));
  return decodeWav(bytes, { fileName: path }).samples;
}
