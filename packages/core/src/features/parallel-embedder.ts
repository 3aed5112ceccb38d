// Embeddings on every core (Node): worker threads, each with its own TensorFlow.js backend and
// copy of the speech-embedding base, embed slices of a batch side by side. The wasm backend runs
// one thread in Node, so this is how embedding a data set uses a second core.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { EMBEDDING_WINDOW_FRAMES, MEL_BAND_COUNT, type LogMel } from "@wakeforge/audio";
import type { BackendChoice } from "../backends/backend-types.js";
import { WakeforgeCoreError } from "../errors.js";
import { NO_EMBEDDINGS, type Embeddings } from "./embedder.js";
import type { EmbeddingJob, EmbeddingReply, WorkerReady } from "./embedding-worker-protocol.js";

export interface ParallelEmbedderOptions {
  /** Worker threads (default: the cores this process may use, `os.availableParallelism()`). */
  readonly workers?: number;
  /**
   * The backend each worker starts (default "wasm": single-threaded, so workers do not fight
   * over cores; the native backends run thread pools of their own).
   */
  readonly backend?: BackendChoice;
}

interface Pending {
  resolve(reply: Extract<EmbeddingReply, { values: Float32Array<ArrayBuffer> }>): void;
  reject(error: Error): void;
}

function workerFailure(message: string, cause?: unknown): WakeforgeCoreError {
  return new WakeforgeCoreError("EMBEDDING_WORKER_FAILED", message, { cause });
}

/** One worker thread and the jobs it has not answered yet. */
class EmbeddingWorker {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (reply: EmbeddingReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ("error" in reply) waiting?.reject(workerFailure(`embedding worker: ${reply.error}`));
      else waiting?.resolve(reply);
    });
    const failAll = (error: Error) => {
      this.failure = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on("error", (error) =>
      failAll(workerFailure(`embedding worker crashed: ${error.message}`, error)),
    );
    worker.on("exit", (code) => failAll(workerFailure(`embedding worker exited (code ${code})`)));
  }

  static async start(backend: BackendChoice): Promise<EmbeddingWorker> {
    const worker = new Worker(new URL("./embedding-worker.js", import.meta.url), {
      workerData: { backend },
    });
    const ready = await new Promise<WorkerReady>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    if (!ready.ready) {
      await worker.terminate();
      throw workerFailure(`embedding worker could not start: ${ready.error}`);
    }
    return new EmbeddingWorker(worker);
  }

  embed(frames: Float32Array<ArrayBuffer>, inputCount: number, frameCount: number) {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<Extract<EmbeddingReply, { values: Float32Array<ArrayBuffer> }>>(
      (resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        const job: EmbeddingJob = { id, frames, inputCount, frameCount };
        this.worker.postMessage(job, [frames.buffer]);
      },
    );
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
  }
}

/**
 * The zoo's speech-embedding base on several worker threads. `embedBatch` gives exactly what
 * `Embedder.embedBatch` gives on the same backend; call `close` when done (workers keep the
 * process alive).
 */
export class ParallelEmbedder {
  private constructor(
    private readonly pool: readonly EmbeddingWorker[],
    readonly backend: BackendChoice,
  ) {}

  /** Starts the workers; each loads its backend and the base (a second or two). */
  static async start(options: ParallelEmbedderOptions = {}): Promise<ParallelEmbedder> {
    const count = options.workers ?? availableParallelism();
    if (!Number.isInteger(count) || count < 1) {
      throw new RangeError(`workers must be a whole number >= 1, got ${count}`);
    }
    const backend = options.backend ?? "wasm";
    const started = await Promise.allSettled(
      Array.from({ length: count }, () => EmbeddingWorker.start(backend)),
    );
    const pool = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const failed = started.find((s) => s.status === "rejected");
    if (failed) {
      await Promise.all(pool.map((worker) => worker.close()));
      throw failed.reason;
    }
    return new ParallelEmbedder(pool, backend);
  }

  get workers(): number {
    return this.pool.length;
  }

  /** Inputs of equal length, split into one contiguous slice per worker, embedded in parallel. */
  async embedBatch(inputs: readonly LogMel[]): Promise<Embeddings[]> {
    const frameCount = inputs[0]?.frameCount ?? 0;
    if (inputs.some((input) => input.frameCount !== frameCount)) {
      throw new RangeError("embedBatch needs inputs of equal length; embed others one by one");
    }
    if (frameCount < EMBEDDING_WINDOW_FRAMES) return inputs.map(() => ({ ...NO_EMBEDDINGS }));
    const perWorker = Math.ceil(inputs.length / this.pool.length);
    const slices = this.pool.flatMap((worker, w) => {
      const slice = inputs.slice(w * perWorker, (w + 1) * perWorker);
      if (slice.length === 0) return [];
      const values = frameCount * MEL_BAND_COUNT;
      const frames = new Float32Array(slice.length * values);
      slice.forEach((input, i) => frames.set(input.frames.subarray(0, values), i * values));
      return [worker.embed(frames, slice.length, frameCount).then((reply) => ({ reply, slice }))];
    });
    const results: Embeddings[] = [];
    for (const { reply, slice } of await Promise.all(slices)) {
      const perInput = reply.count * reply.dims;
      slice.forEach((_, i) =>
        results.push({
          values: reply.values.slice(i * perInput, (i + 1) * perInput),
          count: reply.count,
          dims: reply.dims,
        }),
      );
    }
    return results;
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.pool.map((worker) => worker.close()));
  }
}
