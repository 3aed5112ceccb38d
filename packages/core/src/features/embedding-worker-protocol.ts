// Messages between the main thread and an embedding worker thread.

/** `inputCount` inputs of `frameCount` base-input frames each, laid end to end. */
export interface EmbeddingJob {
  readonly id: number;
  readonly frames: Float32Array<ArrayBuffer>;
  readonly inputCount: number;
  readonly frameCount: number;
}

/** Each input's `count` embeddings of `dims` values, input after input; or why it failed. */
export type EmbeddingReply =
  | {
      readonly id: number;
      readonly values: Float32Array<ArrayBuffer>;
      readonly count: number;
      readonly dims: number;
    }
  | { readonly id: number; readonly error: string };

/** Sent once by a worker: its backend is up and the base loaded, or why not. */
export type WorkerReady =
  | { readonly ready: true; readonly backend: string }
  | { readonly ready: false; readonly error: string };
