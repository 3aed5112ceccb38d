import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InferenceSession } from "onnxruntime-node";
import { AudioError } from "../errors.js";
import { LOG_MEL_CLIP_GROUP_FRAMES, MEL_BAND_COUNT, SAMPLE_RATE_HZ } from "../constants.js";
import { createSeededRandom } from "../random/seeded-random.js";
import { computeLogMel, type LogMel } from "./log-mel.js";
import { LogMelStream } from "./log-mel-stream.js";
import {
  concat,
  loadMelOracle,
  maxAbsDifference,
  oracleLogMel,
  pinkNoise,
  synthesizeSpeech,
  whiteNoise,
} from "./test-signals.js";

/** Feeds `signal` in chunks of the given sizes (cycled), then flushes; returns all frames. */
function streamInChunks(
  stream: LogMelStream,
  signal: Float32Array,
  sizes: readonly number[],
): LogMel {
  const outputs: Float32Array[] = [];
  let at = 0;
  let turn = 0;
  while (at < signal.length) {
    const size = sizes[turn % sizes.length] as number;
    turn += 1;
    const result = stream.push(signal.subarray(at, at + size));
    // (Checked without expect() per push: chunks of one sample mean tens of thousands of pushes.)
    if (
      result.frameCount % LOG_MEL_CLIP_GROUP_FRAMES !== 0 ||
      result.frames.length !== result.frameCount * MEL_BAND_COUNT
    ) {
      throw new Error(
        `push returned ${result.frameCount} frames in ${result.frames.length} values`,
      );
    }
    outputs.push(result.frames);
    at += size;
  }
  const rest = stream.flush();
  expect(rest.frameCount).toBeLessThan(LOG_MEL_CLIP_GROUP_FRAMES);
  outputs.push(rest.frames);
  const frames = concat(...outputs);
  return { frames, frameCount: frames.length / MEL_BAND_COUNT };
}

const randomSizes = (count: number, seed: string): number[] => {
  const random = createSeededRandom(seed);
  return Array.from({ length: count }, () => 1 + random.nextInt(random.next() < 0.5 ? 40 : 5_000));
};

describe("LogMelStream", () => {
  let session: InferenceSession;
  let signal: Float32Array;
  let batch: LogMel;
  let reference: LogMel;
  beforeAll(async () => {
    session = await loadMelOracle();
    // Speech, digital silence (where the clip reference matters) and noise; a length that
    // leaves a trailing partial group.
    signal = concat(
      synthesizeSpeech("hey nova, what's the weather like"),
      new Float32Array(7_000),
      pinkNoise(6_003, 12_000, "stream pink"),
      whiteNoise(2_500, 40, "stream white"),
    );
    batch = computeLogMel(signal);
    reference = await oracleLogMel(session, signal);
  });
  afterAll(async () => {
    await session.release();
  });

  it("the test signal ends in a partial group", () => {
    expect(batch.frameCount % LOG_MEL_CLIP_GROUP_FRAMES).not.toBe(0);
  });

  const chunkings: ReadonlyArray<[string, readonly number[]]> = [
    ["1", [1]],
    ["7", [7]],
    ["160", [160]],
    ["1280", [1280]],
    ["1281", [1281]],
    ["4000", [4000]],
    ["a seeded random mixture", randomSizes(500, "chunk sizes")],
    ["the whole signal at once", [Number.MAX_SAFE_INTEGER]],
  ];

  for (const [name, sizes] of chunkings) {
    it(`gives exactly the batch frames, within 1e-3 dB of ONNX, for chunks of ${name}`, () => {
      const streamed = streamInChunks(new LogMelStream(), signal, sizes);
      expect(streamed.frameCount).toBe(batch.frameCount);
      expect(streamed.frames).toEqual(batch.frames);
      expect(maxAbsDifference(streamed.frames, reference.frames)).toBeLessThan(1e-3);
    });
  }

  it("emits group g as soon as 1280·g + 1632 samples have arrived, as 8 frames", () => {
    const stream = new LogMelStream();
    const noise = whiteNoise(5_000, 1_000, "timing");
    const expected = computeLogMel(noise);
    let emittedGroups = 0;
    for (let i = 0; i < noise.length; i += 1) {
      const result = stream.push(noise.subarray(i, i + 1));
      const received = i + 1;
      if (result.frameCount > 0) {
        expect(result.frameCount).toBe(LOG_MEL_CLIP_GROUP_FRAMES);
        expect(received).toBe(1_280 * emittedGroups + 1_632);
        const values = LOG_MEL_CLIP_GROUP_FRAMES * MEL_BAND_COUNT;
        expect(result.frames).toEqual(
          expected.frames.subarray(emittedGroups * values, (emittedGroups + 1) * values),
        );
        emittedGroups += 1;
      }
    }
    expect(emittedGroups).toBe(Math.floor(expected.frameCount / LOG_MEL_CLIP_GROUP_FRAMES));
    expect(stream.samplesReceived).toBe(noise.length);
  });

  it("gives 8 frames for every 1280-sample chunk once the first 1632 samples are in", () => {
    const stream = new LogMelStream();
    const counts = Array.from(
      { length: 10 },
      (_, chunk) => stream.push(signal.subarray(chunk * 1_280, (chunk + 1) * 1_280)).frameCount,
    );
    expect(counts).toEqual([0, 8, 8, 8, 8, 8, 8, 8, 8, 8]);
  });

  it("starts over after flush and after reset, and handles empty chunks", () => {
    const stream = new LogMelStream();
    const first = streamInChunks(stream, signal, [1_280]);
    expect(stream.samplesReceived).toBe(0);
    expect(streamInChunks(stream, signal, [999])).toEqual(first);
    stream.push(whiteNoise(3_333, 500, "discarded"));
    stream.reset();
    expect(stream.push(new Float32Array(0)).frameCount).toBe(0);
    expect(streamInChunks(stream, signal, [4_000])).toEqual(first);
    expect(stream.flush().frameCount).toBe(0);
  });

  it("yields nothing, even on flush, for fewer than 512 samples", () => {
    const stream = new LogMelStream();
    expect(stream.push(new Float32Array(511)).frameCount).toBe(0);
    expect(stream.flush().frameCount).toBe(0);
  });

  it("rejects a chunk holding NaN or ±Infinity, naming its position in the stream, and carries on", () => {
    const stream = new LogMelStream({ fileName: "microphone" });
    const part = signal.subarray(0, 3_000);
    stream.push(part.subarray(0, 1_000));
    const bad = part.slice(1_000, 2_000);
    bad[10] = Number.NaN;
    let caught: unknown;
    try {
      stream.push(bad);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AudioError);
    expect((caught as AudioError).code).toBe("NON_FINITE_SAMPLES");
    expect((caught as AudioError).message).toBe(
      "microphone: sample 1010 is NaN; log-mel needs finite samples",
    );
    // The bad chunk was not taken: the stream continues as if it never came.
    const rest = concat(stream.push(part.subarray(1_000)).frames, stream.flush().frames);
    expect(rest).toEqual(computeLogMel(part).frames);
  });

  it("keeps count over a minute of audio pushed a second at a time", () => {
    const stream = new LogMelStream();
    const chunk = whiteNoise(SAMPLE_RATE_HZ, 2_000, "long");
    let frames = 0;
    for (let second = 0; second < 60; second += 1) frames += stream.push(chunk).frameCount;
    frames += stream.flush().frameCount;
    expect(frames).toBe(Math.floor((60 * SAMPLE_RATE_HZ - 512) / 160) + 1);
  });
});
