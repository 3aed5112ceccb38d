"use client";

// The Live tab's listening: one detector worker per page (it keeps the backend, the base and
// the model between starts), the microphone's blocks forwarded to it, and its scores and
// detections folded into one state the tab draws.
import { useCallback, useEffect, useReducer, useRef } from "react";
import type {
  FromLiveWorker,
  LiveFailureKind,
  ToLiveWorker,
} from "../../../lib/live/live-protocol";
import { createLiveWorker } from "./live-worker";
import { CHART_SPAN_SECONDS, type ScorePoint } from "../../../lib/live/score-chart";
import type { RuntimeFileUrls } from "../../../lib/runtime-files/runtime-file-names";
import {
  microphoneError,
  openMicrophoneCapture,
  type MicrophoneCapture,
  type MicrophoneProblem,
} from "../data/microphone-capture";

export type LivePhase = "idle" | "loading" | "listening" | "failed";
export type LiveStep = "backend" | "base" | "model" | "microphone";

export interface LiveDetection {
  /** 1, 2, … in the order they fired since the page opened. */
  readonly id: number;
  /** Which Start it belongs to: its time counts from that stream's start. */
  readonly stream: number;
  /** Stream time of the end of the audio that fired. */
  readonly timeSeconds: number;
  readonly score: number;
  /** The threshold it crossed. */
  readonly threshold: number;
  /** Wall-clock time it was shown, ISO 8601. */
  readonly at: string;
}

export interface LiveState {
  readonly phase: LivePhase;
  readonly step: LiveStep | undefined;
  readonly backend: string | undefined;
  /** Scores of the current stream, the last few seconds of them. */
  readonly points: readonly ScorePoint[];
  readonly heardSeconds: number;
  /** Newest first. */
  readonly detections: readonly LiveDetection[];
  readonly failure:
    { readonly kind: LiveFailureKind | MicrophoneProblem; readonly message: string } | undefined;
}

const INITIAL: LiveState = {
  phase: "idle",
  step: undefined,
  backend: undefined,
  points: [],
  heardSeconds: 0,
  detections: [],
  failure: undefined,
};

/** Detections kept in the log; older ones scroll away. */
const LOG_LENGTH = 50;

type Action =
  | { type: "loading"; step: LiveStep }
  | { type: "listening"; backend: string }
  | { type: "stopped" }
  | { type: "failed"; kind: LiveFailureKind | MicrophoneProblem; message: string }
  | { type: "scores"; points: readonly ScorePoint[]; heardSeconds: number }
  | { type: "detection"; detection: LiveDetection };

function reduce(state: LiveState, action: Action): LiveState {
  switch (action.type) {
    case "loading":
      return state.phase === "loading"
        ? { ...state, step: action.step }
        : { ...state, phase: "loading", step: action.step, failure: undefined };
    case "listening":
      return {
        ...state,
        phase: "listening",
        step: undefined,
        backend: action.backend,
        points: [],
        heardSeconds: 0,
      };
    case "stopped":
      return { ...state, phase: "idle", step: undefined };
    case "failed":
      return {
        ...state,
        phase: "failed",
        step: undefined,
        failure: { kind: action.kind, message: action.message },
      };
    case "scores": {
      // A little more than the chart shows, so the line enters from its left edge.
      const since = action.heardSeconds - CHART_SPAN_SECONDS - 1;
      const points = [...state.points, ...action.points].filter((p) => p.timeSeconds >= since);
      return { ...state, points, heardSeconds: action.heardSeconds };
    }
    case "detection":
      return {
        ...state,
        detections: [action.detection, ...state.detections].slice(0, LOG_LENGTH),
      };
  }
}

/** A request to the worker waiting for its answer. */
interface Pending<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

export class LiveLoadError extends Error {
  constructor(
    readonly kind: LiveFailureKind,
    message: string,
  ) {
    super(message);
    this.name = "LiveLoadError";
  }
}

