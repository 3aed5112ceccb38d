import { describe, expect, it } from "vitest";
import { JobQueueError } from "../errors.js";
import { fromBullId, toBullId } from "./redis-job-ids.js";

const reserved = new Set(["", "meta", "wait", "active"]);

describe("job ids on BullMQ", () => {
  it("keeps ordinary ids as they are", () => {
    for (const id of [
      "3f0c9a52-8d3e-4c55-9a57-1f3e5a7d1c2b",
      "job-two",
      "hey nova",
      "42a",
      " 42",
    ]) {
      expect(toBullId(id, reserved)).toBe(id);
      expect(fromBullId(id)).toBe(id);
    }
  });

  it("escapes ids BullMQ refuses or would store on its own keys, reversibly", () => {
    const escaped = ["42", "0", "team:alpha", "0:x", "meta", "wait", "~", "~x", "%7E"];
    const bullIds = escaped.map((id) => toBullId(id, reserved));
    expect(bullIds.slice(0, 5)).toEqual(["~42", "~0", "~team%3Aalpha", "~0%3Ax", "~meta"]);
    for (const bullId of bullIds) {
      expect(bullId).not.toContain(":");
      expect(`${parseInt(bullId, 10)}`).not.toBe(bullId);
    }
    expect(bullIds.map(fromBullId)).toEqual(escaped);
    expect(new Set(bullIds).size).toBe(escaped.length);
  });

  it("refuses a string that is not text", () => {
    expect(() => toBullId("bad:\uD800", reserved)).toThrow(JobQueueError);
  });
});
