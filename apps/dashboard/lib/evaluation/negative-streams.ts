// The held-out negative audio as the long streams false accepts per hour are counted on:
// negative speech clips joined into one stream, short background clips into another, and each
// long background recording streamed from its file (core reads WAVs block by block, so an
// hour of room noise costs a segment of memory, not an hour). Every false accept is traced
// back to the clip it happened in.
import type { LongNegative } from "@wakeforge/core";
import type { Sample } from "../store/types";
import { clipStartedBefore, joinClips, type ClipStream, type StreamClip } from "./clip-stream";
import { STREAMED_FILE_SECONDS, type StreamFalseAccept } from "./evaluation-types";

export interface NegativeStreams {
  readonly longNegatives: readonly LongNegative[];
  /** Seconds of each long negative, in the same order (for progress). */
  readonly seconds: readonly number[];
  /** Room tone before and after the clips of each joined stream (none around a file). */
  readonly leadSeconds: number;
  readonly tailSeconds: number;
  /** Total length of the speech and of the background streams, room tone included. */
  readonly secondsByKind: { readonly speech: number; readonly noise: number };
  /** The clip a false accept `seconds` into the long negative `name` happened in. */
  trace(name: string, seconds: number): Omit<StreamFalseAccept, "description"> | undefined;
}

export interface NegativeStreamsInput {
  /** Held-out negative speech, already read. */
  readonly negatives: readonly StreamClip[];
  /** Held-out background samples; the short ones are read with `read`. */
  readonly background: readonly Sample[];
  readonly read: (sample: Sample) => Promise<Float32Array>;
  readonly pathOf: (sample: Sample) => string;
  readonly sampleRateHz: number;
  /** Room tone before each joined stream's first clip (the head's window filling). */
  readonly leadSeconds: number;
  /** Room tone after its last clip (the head hearing it end). */
  readonly tailSeconds: number;
}

export async function negativeStreams(input: NegativeStreamsInput): Promise<NegativeStreams> {
  const long = input.background.filter((s) => s.durationSeconds >= STREAMED_FILE_SECONDS);
  const short = input.background.filter((s) => s.durationSeconds < STREAMED_FILE_SECONDS);
  const shortClips = await Promise.all(
    short.map(async (sample) => ({ id: sample.id, samples: await input.read(sample) })),
  );
  const padding = { leadSeconds: input.leadSeconds, tailSeconds: input.tailSeconds };
  const joined: Readonly<Record<"speech" | "noise", ClipStream>> = {
    speech: joinClips(input.negatives, input.sampleRateHz, padding),
    noise: joinClips(shortClips, input.sampleRateHz, padding),
  };
  const kinds = (["speech", "noise"] as const).filter((k) => joined[k].samples.length > 0);
  const longNegatives: LongNegative[] = [
    ...kinds.map((kind) => ({ name: kind, kind, samples: joined[kind].samples })),
    ...long.map((sample) => ({
      name: sample.id,
      kind: "noise" as const,
      path: input.pathOf(sample),
    })),
  ];
  const longSeconds = long.reduce((sum, s) => sum + s.durationSeconds, 0);
  return {
    longNegatives,
    leadSeconds: input.leadSeconds,
    tailSeconds: input.tailSeconds,
    seconds: [
      ...kinds.map((kind) => joined[kind].durationSeconds),
      ...long.map((s) => s.durationSeconds),
    ],
    secondsByKind: {
      speech: joined.speech.durationSeconds,
      noise: joined.noise.durationSeconds + longSeconds,
    },
    trace(name, seconds) {
      if (name === "speech" || name === "noise") {
        const clip = clipStartedBefore(joined[name].spans, seconds);
        return clip && { stream: name, sampleId: clip.id, atSeconds: clip.offsetSeconds };
      }
      return long.some((s) => s.id === name)
        ? { stream: "noise", sampleId: name, atSeconds: seconds }
        : undefined;
    },
  };
}
