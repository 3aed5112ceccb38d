import * as tf from "@tensorflow/tfjs";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeWav, encodeWav, resample } from "@wakeforge/audio";
import {
  OPENWAKEWORD_HEADS,
  StreamingEmbedder,
  initBackend,
  loadModelDirectory,
  readOnnxModel,
  resolveModelFile,
} from "@wakeforge/core";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../cli.js";
import { captureIo } from "../test-capture-io.js";

const work = mkdtempSync(join(tmpdir(), "wakeforge-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** espeak-ng speech at 16 kHz. */
function speak(text: string, voice: string): Float32Array {
  const wav = execFileSync("espeak-ng", ["-v", voice, "-s", "150", "--stdout", text]);
  const decoded = decodeWav(new Uint8Array(wav));
  return resample(decoded.samples, decoded.sampleRateHz, 16_000);
}

const modelDir = join(work, "alexa-model");
let alexaStartSeconds = 0;
let alexaEndSeconds = 0;
const speechFile = join(work, "speech.wav");

beforeAll(async () => {
  await initBackend("wasm");
  const io = captureIo();
  const onnx = resolveModelFile(OPENWAKEWORD_HEADS.alexa.source);
  expect(
    await runCli(["import", "--onnx", onnx, "--out", modelDir, "--threshold", "0.5"], io),
  ).toBe(0);
  // 1.5 s of quiet, a sentence, quiet, "alexa", quiet — as a 44.1 kHz file to exercise resampling.
  const quiet = new Float32Array(24_000);
  const sentence = speak("the weather is nice today", "en-us");
  const alexa = speak("alexa", "en");
  alexaStartSeconds = (quiet.length * 2 + sentence.length) / 16_000;
  alexaEndSeconds = alexaStartSeconds + alexa.length / 16_000;
  const parts = [quiet, sentence, quiet, alexa, quiet];
  const all = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  writeFileSync(speechFile, encodeWav(resample(all, 16_000, 44_100), 44_100));
}, 120_000);

describe("wakeforge import, detect and export", () => {
  it("import of an ONNX file names a bad argument and refuses non-heads", async () => {
    const io = captureIo();
    expect(await runCli(["import", "--openwakeword", "siri", "--out", join(work, "x")], io)).toBe(
      2,
    );
    expect(io.err()).toContain("--openwakeword siri: expected one of alexa");
    const base = resolveModelFile({
      ...OPENWAKEWORD_HEADS.alexa.source,
      file: "models/embedding_model.onnx",
    });
    const refused = captureIo();
    expect(await runCli(["import", "--onnx", base, "--out", join(work, "y")], refused)).toBe(2);
    expect(refused.err()).toMatch(
      /embedding_model\.onnx: takes \[batch, 76, 32, 1\]; a head takes/,
    );
  });

  it("import writes a model directory with the head and its manifest", async () => {
    const { manifest, model } = await loadModelDirectory(modelDir);
    expect(manifest).toMatchObject({
      kind: "head",
      phrase: "alexa",
      threshold: 0.5,
      base: { id: "speech-embedding" },
    });
    expect(model.inputs[0]?.shape).toEqual([null, 16, 96]);
  });

  it("detect --json prints one line per detection and keeps going past unreadable files", async () => {
    const garbage = join(work, "garbage.wav");
    writeFileSync(garbage, "this is not audio");
    const io = captureIo();
    const code = await runCli(
      ["detect", "--model", modelDir, "--json", garbage, speechFile, join(work, "missing.wav")],
      io,
    );
    expect(code).toBe(1);
    const lines = io
      .out()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { file: string; time: number; score: number });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.file).toBe(speechFile);
    expect(lines[0]?.time).toBeGreaterThan(alexaStartSeconds);
    expect(lines[0]?.time).toBeLessThan(alexaEndSeconds + 1.2);
    expect(lines[0]?.score).toBeGreaterThanOrEqual(0.5);
    expect(io.err()).toContain(
      `${garbage}: not a recognised audio format (starts with 74 68 69 73`,
    );
    expect(io.err()).toContain(`${join(work, "missing.wav")}: file not found`);
  }, 60_000);

  it("detect --scores prints every 80 ms step", async () => {
    const io = captureIo();
    expect(
      await runCli(["detect", "--model", modelDir, "--scores", "--json", speechFile], io),
    ).toBe(0);
    const steps = io
      .out()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { time: number });
    expect(steps.length).toBeGreaterThan(20);
    expect(steps[1]!.time - steps[0]!.time).toBeCloseTo(0.08, 6);
  }, 60_000);

  it("detect listens for several words at once, with one embedding pass for all of them", async () => {
    const jarvisDir = join(work, "jarvis-model");
    const mycroftDir = join(work, "mycroft-model");
    for (const [name, dir] of [
      ["hey_jarvis", jarvisDir],
      ["hey_mycroft", mycroftDir],
    ] as const) {
      const onnx = resolveModelFile(OPENWAKEWORD_HEADS[name].source);
      expect(await runCli(["import", "--onnx", onnx, "--out", dir], captureIo())).toBe(0);
    }
    const passes = vi.spyOn(StreamingEmbedder.prototype, "push");
    const run = async (models: string[]) => {
      passes.mockClear();
      const io = captureIo();
      const args = models.flatMap((dir) => ["--model", dir]);
      expect(await runCli(["detect", ...args, "--scores", "--json", speechFile], io)).toBe(0);
      const steps = io
        .out()
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { word: string; time: number; score: number });
      return { steps, passes: passes.mock.calls.length };
    };
    try {
      const alone = await run([modelDir]);
      const together = await run([modelDir, jarvisDir, mycroftDir]);
      // Three heads, and no more embedding work than one.
      expect(alone.passes).toBeGreaterThan(0);
      expect(together.passes).toBe(alone.passes);
      const words = new Set(together.steps.map((s) => s.word));
      expect(words.size).toBe(3);
      // Each word scores every step, and alexa's scores are what it scores alone.
      const alexa = together.steps.filter((s) => s.word === alone.steps[0]!.word);
      expect(alexa).toEqual(alone.steps);
      for (const word of words) {
        expect(together.steps.filter((s) => s.word === word)).toHaveLength(alone.steps.length);
      }
    } finally {
      passes.mockRestore();
    }

    // Detections name their word: only alexa fires on a recording of "alexa".
    const io = captureIo();
    const code = await runCli(
      ["detect", "--model", modelDir, "--model", jarvisDir, "--json", speechFile],
      io,
    );
    expect(code).toBe(0);
    const detections = io
      .out()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { word: string });
    expect(detections.map((d) => d.word)).toEqual(["alexa"]);
  }, 120_000);

  it("export writes an ONNX head and a whole tfjs detector", async () => {
    const onnxPath = join(work, "alexa.onnx");
    expect(
      await runCli(
        ["export", "--model", modelDir, "--format", "onnx", "--out", onnxPath],
        captureIo(),
      ),
    ).toBe(0);
    const graph = readOnnxModel(new Uint8Array(readFileSync(onnxPath)), {
      fileName: onnxPath,
    }).graph;
    expect(graph.inputs[0]?.shape).toEqual(["batch", 16, 96]);

    const tfjsDir = join(work, "alexa-tfjs");
    expect(
      await runCli(
        ["export", "--model", modelDir, "--format", "tfjs", "--out", tfjsDir],
        captureIo(),
      ),
    ).toBe(0);
    expect(existsSync(join(tfjsDir, "model.json"))).toBe(true);
    const exported = await loadModelDirectory(tfjsDir);
    expect(exported.manifest.kind).toBe("detector");
    expect(exported.model.inputs[0]?.shape).toEqual([null, 16, 76, 32, 1]);
  }, 60_000);

  it("a directory that is not a model gives a clear error and exit code 1", async () => {
    const io = captureIo();
    expect(await runCli(["detect", "--model", work, speechFile], io)).toBe(1);
    expect(io.err()).toMatch(/wakeforge detect: .*wakeforge\.json: file not found/);
  });

  it("detect and eval run on the backend asked for, and refuse an unknown one", async () => {
    for (const command of [
      ["detect", "--model", modelDir, speechFile],
      ["eval", "--model", modelDir, "--positives", work, "--negatives", work],
    ]) {
      const io = captureIo();
      expect(await runCli([...command, "--backend", "gpu9000"], io)).toBe(2);
      expect(io.err()).toContain("--backend gpu9000: expected auto, node-gpu, node, wasm or cpu");
    }
    const io = captureIo();
    expect(await runCli(["detect", "--model", modelDir, "--backend", "cpu", speechFile], io)).toBe(
      0,
    );
    expect(tf.getBackend()).toBe("cpu");
    await initBackend("wasm");
  });
});
