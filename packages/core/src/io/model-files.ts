// A model with its manifest, without a file system. Two forms:
//
// - The files of a model directory in memory (tfjs's `model.json` + `weights.bin` plus
//   `wakeforge.json` and any extras), byte for byte what model-directory.ts writes and reads on
//   Node: a browser can build one to upload to a worker, or read one a server hands out.
// - Any tfjs IOHandler or URL scheme (`downloads://`, `indexeddb://`, `http(s)://`, in-memory
//   handlers) with the manifest carried inside model.json as `userDefinedMetadata.wakeforge`,
//   since those handlers store exactly one model.json and its weights.
import * as tf from "@tensorflow/tfjs";
import {
  MODEL_MANIFEST_FILE,
  ModelFormatError,
  parseModelManifest,
  type ModelManifest,
} from "./model-manifest.js";

export const MODEL_JSON_FILE = "model.json";
export const WEIGHTS_FILE = "weights.bin";
/** The key of the manifest in a saved model's `userDefinedMetadata`. */
export const MANIFEST_METADATA_KEY = "wakeforge";

/** A model directory in memory: file name → contents. */
export type ModelFiles = Readonly<Record<string, Uint8Array | string>>;

export interface LoadedModel {
  readonly model: tf.LayersModel;
  readonly manifest: ModelManifest;
}

function concatenate(data: ArrayBuffer | ArrayBuffer[]): Uint8Array {
  const parts = Array.isArray(data) ? data : [data];
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(new Uint8Array(part), at);
    at += part.byteLength;
  }
  return out;
}

/**
 * The files of a model directory for `model`, its manifest and `extraFiles` (a training
 * record, a report). `where` names the destination in errors.
 */
