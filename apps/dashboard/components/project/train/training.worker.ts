// Trains a wake-word head in a Web Worker, so the page keeps drawing curves and answering
// clicks while TensorFlow.js computes. The worker owns everything heavy: the backend, the base
// network (loaded once, then kept), the embedding store (a second run on the same clips skips
// the base pass), the audio, and the model files it hands back for upload.
import {
  BackendUnavailableError,
  MemoryEmbeddingStore,
  WakeforgeCoreError,
  generatedBackgroundClips,
  headManifest,
  headToOnnx,
  initBrowserBackend,
  learningCurvesSvg,
  loadSpeechBase,
  memoryDataset,
  modelToFiles,
  trainWakeWord,
  type MemoryClip,
  type SpeechBase,
  type TrainWakeWordResult,
} from "@wakeforge/core/browser";
import { decodeSampleWav } from "../../../lib/training/decode-sample-wav";
import { heldOutVoicesProblem } from "../../../lib/training/held-out-voices";
import type { TrainingClipRef } from "../../../lib/training/training-data";
import {
  CLIP_FALSE_ACCEPT_RATE,
  type FromWorker,
  type ToWorker,
  type TrainingFailureKind,
  type TrainingSettings,
} from "../../../lib/training/training-protocol";
import {
  TRAINING_RECORD_FILE,
  buildTrainingRecord,
  usableThreshold,
} from "../../../lib/training/training-record";

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}
const scope = globalThis as unknown as WorkerScope;
const post = (message: FromWorker, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

/** Audio fetched at once: enough to keep the connection busy, few enough to stay polite. */
const PARALLEL_FETCHES = 6;

let base: { url: string; model: Promise<SpeechBase> } | undefined;
const cache = new MemoryEmbeddingStore();
let running: AbortController | undefined;

class StepError extends Error {
  constructor(
    readonly kind: TrainingFailureKind,
    message: string,
  ) {
    super(message);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The renderer's name when WebGL here is drawn in software (Chromium without a GPU falls back to
 * SwiftShader): tfjs's webgl backend then trained about 12× slower than wasm on two cores.
 */
function softwareWebGl(): string | undefined {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext("webgl2");
    if (!gl) return undefined;
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : "";
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software/i.test(renderer) ? renderer : undefined;
  } catch {
    return undefined;
  }
}

async function startBackend(settings: TrainingSettings, wasmPrefix: string): Promise<string> {
  post({ type: "preparing", step: "backend" });
  let requested = settings.backend;
  const software = requested === "auto" ? softwareWebGl() : undefined;
  if (software) {
    requested = "wasm";
    post({
      type: "log",
      level: "info",
      message: `WebGL here is drawn in software (${software}), so training runs on WebAssembly, which is far faster without a GPU.`,
    });
  }
  try {
    const report = await initBrowserBackend(requested, { wasmPaths: wasmPrefix });
    post({ type: "backend", report });
    return report.backend;
  } catch (error) {
    const reason =
      error instanceof BackendUnavailableError
        ? error.message
        : `TensorFlow.js could not start (${messageOf(error)})`;
    throw new StepError("backend", reason);
  }
}

function loadBase(url: string): Promise<SpeechBase> {
  if (base?.url !== url) {
    const model = loadSpeechBase(url);
    base = { url, model };
    // A failed load is not kept: the next run tries again.
    model.catch(() => {
      if (base?.model === model) base = undefined;
    });
  }
  return base.model;
}

async function fetchClips(
  clips: readonly TrainingClipRef[],
  signal: AbortSignal,
): Promise<Map<string, MemoryClip>> {
  const decoded = new Map<string, MemoryClip>();
  let next = 0;
  const fetchOne = async (clip: TrainingClipRef) => {
    const response = await fetch(clip.url, { signal });
    if (!response.ok) {
      throw new StepError(
        "failed",
        `sample ${clip.id} could not be fetched (HTTP ${response.status}); reload the page`,
      );
    }
    const { samples, sampleRateHz } = decodeSampleWav(
      new Uint8Array(await response.arrayBuffer()),
      `sample ${clip.id}`,
    );
    decoded.set(clip.id, {
      id: `sample/${clip.id}`,
      samples,
      sampleRateHz,
      speakerId: clip.speakerId,
      source: clip.source,
      ...(clip.text ? { text: clip.text } : {}),
    });
    post({ type: "preparing", step: "audio", detail: `${decoded.size} of ${clips.length} clips` });
  };
  const lane = async () => {
    while (next < clips.length) {
      const clip = clips[next] as TrainingClipRef;
      next += 1;
      await fetchOne(clip);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_FETCHES, clips.length) }, lane));
  return decoded;
}