export function useLiveDetector(files: RuntimeFileUrls) {
  const [state, dispatch] = useReducer(reduce, INITIAL);
  const worker = useRef<Worker | undefined>(undefined);
  const capture = useRef<MicrophoneCapture | undefined>(undefined);
  const loading = useRef<Pending<string> | undefined>(undefined);
  const clips = useRef(new Map<number, Pending<Float32Array>>());
  const nextId = useRef(1);
  const nextRequest = useRef(1);
  const threshold = useRef(0.5);
  /** The stream being listened to; a Stop or a new Start moves it on, so a stale start gives up. */
  const stream = useRef(0);

  const release = useCallback(async () => {
    const current = capture.current;
    capture.current = undefined;
    await current?.close();
  }, []);

  const onMessage = useCallback(
    (message: FromLiveWorker) => {
      switch (message.type) {
        case "preparing":
          dispatch({ type: "loading", step: message.step });
          return;
        case "ready":
          loading.current?.resolve(message.backend);
          loading.current = undefined;
          return;
        case "scores":
          dispatch({ type: "scores", points: message.points, heardSeconds: message.heardSeconds });
          return;
        case "detection":
          dispatch({
            type: "detection",
            detection: {
              id: nextId.current++,
              stream: message.stream,
              timeSeconds: message.timeSeconds,
              score: message.score,
              threshold: threshold.current,
              at: new Date().toISOString(),
            },
          });
          return;
        case "clip": {
          const pending = clips.current.get(message.requestId);
          clips.current.delete(message.requestId);
          pending?.resolve(message.samples);
          return;
        }
        case "failed":
          if (loading.current) {
            loading.current.reject(new LiveLoadError(message.kind, message.message));
            loading.current = undefined;
            return;
          }
          void release();
          dispatch({ type: "failed", kind: message.kind, message: message.message });
      }
    },
    [release],
  );

  const workerFor = useCallback((): Worker => {
    worker.current ??= createLiveWorker(onMessage, (gone) => {
      if (worker.current === gone) worker.current = undefined;
    });
    return worker.current;
  }, [onMessage]);

  /** Loads `modelUrl` (a model directory's URL) and listens at `startThreshold`. */
  const start = useCallback(
    async (modelUrl: string, startThreshold: number) => {
      if (capture.current) return;
      const mine = ++stream.current;
      const stale = () => stream.current !== mine;
      dispatch({ type: "loading", step: "backend" });
      threshold.current = startThreshold;
      try {
        const target = workerFor();
        const absolute = (url: string) => new URL(url, window.location.href).toString();
        const ready = new Promise<string>((resolve, reject) => {
          loading.current = { resolve, reject };
        });
        const send = (message: ToLiveWorker) => target.postMessage(message);
        send({
          type: "load",
          files: { baseModel: absolute(files.baseModel), wasmPrefix: absolute(files.wasmPrefix) },
          modelUrl: absolute(modelUrl),
        });
        const backend = await ready;
        if (stale()) return;
        dispatch({ type: "loading", step: "microphone" });
        let forwarding = false;
        const opened = await openMicrophoneCapture((block) => {
          // The block is handed over, not copied: the page keeps no audio of its own.
          if (forwarding) target.postMessage({ type: "audio", samples: block }, [block.buffer]);
        });
        if (stale()) {
          await opened.close();
          return;
        }
        capture.current = opened;
        send({
          type: "listen",
          stream: mine,
          inputSampleRateHz: opened.sampleRateHz,
          threshold: threshold.current,
        });
        forwarding = true;
        dispatch({ type: "listening", backend });
      } catch (failure) {
        if (stale()) return;
        await release();
        if (failure instanceof LiveLoadError) {
          dispatch({ type: "failed", kind: failure.kind, message: failure.message });
        } else {
          const problem = microphoneError(failure);
          dispatch({ type: "failed", kind: problem.problem, message: problem.message });
        }
      }
    },
    [files, release, workerFor],
  );

  const stop = useCallback(async () => {
    // A start still loading gives up when it next looks.
    stream.current += 1;
    await release();
    dispatch({ type: "stopped" });
  }, [release]);

  const setThreshold = useCallback((value: number) => {
    threshold.current = value;
    worker.current?.postMessage({ type: "threshold", threshold: value } satisfies ToLiveWorker);
  }, []);

  /**
   * The 16 kHz audio of a stretch of a stream (empty when that stream's audio is gone), or of
   * the last `latestSeconds` heard.
   */
  const requestClip = useCallback(
    (
      window:
        { stream: number; fromSeconds: number; toSeconds: number } | { latestSeconds: number },
    ) => {
      const target = worker.current;
      if (!target) return Promise.resolve(new Float32Array(0));
      const requestId = nextRequest.current++;
      const answer = new Promise<Float32Array>((resolve, reject) => {
        clips.current.set(requestId, { resolve, reject });
      });
      const message: ToLiveWorker =
        "latestSeconds" in window
          ? { type: "clip-latest", requestId, seconds: window.latestSeconds }
          : { type: "clip", requestId, ...window };
      target.postMessage(message);
      return answer;
    },
    [],
  );

  // Leaving the page lets go of the microphone and the worker's memory.
  useEffect(
    () => () => {
      void release();
      worker.current?.terminate();
      worker.current = undefined;
      for (const pending of clips.current.values()) pending.reject(new Error("the page was left"));
      clips.current.clear();
    },
    [release],
  );

  return { state, start, stop, setThreshold, requestClip };
}
