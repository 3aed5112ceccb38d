import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { BackendUnavailableError } from "../errors.js";
import { initBackend } from "./node-backends.js";

const require = createRequire(import.meta.url);

/** Whether an optional native tfjs package installed with its addon, checked independently. */
function nativeAddonBuilt(packageName: string): boolean {
  let dir: string;
  try {
    dir = dirname(require.resolve(`${packageName}/package.json`));
  } catch {
    return false;
  }
  const lib = join(dir, "lib");
  return (
    existsSync(lib) && readdirSync(lib).some((d) => existsSync(join(lib, d, "tfjs_binding.node")))
  );
}

const nativeAvailable =
  nativeAddonBuilt("@tensorflow/tfjs-node-gpu") || nativeAddonBuilt("@tensorflow/tfjs-node");

/** A small computation whose answer we know, run on whatever backend is current. */
function convolveKnownSignal(): number[] {
  return tf.tidy(() => {
    const signal = tf.tensor3d([1, 2, 3, 4, 5], [1, 5, 1]);
    const kernel = tf.tensor3d([1, 0, -1], [3, 1, 1]);
    return Array.from(tf.conv1d(signal, kernel, 1, "valid").dataSync());
  });
}

describe("initBackend in Node", () => {
  it.skipIf(nativeAvailable)(
    "auto falls back to wasm here and says why the native backends were skipped",
    async () => {
      const report = await initBackend("auto");
      expect(report.backend).toBe("wasm");
      expect(tf.getBackend()).toBe("wasm");
      expect(report.details.simd).toBe(true);
      const skipped = Object.fromEntries(report.skipped.map((s) => [s.backend, s.reason]));
      expect(Object.keys(skipped)).toEqual(["node-gpu", "node"]);
      expect(skipped.node).toMatch(
        /@tensorflow\/tfjs-node: (native addon not built|not installed)/,
      );
      expect(skipped["node-gpu"]).toMatch(/@tensorflow\/tfjs-node-gpu: /);
      // A convolution computed on the chosen backend: [1,2,3,4,5] * [1,0,-1] (correlation).
      expect(convolveKnownSignal()).toEqual([-2, -2, -2]);
    },
  );

  it.skipIf(nativeAvailable)("an explicit native choice fails loudly here", async () => {
    await expect(initBackend("node")).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(initBackend("node-gpu")).rejects.toThrow(/tfjs-node-gpu/);
  });

  it("an explicit cpu choice switches backends and computes the same result as wasm", async () => {
    await initBackend("wasm");
    const onWasm = convolveKnownSignal();
    const report = await initBackend("cpu");
    expect(report).toMatchObject({ requested: "cpu", backend: "cpu", tfBackend: "cpu" });
    expect(tf.getBackend()).toBe("cpu");
    expect(convolveKnownSignal()).toEqual(onWasm);
  });

  it("browser-only backends are refused in Node with the list of those that exist", async () => {
    await expect(initBackend("webgl")).rejects.toThrow(
      /choose one of: auto, node-gpu, node, wasm, cpu/,
    );
  });
});
