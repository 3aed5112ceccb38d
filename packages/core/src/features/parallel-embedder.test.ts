// Worker threads give exactly the embeddings of the Embedder on the main thread, in input order,
// for any split of a batch over the workers. The workers run the built package
// (dist/features/embedding-worker.js), so this imports the package itself; `pnpm test` builds
// it first (pretest).
import { createSeededRandom } from "@wakeforge/audio";
import * as core from "@wakeforge/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BANDS = 32;

function randomInput(frameCount: number, seed: string) {
  const random = createSeededRandom(seed);
  const frames = Float32Array.from({ length: frameCount * BANDS }, () => random.next() * 10 - 6);
  return { frames, frameCount };
}

let parallel: core.ParallelEmbedder;
let embedder: core.Embedder;
beforeAll(async () => {
  await core.initBackend("wasm");
  embedder = new core.Embedder(core.fullyConvolutionalBase(await core.loadSpeechEmbeddingBase()));
  parallel = await core.ParallelEmbedder.start({ workers: 2, backend: "wasm" });
});
afterAll(async () => {
  await parallel.close();
});

describe("ParallelEmbedder", () => {
  it("gives the main thread's embeddings, in order, over two workers", async () => {
    expect(parallel.workers).toBe(2);
    // Five inputs: an uneven split (3 + 2) checks the reassembly order.
    const inputs = Array.from({ length: 5 }, (_, i) => randomInput(100, `clip ${i}`));
    const expected = embedder.embedBatch(inputs);
    const actual = await parallel.embedBatch(inputs);
    expect(actual).toHaveLength(5);
    actual.forEach((embeddings, i) => {
      expect(embeddings.count).toBe(expected[i]?.count);
      expect(embeddings.dims).toBe(96);
      expect(embeddings.values).toEqual(expected[i]?.values);
    });
  });

  it("handles fewer inputs than workers, inputs too short for a window, and unequal lengths", async () => {
    const one = await parallel.embedBatch([randomInput(84, "single")]);
    expect(one.map((e) => e.count)).toEqual([2]);
    const short = await parallel.embedBatch([randomInput(40, "short"), randomInput(40, "short 2")]);
    expect(short.map((e) => e.count)).toEqual([0, 0]);
    await expect(parallel.embedBatch([randomInput(80, "a"), randomInput(90, "b")])).rejects.toThrow(
      RangeError,
    );
  });
});
