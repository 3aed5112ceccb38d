// A stored model made ready to score audio on the server: the server's TensorFlow.js backend
// started, the head read from its directory with core's checks, and the speech-embedding base
// it was trained on (loaded once per process, as every evaluation shares it).
import type { Embedder, LoadedModelDirectory } from "@wakeforge/core";
import { serverBackend } from "../backend";
import { loadCore } from "../core";
import { loadEnv } from "../env";
import { EvaluationError } from "./evaluation-error";

const KEY = Symbol.for("wakeforge.dashboard.speechEmbedder");
type Holder = { [KEY]?: Promise<Embedder> };

/** The speech-embedding base as an Embedder, loaded on first use (a failure is retried). */
function sharedEmbedder(): Promise<Embedder> {
  const holder = globalThis as Holder;
  const pending =
    holder[KEY] ??
    loadCore().then(
      async (core) =>
        new core.Embedder(core.fullyConvolutionalBase(await core.loadSpeechEmbeddingBase())),
    );
  holder[KEY] = pending;
  pending.catch(() => {
    if (holder[KEY] === pending) delete holder[KEY];
  });
  return pending;
}

/** Starts the backend the environment asks for; throws with its reason when none runs. */
export async function requireServerBackend(): Promise<void> {
  const backend = await serverBackend((await loadEnv()).backend);
  if (backend.state !== "ready") {
    throw new Error(`the server's TensorFlow.js backend did not start: ${backend.error}`);
  }
}

/**
 * The head in `dir` with its manifest. A missing or unreadable file becomes an EvaluationError
 * naming it (core's ModelFormatError carries the path; it is recognised by its code because core
 * is loaded outside the bundle, so its classes are not importable here).
 */
export async function loadStoredHead(dir: string): Promise<LoadedModelDirectory> {
  const core = await loadCore();
  core.registerOnnxLayers();
  let loaded: LoadedModelDirectory;
  try {
    loaded = await core.loadModelDirectory(dir);
  } catch (error) {
    throw asModelFileError(error);
  }
  if (loaded.manifest.kind !== "head") {
    loaded.model.dispose();
    throw new EvaluationError(
      "MODEL_FILE_CORRUPT",
      `${dir}/wakeforge.json: holds a ${loaded.manifest.kind} model; a trigger-word head was expected`,
      { file: "wakeforge.json" },
    );
  }
  return loaded;
}

function asModelFileError(error: unknown): unknown {
  const { code, path, message } = error as { code?: unknown; path?: unknown; message?: unknown };
  if (code !== "MODEL_FORMAT" || typeof path !== "string") return error;
  const file = path.split(/[\\/]/).pop() ?? path;
  const missing = /file not found/.test(String(message));
  return new EvaluationError(
    missing ? "MODEL_FILE_MISSING" : "MODEL_FILE_CORRUPT",
    String(message),
    {
      file,
      cause: error,
    },
  );
}

/** The head and the shared base, on a started backend. */
export async function loadModelDetector(
  dir: string,
): Promise<LoadedModelDirectory & { readonly embedder: Embedder }> {
  await requireServerBackend();
  const [loaded, embedder] = await Promise.all([loadStoredHead(dir), sharedEmbedder()]);
  return { ...loaded, embedder };
}
