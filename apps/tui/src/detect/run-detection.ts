// Runs a detector over an audio source: a score every 80 ms and each detection, as they happen.
import { StreamingDetector, type DetectorHead, type Embedder } from "@wakeforge/core";
import type { AudioSource } from "./audio-sources.js";

/** A head with its policy and the embedder of the base it was trained on. */
export interface ListeningDetector {
  readonly head: DetectorHead;
  readonly embedder: Embedder;
}

export interface ScoreStep {
  /** Seconds from the start of the audio. */
  readonly timeSeconds: number;
  readonly score: number;
}

export interface DetectionHooks {
  readonly onScore: (step: ScoreStep) => void;
  readonly onDetection: (detection: ScoreStep) => void;
  readonly signal: AbortSignal;
}

/** Resolves when the source ends or the signal aborts; rejects with the source's error. */
export async function runDetection(
  detector: ListeningDetector,
  source: AudioSource,
  hooks: DetectionHooks,
): Promise<void> {
  let streaming: StreamingDetector | undefined;
  const name = detector.head.name;
  try {
    for await (const chunk of source(hooks.signal)) {
      if (hooks.signal.aborted) return;
      streaming ??= new StreamingDetector(detector.embedder, [detector.head], {
        inputSampleRateHz: chunk.sampleRateHz,
      });
      const out = streaming.push(chunk.samples);
      for (const step of out.steps) {
        const score = step.scores[name];
        if (score !== undefined) hooks.onScore({ timeSeconds: step.timeSeconds, score });
      }
      for (const detection of out.detections) {
        hooks.onDetection({ timeSeconds: detection.timeSeconds, score: detection.score });
      }
    }
  } finally {
    // Frees the tensors the incremental embedding pass keeps between pushes.
    streaming?.reset();
  }
}
