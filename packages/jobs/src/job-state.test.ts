import { describe, expect, it } from "vitest";
import { JOB_STATES, canTransition, isFinalJobState, type JobState } from "./job-state.js";

const allowed: readonly (readonly [JobState, JobState])[] = [
  ["queued", "running"],
  ["queued", "cancelled"],
  ["running", "completed"],
  ["running", "failed"],
  ["running", "cancelled"],
  ["running", "queued"],
  ["failed", "queued"],
];

/** Every state a job in `start` can reach by allowed moves, `start` included. */
function reachableFrom(start: JobState): Set<JobState> {
  const seen = new Set<JobState>([start]);
  const pending = [start];
  for (let from = pending.pop(); from !== undefined; from = pending.pop()) {
    for (const to of JOB_STATES) {
      if (canTransition(from, to) && !seen.has(to)) {
        seen.add(to);
        pending.push(to);
      }
    }
  }
  return seen;
}

describe("job state machine", () => {
  it("allows exactly the listed moves", () => {
    for (const from of JOB_STATES) {
      for (const to of JOB_STATES) {
        const expected = allowed.some(([a, b]) => a === from && b === to);
        expect(canTransition(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it("never moves a state to itself", () => {
    for (const state of JOB_STATES) expect(canTransition(state, state)).toBe(false);
  });

  it("has completed and cancelled as its only final states", () => {
    expect(JOB_STATES.filter(isFinalJobState).sort()).toEqual(["cancelled", "completed"]);
  });

  it("reaches every state from queued, and can end from every state", () => {
    expect([...reachableFrom("queued")].sort()).toEqual([...JOB_STATES].sort());
    for (const state of JOB_STATES) {
      expect([...reachableFrom(state)].some(isFinalJobState), state).toBe(true);
    }
  });
});
