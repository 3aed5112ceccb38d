"use client";

// Records from the microphone through an AudioWorklet (raw PCM: MediaRecorder would only give
// compressed WebM), shows its level while recording, and turns the result into a 16 kHz WAV.
import { useCallback, useEffect, useRef, useState } from "react";
import { FLOOR_DB, peakDb } from "../../../lib/recording/levels";
import { CAPTURE_PROCESSOR, CAPTURE_WORKLET_SOURCE } from "./capture-worklet";
import { encodeRecording, type EncodedRecording } from "./encode-recording";

export type RecorderPhase = "idle" | "starting" | "recording" | "processing" | "done" | "error";

export interface Recording extends EncodedRecording {
  /** An object URL of the WAV for an <audio> preview; revoked on reset. */
  readonly url: string;
}

export interface RecorderOptions {
  /** Recording stops by itself after this long. */
  readonly maxSeconds: number;
  /** Cut the silence before and after the speech. */
  readonly trim: boolean;
}

interface Session {
  readonly context: AudioContext;
  readonly stream: MediaStream;
  readonly node: AudioWorkletNode;
  readonly blocks: Float32Array[];
  frames: number;
}

/** What went wrong with the microphone, said so a person can fix it. */
function microphoneProblem(error: unknown): string {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") {
    return "Microphone access was refused. Allow it for this site in the browser's settings and try again.";
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") {
    return "No microphone was found. Connect one and try again.";
  }
  if (name === "NotReadableError") {
    return "The microphone is in use by another program or could not be opened.";
  }
  return `The microphone could not be started: ${error instanceof Error ? error.message : String(error)}`;
}

export function useMicrophoneRecorder({ maxSeconds, trim }: RecorderOptions) {
  const [phase, setPhase] = useState<RecorderPhase>("idle");
  const [levelDb, setLevelDb] = useState(FLOOR_DB);
  const [elapsedSeconds, setElapsedSeconds] = useState(0);
  const [error, setError] = useState<string | undefined>(undefined);
  const [recording, setRecording] = useState<Recording | undefined>(undefined);
  const session = useRef<Session | undefined>(undefined);
  const stopping = useRef(false);

  const release = useCallback(async (current: Session) => {
    current.node.port.onmessage = null;
    current.node.disconnect();
    for (const track of current.stream.getTracks()) track.stop();
    await current.context.close().catch(() => undefined);
  }, []);

  const stop = useCallback(async () => {
    const current = session.current;
    if (!current || stopping.current) return;
    stopping.current = true;
    setPhase("processing");
    // The worklet's last partial block, then the microphone is let go.
    const last = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 500);
      current.node.port.onmessage = (event: MessageEvent<Float32Array>) => {
        current.blocks.push(event.data);
        clearTimeout(timer);
        resolve();
      };
      current.node.port.postMessage("flush");
    });
    await last;
    session.current = undefined;
    await release(current);
    const encoded = encodeRecording(current.blocks, current.context.sampleRate, trim);
    setRecording({ ...encoded, url: URL.createObjectURL(encoded.wav) });
    setLevelDb(FLOOR_DB);
    setPhase("done");
    stopping.current = false;
  }, [release, trim]);

  const start = useCallback(async () => {
    if (session.current) return;
    setError(undefined);
    setRecording(undefined);
    setElapsedSeconds(0);
    if (!navigator.mediaDevices?.getUserMedia) {
      setError(
        "This browser offers the microphone only to secure pages: open the dashboard at http://localhost or over https.",
      );
      setPhase("error");
      return;
    }
    setPhase("starting");
    let stream: MediaStream | undefined;
    let context: AudioContext | undefined;
    try {
      // Raw sound: echo cancellation and noise suppression would change what the model learns.
      stream = await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
      });
      context = new AudioContext();
      const moduleUrl = URL.createObjectURL(
        new Blob([CAPTURE_WORKLET_SOURCE], { type: "text/javascript" }),
      );
      try {
        await context.audioWorklet.addModule(moduleUrl);
      } finally {
        URL.revokeObjectURL(moduleUrl);
      }
      const node = new AudioWorkletNode(context, CAPTURE_PROCESSOR);
      const current: Session = { context, stream, node, blocks: [], frames: 0 };
      const rate = context.sampleRate;
      node.port.onmessage = (event: MessageEvent<Float32Array>) => {
        current.blocks.push(event.data);
        current.frames += event.data.length;
        // Rises at once, falls slowly (about 20 dB a second), as level meters do.
        const peak = peakDb(event.data);
        setLevelDb((shown) => Math.max(peak, shown - (20 * event.data.length) / rate));
        setElapsedSeconds(current.frames / rate);
        if (current.frames >= maxSeconds * rate) void stop();
      };
      context.createMediaStreamSource(stream).connect(node);
      // Connected to the output (it writes silence) so the browser keeps pulling it.
      node.connect(context.destination);
      session.current = current;
      setPhase("recording");
    } catch (failure) {
      for (const track of stream?.getTracks() ?? []) track.stop();
      await context?.close().catch(() => undefined);
      setError(microphoneProblem(failure));
      setPhase("error");
    }
  }, [maxSeconds, stop]);

  const reset = useCallback(() => {
    setRecording(undefined);
    setElapsedSeconds(0);
    setError(undefined);
    setPhase("idle");
  }, []);

  // Leaving the page mid-recording lets go of the microphone.
  useEffect(
    () => () => {
      const current = session.current;
      session.current = undefined;
      if (current) void release(current);
    },
    [release],
  );
  // A recording's object URL lives as long as the recording is shown.
  useEffect(
    () => () => {
      if (recording) URL.revokeObjectURL(recording.url);
    },
    [recording],
  );

  return { phase, levelDb, elapsedSeconds, error, recording, start, stop, reset };
}
