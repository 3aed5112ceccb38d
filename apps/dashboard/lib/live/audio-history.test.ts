import { describe, expect, it } from "vitest";
import { AudioHistory } from "./audio-history";

/** 0, 1, 2, … as samples, so a slice shows exactly which samples it holds. */
const ramp = (from: number, count: number) =>
  Float32Array.from({ length: count }, (_, i) => from + i);

describe("AudioHistory", () => {
  it("gives back the samples between two stream times, whatever the block sizes", () => {
    const history = new AudioHistory(10, 3);
    let at = 0;
    for (const size of [3, 7, 1, 5]) {
      history.push(ramp(at, size));
      at += size;
    }
    expect(history.heardSeconds).toBe(1.6);
    const { samples, fromSeconds } = history.slice(0.4, 1.1);
    expect(fromSeconds).toBe(0.4);
    expect(Array.from(samples)).toEqual([4, 5, 6, 7, 8, 9, 10]);
  });

  it("keeps only the last `capacitySeconds`, across the ring's wrap and for one long block", () => {
    const history = new AudioHistory(10, 2);
    history.push(ramp(0, 15));
    history.push(ramp(15, 12));
    expect(Array.from(history.slice(0, 100).samples)).toEqual(Array.from(ramp(7, 20)));
    expect(history.slice(0, 100).fromSeconds).toBe(0.7);
    history.push(ramp(27, 45));
    expect(Array.from(history.slice(6, 7.2).samples)).toEqual(Array.from(ramp(60, 12)));
  });

  it("cuts a window reaching past either end to what it holds", () => {
    const history = new AudioHistory(10, 1);
    history.push(ramp(0, 5));
    expect(Array.from(history.slice(-2, 0.3).samples)).toEqual([0, 1, 2]);
    expect(Array.from(history.slice(0.3, 9).samples)).toEqual([3, 4]);
    expect(history.slice(2, 3).samples).toHaveLength(0);
    history.reset();
    expect(history.heardSeconds).toBe(0);
    expect(history.slice(0, 1).samples).toHaveLength(0);
  });

  it("refuses a rate or length that holds nothing, naming them", () => {
    expect(() => new AudioHistory(0, 2)).toThrow("got 0 Hz and 2 s");
    expect(() => new AudioHistory(16_000, -1)).toThrow("got 16000 Hz and -1 s");
  });
});
