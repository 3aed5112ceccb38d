import { describe, expect, it } from "vitest";
import { AFTER_DETECTION_SECONDS, CORRECTION_CLIP_SECONDS, falseWakeWindow } from "./clip-windows";

describe("false wake clip", () => {
  it("is two seconds, mostly before the detection, which marks the end of what fired", () => {
    const window = falseWakeWindow(12);
    expect(window.toSeconds - window.fromSeconds).toBe(CORRECTION_CLIP_SECONDS);
    expect(window.toSeconds).toBe(12 + AFTER_DETECTION_SECONDS);
  });

  it("starts no earlier than the stream", () => {
    expect(falseWakeWindow(1)).toEqual({ fromSeconds: 0, toSeconds: 1 + AFTER_DETECTION_SECONDS });
  });
});
