// Listens in a Web Worker, so the page keeps drawing the chart while TensorFlow.js computes:
// the microphone's blocks arrive here, go through core's StreamingDetector (the same detector
// `wakeforge detect` runs), and come back as scores and detections. The worker also keeps the
// last seconds of audio, from which a person's corrections are cut.
import { resample, SAMPLE_RATE_HZ } from "@wakeforge/audio";
import {
  BackendUnavailableError,
  ModelFormatError,
  StreamingDetector,
  detectionPolicyFor,
  fetchModelDirectory,
  initBrowserBackend,
  loadSpeechBase,
  type LoadedModel,
  type SpeechBase,
} from "@wakeforge/core/browser";
import { AudioHistory } from "../../../lib/live/audio-history";
import type {
  FromLiveWorker,
  LiveFailureKind,
  ToLiveWorker,
} from "../../../lib/live/live-protocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToLiveWorker>) => void) | null;
  postMessage(message: FromLiveWorker, transfer?: Transferable[]): void;
}
const scope = globalThis as unknown as WorkerScope;
const post = (message: FromLiveWorker, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

/** Audio kept for corrections: a person notices a false wake some seconds after it. */
const HISTORY_SECONDS = 30;

class LoadError extends Error {
  constructor(
    readonly kind: LiveFailureKind,
    message: string,
  ) {
    super(message);
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

let backend: Promise<string> | undefined;
let base: { url: string; model: Promise<SpeechBase> } | undefined;
let model: { url: string; loaded: LoadedModel } | undefined;
let stream:
  { id: number; detector: StreamingDetector; head: string; history: AudioHistory } | undefined;

/** Drops the current stream, freeing the tensors its incremental embedding pass holds. */
function endStream(): void {
  stream?.detector.reset();
  stream = undefined;
}

/**
 * WebAssembly first: one 80 ms step is a small network pass whose result is read back at once,
 * which wasm does in a few milliseconds on any CPU while webgl waits on the GPU (or, without
 * one, draws in software). `auto` is the fallback where wasm cannot start.
 */
async function startBackend(wasmPrefix: string): Promise<string> {
  try {
    return (await initBrowserBackend("wasm", { wasmPaths: wasmPrefix })).backend;
  } catch {
    return (await initBrowserBackend("auto", { wasmPaths: wasmPrefix })).backend;
  }
}

function loadBase(url: string): Promise<SpeechBase> {
  if (base?.url !== url) {
    const loading = loadSpeechBase(url);
    base = { url, model: loading };
    // A failed load is not kept: the next Start tries again.
    loading.catch(() => {
      if (base?.model === loading) base = undefined;
    });
  }
  return base.model;
}

async function loadModel(url: string): Promise<LoadedModel> {
  if (model?.url === url) return model.loaded;
  model?.loaded.model.dispose();
  model = undefined;
  const loaded = await fetchModelDirectory(url);
  if (loaded.manifest.kind !== "head") {
    loaded.model.dispose();
    throw new ModelFormatError(
      url,
      `holds a ${loaded.manifest.kind} model, not a trigger-word head`,
    );
  }
  model = { url, loaded };
  return loaded;
}

async function load(request: Extract<ToLiveWorker, { type: "load" }>): Promise<void> {
  endStream();
  try {
    post({ type: "preparing", step: "backend" });
    backend ??= startBackend(request.files.wasmPrefix);
    const backendName = await backend.catch((error: unknown) => {
      backend = undefined;
      throw new LoadError(
        "backend",
        error instanceof BackendUnavailableError ? error.message : messageOf(error),
      );
    });
    post({ type: "preparing", step: "base" });
    await loadBase(request.files.baseModel).catch((error: unknown) => {
      throw new LoadError("base", messageOf(error));
    });
    post({ type: "preparing", step: "model" });
    await loadModel(request.modelUrl).catch((error: unknown) => {
      throw new LoadError(error instanceof ModelFormatError ? "model" : "failed", messageOf(error));
    });
    post({ type: "ready", backend: backendName });
  } catch (error) {
    post({
      type: "failed",
      kind: error instanceof LoadError ? error.kind : "failed",
      message: messageOf(error),
    });
  }
}

async function listen(request: Extract<ToLiveWorker, { type: "listen" }>): Promise<void> {
  const speechBase = await base?.model;
  if (!speechBase || !model) {
    post({
      type: "failed",
      kind: "failed",
      message: "the detector is not loaded; press Start again",
    });
    return;
  }
  const head = model.loaded.manifest.phrase ?? "wake word";
  endStream();
  stream = {
    id: request.stream,
    head,
    detector: new StreamingDetector(
      speechBase.embedder,
      [
        {
          name: head,
          model: model.loaded.model,
          // The page's threshold, with the smoothing the model was calibrated with.
          policy: detectionPolicyFor(model.loaded.manifest, { threshold: request.threshold }),
        },
      ],
      { inputSampleRateHz: request.inputSampleRateHz },
    ),
    history: new AudioHistory(request.inputSampleRateHz, HISTORY_SECONDS),
  };
}

function hear(samples: Float32Array): void {
  if (!stream) return;
  stream.history.push(samples);
  const out = stream.detector.push(samples);
  const head = stream.head;
  if (out.steps.length > 0) {
    post({
      type: "scores",
      points: out.steps.flatMap((step) => {
        const score = step.scores[head];
        return score === undefined ? [] : [{ timeSeconds: step.timeSeconds, score }];
      }),
      heardSeconds: stream.history.heardSeconds,
    });
  }
  for (const detection of out.detections) {
    post({
      type: "detection",
      stream: stream.id,
      timeSeconds: detection.timeSeconds,
      score: detection.score,
    });
  }
}

/** Answers with the audio of `stream` between two of its times; empty when that stream is gone. */
function clip(requestId: number, streamId: number, fromSeconds: number, toSeconds: number): void {
  const history = stream?.id === streamId ? stream.history : undefined;
  const cut = history?.slice(fromSeconds, toSeconds) ?? {
    samples: new Float32Array(0),
    fromSeconds,
  };
  const rate = history?.sampleRateHz ?? SAMPLE_RATE_HZ;
  const samples =
    rate === SAMPLE_RATE_HZ || cut.samples.length === 0
      ? cut.samples
      : resample(cut.samples, rate, SAMPLE_RATE_HZ);
  post({ type: "clip", requestId, samples, fromSeconds: cut.fromSeconds }, [samples.buffer]);
}

// Messages are handled in order; load and listen are awaited before the next, so audio that
// arrives while a model loads waits rather than meeting a half-built stream.
let queue: Promise<void> = Promise.resolve();

function handle(message: ToLiveWorker): Promise<void> | void {
  switch (message.type) {
    case "load":
      return load(message);
    case "listen":
      return listen(message);
    case "audio":
      try {
        hear(message.samples);
      } catch (error) {
        endStream();
        post({ type: "failed", kind: "failed", message: `listening stopped: ${messageOf(error)}` });
      }
      return;
    case "threshold":
      if (stream) stream.detector.setThreshold(stream.head, message.threshold);
      return;
    case "clip":
      return clip(message.requestId, message.stream, message.fromSeconds, message.toSeconds);
    case "clip-latest": {
      if (!stream) return clip(message.requestId, -1, 0, 0);
      const heard = stream.history.heardSeconds;
      return clip(message.requestId, stream.id, heard - message.seconds, heard);
    }
  }
}

scope.onmessage = (event) => {
  queue = queue
    .then(() => handle(event.data))
    .catch((error: unknown) => post({ type: "failed", kind: "failed", message: messageOf(error) }));
};
