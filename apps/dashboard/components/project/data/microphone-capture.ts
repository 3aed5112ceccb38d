// The microphone opened for raw PCM: getUserMedia without the browser's voice processing, an
// AudioContext and the capture worklet, each block of samples handed to `onBlock`. Shared by the
// Data tab's recorders and the Live tab's detector; a failure is a MicrophoneError whose message
// tells a person what to do.
import { CAPTURE_PROCESSOR, CAPTURE_WORKLET_SOURCE } from "./capture-worklet";

/** Why the microphone did not open: refused, absent, busy, an insecure page, or other. */
export type MicrophoneProblem = "denied" | "missing" | "busy" | "insecure" | "failed";

export class MicrophoneError extends Error {
  constructor(
    readonly problem: MicrophoneProblem,
    message: string,
  ) {
    super(message);
    this.name = "MicrophoneError";
  }
}

/** What went wrong with the microphone, said so a person can fix it. */
export function microphoneError(error: unknown): MicrophoneError {
  if (error instanceof MicrophoneError) return error;
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") {
    return new MicrophoneError(
      "denied",
      "Microphone access was refused. Allow it for this site in the browser's settings and try again.",
    );
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") {
    return new MicrophoneError("missing", "No microphone was found. Connect one and try again.");
  }
  if (name === "NotReadableError") {
    return new MicrophoneError(
      "busy",
      "The microphone is in use by another program or could not be opened.",
    );
  }
  return new MicrophoneError(
    "failed",
    `The microphone could not be started: ${error instanceof Error ? error.message : String(error)}`,
  );
}

export interface MicrophoneCapture {
  readonly context: AudioContext;
  readonly node: AudioWorkletNode;
  /** The rate of the blocks handed out (the AudioContext's, often 48 000). */
  readonly sampleRateHz: number;
  /** Stops the blocks, lets go of the microphone and closes the context. */
  close(): Promise<void>;
}

/** Opens the microphone and calls `onBlock` with each mono block of samples (−1…1). */
export async function openMicrophoneCapture(
  onBlock: (block: Float32Array, sampleRateHz: number) => void,
): Promise<MicrophoneCapture> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new MicrophoneError(
      "insecure",
      "This browser offers the microphone only to secure pages: open the dashboard at http://localhost or over https.",
    );
  }
  let stream: MediaStream | undefined;
  let context: AudioContext | undefined;
  try {
    // Raw sound: echo cancellation and noise suppression would change what the model hears.
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
    const rate = context.sampleRate;
    node.port.onmessage = (event: MessageEvent<Float32Array>) => onBlock(event.data, rate);
    context.createMediaStreamSource(stream).connect(node);
    // Connected to the output (it writes silence) so the browser keeps pulling it.
    node.connect(context.destination);
    const opened = { context, stream };
    return {
      context,
      node,
      sampleRateHz: rate,
      close: async () => {
        node.port.onmessage = null;
        node.disconnect();
        for (const track of opened.stream.getTracks()) track.stop();
        await opened.context.close().catch(() => undefined);
      },
    };
  } catch (failure) {
    for (const track of stream?.getTracks() ?? []) track.stop();
    await context?.close().catch(() => undefined);
    throw microphoneError(failure);
  }
}
