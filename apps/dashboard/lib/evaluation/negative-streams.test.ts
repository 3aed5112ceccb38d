import { describe, expect, it } from "vitest";
import type { Sample } from "../store/types";
import { STREAMED_FILE_SECONDS } from "./evaluation-types";
import { negativeStreams } from "./negative-streams";

const RATE = 16_000;

function background(id: string, durationSeconds: number): Sample {
  return {
    id,
    projectId: "p",
    label: "background",
    source: "uploaded",
    engine: null,
    voice: null,
    text: null,
    originalName: `${id}.wav`,
    originalFormat: "wav",
    originalSampleRateHz: RATE,
    durationSeconds,
    sampleRateHz: RATE,
    byteSize: 44 + durationSeconds * RATE * 2,
    createdAt: "2026-12-04T18:00:00.000Z",
  };
}

describe("negativeStreams", () => {
  const read: string[] = [];
  const streams = negativeStreams({
    negatives: [
      { id: "n1", samples: new Float32Array(RATE) },
      { id: "n2", samples: new Float32Array(2 * RATE) },
    ],
    background: [background("room", STREAMED_FILE_SECONDS + 40), background("hum", 3)],
    read: async (sample) => {
      read.push(sample.id);
      return new Float32Array(sample.durationSeconds * RATE);
    },
    pathOf: (sample) => `/data/${sample.id}.wav`,
    sampleRateHz: RATE,
    leadSeconds: 2,
    tailSeconds: 1,
  });

  it("joins speech and short background in memory, and streams long recordings from their files", async () => {
    const { longNegatives, seconds, secondsByKind } = await streams;
    expect(read).toEqual(["hum"]);
    expect(longNegatives.map((l) => [l.name, l.kind, l.path ?? l.samples?.length])).toEqual([
      ["speech", "speech", (2 + 1 + 2 + 1) * RATE],
      ["noise", "noise", (2 + 3 + 1) * RATE],
      ["room", "noise", "/data/room.wav"],
    ]);
    expect(seconds).toEqual([6, 6, STREAMED_FILE_SECONDS + 40]);
    expect(secondsByKind).toEqual({ speech: 6, noise: 6 + STREAMED_FILE_SECONDS + 40 });
  });

  it("traces a false accept back to its clip, past the room tone", async () => {
    const { trace } = await streams;
    expect(trace("speech", 3.5)).toEqual({ stream: "speech", sampleId: "n2", atSeconds: 0.5 });
    expect(trace("speech", 1)).toBeUndefined();
    expect(trace("noise", 4)).toEqual({ stream: "noise", sampleId: "hum", atSeconds: 2 });
    // In the closing room tone: the last clip, just after it ended.
    expect(trace("speech", 5.5)).toEqual({ stream: "speech", sampleId: "n2", atSeconds: 2.5 });
    expect(trace("room", 12.5)).toEqual({ stream: "noise", sampleId: "room", atSeconds: 12.5 });
    expect(trace("elsewhere", 1)).toBeUndefined();
  });
});
