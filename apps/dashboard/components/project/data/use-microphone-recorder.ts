"use client";

// Records from the microphone through an AudioWorklet (raw PCM: MediaRecorder would only give
// compressed WebM), shows its level while recording, and turns the result into a 16 kHz WAV.
import { useCallback, useEffect, useRef, useState } from "react";
import { FLOOR_DB, peakDb } from "../../../lib/recording/levels";
import { encodeRecording, type EncodedRecording } from "./encode-recording";
import {
  microphoneError,
  openMicrophoneCapture,
  type MicrophoneCapture,
} from "./microphone-capture";

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
  readonly capture: MicrophoneCapture;
  readonly blocks: Float32Array[];
}

export function useMicrophoneRecorder({ maxSeconds, trim }: RecorderOptions) {
  const [phase, setPhase] = useState<RecorderPhase>("idle");
  const [levelDb, setLevelDb] = useState(FLOOR_DB);
  const [elapsedSeconds, setElapsedSeconds] = useState(0);
  const [error, setError] = useState<string | undefined>(undefined);
  const [recording, setRecording] = useState<Recording | undefined>(undefined);
  const session = useRef<Session | undefined>(undefined);
  const stopping = useRef(false);

  const release = useCallback((current: Session) => current.capture.close(), []);

  const stop = useCallback(async () => {
    const current = session.current;
    if (!current || stopping.current) return;
    stopping.current = true;
    setPhase("processing");
    // The worklet's last partial block, then the microphone is let go.
    const last = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 500);
      const port = current.capture.node.port;
      port.onmessage = (event: MessageEvent<Float32Array>) => {
        current.blocks.push(event.data);
        clearTimeout(timer);
        resolve();
      };
      port.postMessage("flush");
    });
    await last;
    session.current = undefined;
    await release(current);
    const encoded = encodeRecording(current.blocks, current.capture.sampleRateHz, trim);
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
    setPhase("starting");
    const blocks: Float32Array[] = [];
    let frames = 0;
    try {
      const capture = await openMicrophoneCapture((block, rate) => {
        blocks.push(block);
        frames += block.length;
        // Rises at once, falls slowly (about 20 dB a second), as level meters do.
        const peak = peakDb(block);
        setLevelDb((shown) => Math.max(peak, shown - (20 * block.length) / rate));
        setElapsedSeconds(frames / rate);
        if (frames >= maxSeconds * rate) void stop();
      });
      session.current = { capture, blocks };
      setPhase("recording");
    } catch (failure) {
      setError(microphoneError(failure).message);
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
