// The reference: openWakeWord's own ONNX models in onnxruntime-node, one thread each, run the way
// openWakeWord runs them (mel on raw int16-scale audio, the embedding model on overlapping
// 76-frame windows at an 8-frame hop, a head on the last 16 embeddings).
import {
  EMBEDDING_DIMENSIONS,
  EMBEDDING_HOP_FRAMES,
  EMBEDDING_WINDOW_FRAMES,
  MEL_BAND_COUNT,
  type LogMel,
} from "@wakeforge/audio";
import { OPENWAKEWORD_HEADS, SPEECH_EMBEDDING, resolveModelFile } from "@wakeforge/core";
import * as ort from "onnxruntime-node";

/** One onnxruntime session with a single float32 input and output. */
export class ReferenceModel {
  private constructor(private readonly session: ort.InferenceSession) {}

  /** Single-threaded, as openWakeWord's default (`ncpu=1`) and the fairest per-core figure. */
  static async open(path: string): Promise<ReferenceModel> {
    const session = await ort.InferenceSession.create(path, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: "sequential",
    });
    return new ReferenceModel(session);
  }

  async run(data: Float32Array, dims: readonly number[]): Promise<Float32Array> {
    const input = this.session.inputNames[0] as string;
    const output = this.session.outputNames[0] as string;
    const result = await this.session.run({ [input]: new ort.Tensor("float32", data, dims) });
    return result[output]?.data as Float32Array;
  }

  release(): Promise<void> {
    return this.session.release();
  }
}

export interface ReferenceModels {
  readonly mel: ReferenceModel;
  readonly embedding: ReferenceModel;
  /** openWakeWord's "alexa" head (CC BY-NC-SA: a reference detector, never shipped). */
  readonly head: ReferenceModel;
  release(): Promise<void>;
}

export async function openReferenceModels(): Promise<ReferenceModels> {
  const file = (name: string) => resolveModelFile({ ...SPEECH_EMBEDDING.source, file: name });
  const [mel, embedding, head] = await Promise.all([
    ReferenceModel.open(file("models/melspectrogram.onnx")),
    ReferenceModel.open(file("models/embedding_model.onnx")),
    ReferenceModel.open(resolveModelFile(OPENWAKEWORD_HEADS.alexa.source)),
  ]);
  return {
    mel,
    embedding,
    head,
    release: async () => {
      await Promise.all([mel.release(), embedding.release(), head.release()]);
    },
  };
}

/** The version of onnxruntime this process loaded. */
export function onnxRuntimeVersion(): string {
  return ort.env.versions.common ?? "unknown";
}

/**
 * openWakeWord's batch embedding: every 76-frame window of each input's base-input frames at an
 * 8-frame hop, stacked into one batch [N, 76, 32, 1] for the embedding model (building the batch
 * is part of the reference's work, as numpy's stack is in openWakeWord). Returns N × 96 values.
 */
export async function embedOverlappingWindows(
  model: ReferenceModel,
  inputs: readonly LogMel[],
): Promise<Float32Array> {
  const windowValues = EMBEDDING_WINDOW_FRAMES * MEL_BAND_COUNT;
  const counts = inputs.map((input) =>
    input.frameCount < EMBEDDING_WINDOW_FRAMES
      ? 0
      : Math.floor((input.frameCount - EMBEDDING_WINDOW_FRAMES) / EMBEDDING_HOP_FRAMES) + 1,
  );
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return new Float32Array(0);
  const batch = new Float32Array(total * windowValues);
  let at = 0;
  inputs.forEach((input, i) => {
    for (let k = 0; k < (counts[i] ?? 0); k += 1) {
      const from = k * EMBEDDING_HOP_FRAMES * MEL_BAND_COUNT;
      batch.set(input.frames.subarray(from, from + windowValues), at);
      at += windowValues;
    }
  });
  const values = await model.run(batch, [total, EMBEDDING_WINDOW_FRAMES, MEL_BAND_COUNT, 1]);
  return values.subarray(0, total * EMBEDDING_DIMENSIONS);
}