export async function modelToFiles(
  model: tf.LayersModel,
  manifest: ModelManifest,
  extraFiles: Readonly<Record<string, string | Uint8Array>> = {},
  where = "model",
): Promise<Record<string, Uint8Array | string>> {
  for (const name of Object.keys(extraFiles)) {
    if (name.includes("/") || name.includes("\\") || name.startsWith(".")) {
      throw new ModelFormatError(where, `extra file name "${name}" must be a plain file name`);
    }
  }
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (saved) => {
      artifacts = saved;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  if (!artifacts?.weightSpecs || artifacts.weightData === undefined) {
    throw new ModelFormatError(where, "tfjs produced no weights for this model");
  }
  const modelJson = {
    modelTopology: artifacts.modelTopology,
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    weightsManifest: [{ paths: [`./${WEIGHTS_FILE}`], weights: artifacts.weightSpecs }],
  };
  return {
    [MODEL_JSON_FILE]: JSON.stringify(modelJson),
    [WEIGHTS_FILE]: concatenate(artifacts.weightData as ArrayBuffer | ArrayBuffer[]),
    [MODEL_MANIFEST_FILE]: `${JSON.stringify(manifest, null, 2)}\n`,
    ...extraFiles,
  };
}

/**
 * How a model directory's files are read. Each function rejects with a ModelFormatError that
 * names the file when it cannot deliver it.
 */
export interface ModelFileReader {
  /** The path or URL of `name`, for error messages. */
  pathOf(name: string): string;
  text(name: string): Promise<string>;
  bytes(name: string): Promise<Uint8Array>;
}

async function readJson(reader: ModelFileReader, name: string): Promise<unknown> {
  const text = await reader.text(name);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ModelFormatError(
      reader.pathOf(name),
      `is not valid JSON (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
}

/** Reads the manifest first (a wrong directory fails early), then the model; weights must match the declared sizes. */
export async function readModelFiles(reader: ModelFileReader): Promise<LoadedModel> {
  const manifest = parseModelManifest(
    await readJson(reader, MODEL_MANIFEST_FILE),
    reader.pathOf(MODEL_MANIFEST_FILE),
  );
  const modelJsonPath = reader.pathOf(MODEL_JSON_FILE);
  const modelJson = (await readJson(reader, MODEL_JSON_FILE)) as Partial<tf.io.ModelJSON>;
  const weightsManifest = modelJson.weightsManifest;
  if (!modelJson.modelTopology || !Array.isArray(weightsManifest)) {
    throw new ModelFormatError(
      modelJsonPath,
      "has no modelTopology or weightsManifest (not a tfjs layers model)",
    );
  }
  const weightSpecs = weightsManifest.flatMap((group) => group.weights);
  const weightBytes = await reader.bytes(WEIGHTS_FILE);
  const expectedBytes = weightSpecs.reduce(
    (sum, spec) =>
      sum +
      tf.util.sizeFromShape(spec.shape) *
        (spec.dtype === "float32" || spec.dtype === "int32" ? 4 : 1),
    0,
  );
  if (weightBytes.byteLength !== expectedBytes) {
    throw new ModelFormatError(
      reader.pathOf(WEIGHTS_FILE),
      `holds ${weightBytes.byteLength} bytes but model.json declares ${expectedBytes} (truncated or from another model)`,
    );
  }
  const weightData = weightBytes.buffer.slice(
    weightBytes.byteOffset,
    weightBytes.byteOffset + weightBytes.byteLength,
  ) as ArrayBuffer;
  try {
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs, weightData }),
    );
    return { model, manifest };
  } catch (error) {
    throw new ModelFormatError(
      modelJsonPath,
      `tfjs could not build the model: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** A model directory's files held in memory (e.g. what modelToFiles made, or a server sent). */
export function loadModelFiles(files: ModelFiles, where = "model"): Promise<LoadedModel> {
  const get = (name: string) => {
    const content = files[name];
    if (content === undefined) {
      return Promise.reject(new ModelFormatError(`${where}/${name}`, "file not found"));
    }
    return Promise.resolve(content);
  };
  return readModelFiles({
    pathOf: (name) => `${where}/${name}`,
    text: async (name) => {
      const content = await get(name);
      return typeof content === "string" ? content : new TextDecoder().decode(content);
    },
    bytes: async (name) => {
      const content = await get(name);
      return typeof content === "string" ? new TextEncoder().encode(content) : content;
    },
  });
}

/**
 * A model directory served over HTTP: `<baseUrl>/wakeforge.json`, `model.json` and
 * `weights.bin`, fetched and checked like one on disk.
 */
export function fetchModelDirectory(
  baseUrl: string | URL,
  options: { readonly fetch?: typeof globalThis.fetch; readonly signal?: AbortSignal } = {},
): Promise<LoadedModel> {
  const base = String(baseUrl).endsWith("/") ? String(baseUrl) : `${String(baseUrl)}/`;
  const fetchFile = options.fetch ?? globalThis.fetch;
  const get = async (name: string): Promise<Response> => {
    const url = new URL(name, base).toString();
    let response: Response;
    try {
      response = await fetchFile(url, options.signal ? { signal: options.signal } : {});
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ModelFormatError(url, `cannot be fetched (${(error as Error).message})`, {
        cause: error,
      });
    }
    if (!response.ok) {
      throw new ModelFormatError(
        url,
        response.status === 404 ? "file not found" : `cannot be fetched (HTTP ${response.status})`,
      );
    }
    return response;
  };
  return readModelFiles({
    pathOf: (name) => new URL(name, base).toString(),
    text: async (name) => (await get(name)).text(),
    bytes: async (name) => new Uint8Array(await (await get(name)).arrayBuffer()),
  });
}

/**
 * Saves `model` through a tfjs IOHandler or URL (`downloads://hey-nova`, `indexeddb://hey-nova`,
 * `http://…`, `tf.io.withSaveHandler(…)`), the manifest inside model.json's
 * `userDefinedMetadata.wakeforge`. The model object itself is left unchanged.
 */
export async function saveModel(
  model: tf.LayersModel,
  manifest: ModelManifest,
  destination: string | tf.io.IOHandler,
): Promise<tf.io.SaveResult> {
  const handler =
    typeof destination === "string" ? tf.io.getSaveHandlers(destination)[0] : destination;
  if (!handler?.save) {
    throw new ModelFormatError(String(destination), "no tfjs save handler for this destination");
  }
  const save = handler.save.bind(handler);
  return model.save(
    tf.io.withSaveHandler((artifacts) =>
      save({
        ...artifacts,
        userDefinedMetadata: {
          ...artifacts.userDefinedMetadata,
          [MANIFEST_METADATA_KEY]: manifest as unknown as Record<string, unknown>,
        },
      }),
    ),
  );
}

/** Loads a model that saveModel saved, with its manifest; a model without one is refused. */
export async function loadModel(source: string | tf.io.IOHandler): Promise<LoadedModel> {
  const where = typeof source === "string" ? source : "model";
  const model = await tf.loadLayersModel(source);
  const metadata = model.getUserDefinedMetadata() as Record<string, unknown> | undefined;
  const manifest = metadata?.[MANIFEST_METADATA_KEY];
  if (manifest === undefined) {
    model.dispose();
    throw new ModelFormatError(
      where,
      `has no wakeforge manifest (userDefinedMetadata.${MANIFEST_METADATA_KEY}); a model directory is read with fetchModelDirectory or loadModelDirectory`,
    );
  }
  return { model, manifest: parseModelManifest(manifest, where) };
}
