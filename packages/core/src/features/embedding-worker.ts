// One embedding worker thread (see parallel-embedder.ts): its own TensorFlow.js backend and its
// own copy of the speech-embedding base, embedding the batches the main thread sends.
import { parentPort, workerData } from "node:worker_threads";
import { MEL_BAND_COUNT } from "@wakeforge/audio";
import type { BackendChoice } from "../backends/backend-types.js";
import { initBackend } from "../backends/node-backends.js";
import { fullyConvolutionalBase } from "../models/fully-convolutional.js";
import { loadSpeechEmbeddingBase } from "../models/node-model-files.js";
import { Embedder } from "./embedder.js";
import type { EmbeddingJob, EmbeddingReply, WorkerReady } from "./embedding-worker-protocol.js";

const port = parentPort;
if (!port) throw new Error("embedding-worker.js runs as a worker thread only");

const { backend } = workerData as { backend: BackendChoice };
try {
  const report = await initBackend(backend);
  const embedder = new Embedder(fullyConvolutionalBase(await loadSpeechEmbeddingBase()));
  port.on("message", (job: EmbeddingJob) => {
    let reply: EmbeddingReply;
    try {
      const valuesPerInput = job.frameCount * MEL_BAND_COUNT;
      const inputs = Array.from({ length: job.inputCount }, (_, i) => ({
        frames: job.frames.subarray(i * valuesPerInput, (i + 1) * valuesPerInput),
        frameCount: job.frameCount,
      }));
      const embeddings = embedder.embedBatch(inputs);
      const count = embeddings[0]?.count ?? 0;
      const values = new Float32Array(job.inputCount * count * embedder.dims);
      embeddings.forEach((e, i) => values.set(e.values, i * count * embedder.dims));
      reply = { id: job.id, values, count, dims: embedder.dims };
    } catch (error) {
      reply = { id: job.id, error: (error as Error).message };
    }
    port.postMessage(reply, "values" in reply ? [reply.values.buffer] : []);
  });
  port.postMessage({ ready: true, backend: report.backend } satisfies WorkerReady);
} catch (error) {
  port.postMessage({ ready: false, error: (error as Error).message } satisfies WorkerReady);
}