function failureOf(
  error: unknown,
  signal: AbortSignal,
): { kind: TrainingFailureKind; message: string } {
  if (signal.aborted) return { kind: "cancelled", message: "Training was cancelled." };
  if (error instanceof StepError) return { kind: error.kind, message: error.message };
  if (
    error instanceof WakeforgeCoreError &&
    ["NO_POSITIVES", "NO_NEGATIVES", "TOO_FEW_SPEAKERS", "DATASET_INVALID"].includes(error.code)
  ) {
    return { kind: "data", message: error.message };
  }
  return { kind: "failed", message: messageOf(error) };
}

async function train(request: Extract<ToWorker, { type: "train" }>): Promise<void> {
  const controller = new AbortController();
  running = controller;
  const { signal } = controller;
  const { settings, phrase } = request;
  const started = performance.now();
  let result: TrainWakeWordResult | undefined;
  try {
    const backend = await startBackend(settings, request.files.wasmPrefix);
    post({ type: "preparing", step: "base" });
    const speechBase = await loadBase(request.files.baseModel).catch((error: unknown) => {
      throw new StepError("failed", `the base network could not be loaded: ${messageOf(error)}`);
    });
    signal.throwIfAborted();
    post({ type: "preparing", step: "audio", detail: `0 of ${request.clips.length} clips` });
    const audio = await fetchClips(request.clips, signal);
    const clipsOf = (label: TrainingClipRef["label"]) =>
      request.clips
        .filter((clip) => clip.label === label)
        .map((clip) => audio.get(clip.id) as MemoryClip);
    const dataset = memoryDataset(
      {
        positives: clipsOf("positive"),
        negatives: clipsOf("negative"),
        background: [
          ...clipsOf("background"),
          ...(settings.generatedNoiseSeconds > 0
            ? generatedBackgroundClips({
                seconds: settings.generatedNoiseSeconds,
                seed: settings.seed,
              })
            : []),
        ],
      },
      { name: phrase },
    );
    const voicesProblem = heldOutVoicesProblem(dataset);
    if (voicesProblem) throw new StepError("data", voicesProblem);
    const seed = settings.seed;
    result = await trainWakeWord(
      {
        phrase,
        dataset,
        base: speechBase,
        cache,
        seed,
        epochs: settings.epochs,
        compareScratch: settings.compareScratch,
        falseAcceptRate: CLIP_FALSE_ACCEPT_RATE,
        scratch: { maxWindowsPerEpoch: settings.scratchWindowsPerEpoch },
        ensembleSize: settings.ensembleSize,
      },
      {
        signal,
        onProgress: (event) => {
          if (event.type !== "log") post(event);
          else if (event.level !== "debug") {
            post({ type: "log", level: event.level, message: event.message });
          }
        },
      },
    );
    const totalSeconds = (performance.now() - started) / 1000;
    const record = buildTrainingRecord({ phrase, backend, settings, seed, result, totalSeconds });
    const curves = result.curves.scratch
      ? learningCurvesSvg({
          transfer: result.curves.transfer,
          scratch: result.curves.scratch,
          metric: "recallAtFar",
          label: `held-out recall (${Math.round(record.calibration.falseAcceptRate * 100)} % false accepts)`,
          width: 720,
          ...(result.initial.scratch
            ? {
                initial: {
                  transfer: result.initial.transfer.recallAtFar,
                  scratch: result.initial.scratch.recallAtFar,
                },
              }
            : {}),
        })
      : undefined;
    const files = await modelToFiles(
      result.transferHead,
      headManifest({
        phrase,
        threshold: record.calibration.thresholdAtFar,
        extra: { trainedIn: "browser", backend, settings },
      }),
      {
        [TRAINING_RECORD_FILE]: `${JSON.stringify(record, null, 2)}\n`,
        "head.onnx": headToOnnx(result.transferHead),
        ...(curves ? { "learning-curves.svg": curves } : {}),
      },
    );
    // The weights and the ONNX bytes move to the page instead of being copied.
    const transfer = [
      ...new Set(
        Object.values(files).flatMap((content) =>
          typeof content === "string" ? [] : [content.buffer as ArrayBuffer],
        ),
      ),
    ];
    post(
      {
        type: "done",
        outcome: {
          curves: record.curves,
          ...(record.verdict ? { verdict: record.verdict } : {}),
          threshold: usableThreshold(result.calibration.thresholdAtFar),
          recallAtFar: result.calibration.recallAtFar,
          falseAcceptRate: result.calibration.falseAcceptRate,
          recallBySource: result.calibration.recallBySource,
          heldOutSpeakers: result.split.testSpeakers,
          seconds: totalSeconds,
          backend,
          ensembleSize: settings.ensembleSize,
        },
        files,
      },
      transfer,
    );
  } catch (error) {
    post({ type: "failed", ...failureOf(error, signal) });
  } finally {
    result?.transferHead.dispose();
    result?.scratchModel?.dispose();
    if (running === controller) running = undefined;
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === "cancel") {
    running?.abort(new DOMException("cancelled by the person training", "AbortError"));
    return;
  }
  if (running) {
    post({ type: "failed", kind: "failed", message: "a training run is already going on" });
    return;
  }
  void train(message);
};
