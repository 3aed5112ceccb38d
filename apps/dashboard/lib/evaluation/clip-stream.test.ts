import { describe, expect, it } from "vitest";
import { clipStartedBefore, joinClips } from "./clip-stream";

describe("joinClips and clipAt", () => {
  const stream = joinClips(
    [
      { id: "a", samples: new Float32Array(16_000).fill(0.1) },
      { id: "b", samples: new Float32Array(8_000).fill(0.2) },
      { id: "c", samples: new Float32Array(24_000).fill(0.3) },
    ],
    16_000,
  );

  it("lays the clips end to end with their spans", () => {
    expect(stream.durationSeconds).toBe(3);
    expect(stream.samples[15_999]).toBeCloseTo(0.1);
    expect(stream.samples[16_000]).toBeCloseTo(0.2);
    expect(stream.samples[24_000]).toBeCloseTo(0.3);
    expect(stream.spans).toEqual([
      { id: "a", startSeconds: 0, endSeconds: 1 },
      { id: "b", startSeconds: 1, endSeconds: 1.5 },
      { id: "c", startSeconds: 1.5, endSeconds: 3 },
    ]);
  });

  it("puts quiet room tone before and after the clips when asked", () => {
    const padded = joinClips([{ id: "a", samples: new Float32Array(16_000).fill(0.5) }], 16_000, {
      leadSeconds: 2,
      tailSeconds: 1,
    });
    expect(padded.durationSeconds).toBe(4);
    expect(padded.spans).toEqual([{ id: "a", startSeconds: 2, endSeconds: 3 }]);
    for (const tone of [padded.samples.subarray(0, 32_000), padded.samples.subarray(48_000)]) {
      expect(Math.max(...tone.map(Math.abs))).toBeLessThanOrEqual(1e-3);
      expect(tone.some((x) => x !== 0)).toBe(true);
    }
    expect(padded.samples[32_000]).toBeCloseTo(0.5);
    expect(clipStartedBefore(padded.spans, 1)).toBeUndefined();
    expect(clipStartedBefore(padded.spans, 3.6)).toEqual({ id: "a", offsetSeconds: 1.6 });
    expect(joinClips([], 16_000, { leadSeconds: 2, tailSeconds: 1 }).durationSeconds).toBe(0);
  });

  it("traces a score back to the last clip that started before the audio it heard ended", () => {
    expect(clipStartedBefore(stream.spans, 0.4)).toEqual({ id: "a", offsetSeconds: 0.4 });
    expect(clipStartedBefore(stream.spans, 1.25)).toEqual({ id: "b", offsetSeconds: 0.25 });
    expect(clipStartedBefore(stream.spans, 1.5)?.id).toBe("b");
    expect(clipStartedBefore(stream.spans, 2.9)?.id).toBe("c");
    expect(clipStartedBefore(stream.spans, 0)).toBeUndefined();
    expect(clipStartedBefore([], 1)).toBeUndefined();
  });
});
