import { describe, expect, it } from "vitest";
import { clipAt, joinClips } from "./clip-stream";

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

  it("opens with quiet room tone when asked, shifting the spans", () => {
    const led = joinClips([{ id: "a", samples: new Float32Array(16_000).fill(0.5) }], 16_000, 2);
    expect(led.durationSeconds).toBe(3);
    expect(led.spans).toEqual([{ id: "a", startSeconds: 2, endSeconds: 3 }]);
    const tone = led.samples.subarray(0, 32_000);
    expect(Math.max(...tone.map(Math.abs))).toBeLessThanOrEqual(1e-3);
    expect(tone.some((x) => x !== 0)).toBe(true);
    expect(clipAt(led.spans, 1)).toBeUndefined();
    expect(joinClips([], 16_000, 2).durationSeconds).toBe(0);
  });

  it("traces a time in the stream back to its clip and the time in it", () => {
    expect(clipAt(stream.spans, 0.4)).toEqual({ id: "a", offsetSeconds: 0.4 });
    expect(clipAt(stream.spans, 1.25)).toEqual({ id: "b", offsetSeconds: 0.25 });
    expect(clipAt(stream.spans, 2.9)?.id).toBe("c");
    expect(clipAt(stream.spans, 3.5)).toBeUndefined();
    expect(clipAt([], 1)).toBeUndefined();
  });
});
