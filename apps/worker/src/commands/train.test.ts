import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TRAINED_HEAD_SMOOTHING_STEPS, initBackend, loadModelDirectory } from "@wakeforge/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli.js";
import { captureIo } from "../test-capture-io.js";

const work = mkdtempSync(join(tmpdir(), "wakeforge-train-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(async () => {
  await initBackend("wasm");
});

describe("wakeforge train", () => {
  it("runs the whole path on a tiny synthetic set: model, threshold, record, report", async () => {
    const out = join(work, "hey-nova");
    const io = captureIo({ ...process.env, WAKEFORGE_DATA_DIR: join(work, "data") });
    const code = await runCli(
      [
        "train",
        "--word",
        "hey nova",
        "--synth",
        "8",
        "--compare-scratch",
        "--scratch-windows",
        "20",
        "--epochs",
        "2",
        "--negative-minutes",
        "1",
        "--background-minutes",
        "1",
        "--out",
        out,
        "--json",
      ],
      io,
    );
    expect(code, io.err()).toBe(0);
    const summary = JSON.parse(io.out()) as { threshold: number; recall: number; verdict?: string };
    expect(summary.threshold).toBeGreaterThan(0);
    expect(summary.threshold).toBeLessThanOrEqual(1);
    expect(summary.verdict).toMatch(/start: transfer/);
    expect(readdirSync(out).sort()).toEqual([
      "det.svg",
      "learning-curves.svg",
      "metrics.json",
      "model.json",
      "report.html",
      "wakeforge.json",
      "weights.bin",
    ]);
    const { manifest } = await loadModelDirectory(out);
    expect(manifest).toMatchObject({
      kind: "head",
      phrase: "hey nova",
      threshold: summary.threshold,
      // The threshold was calibrated on averaged scores; the manifest tells readers to average.
      smoothingSteps: TRAINED_HEAD_SMOOTHING_STEPS,
    });
    const record = JSON.parse(readFileSync(join(out, "metrics.json"), "utf8")) as {
      evaluation: { smoothingSteps: number };
      curves: { transfer: unknown[]; scratch: unknown[] };
      counts: { trainNegativeWindows: number; scratchWindowsPerEpoch: number };
    };
    expect(record.counts.scratchWindowsPerEpoch).toBe(20);
    // The generated background (a minute of speech, music and noise) adds negative windows far
    // beyond what 8 short negative clips give.
    expect(record.counts.trainNegativeWindows).toBeGreaterThan(100);
    expect(record.evaluation.smoothingSteps).toBe(TRAINED_HEAD_SMOOTHING_STEPS);
    expect(readdirSync(join(work, "data", "work", "hey-nova"))).toContain("training-background");
    expect(record.curves.transfer).toHaveLength(2);
    expect(record.curves.scratch).toHaveLength(2);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("hey nova");
    // The synthetic clips are kept for the next run of the same phrase.
    expect(readdirSync(join(work, "data", "work", "hey-nova"))).toContain("synthetic");
  }, 300_000);

  it("negatives writes long negative audio and eval measures the trained model on it", async () => {
    const negativesDir = join(work, "negatives");
    const negIo = captureIo(process.env);
    expect(
      await runCli(["negatives", "--out", negativesDir, "--minutes", "0.6", "--json"], negIo),
    ).toBe(0);
    const files = negIo
      .out()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { kind: string });
    expect(files.map((f) => f.kind).sort()).toEqual(["music", "noise", "speech"]);

    const io = captureIo(process.env);
    const positives = join(work, "data", "work", "hey-nova", "synthetic", "positives");
    const code = await runCli(
      [
        "eval",
        "--model",
        join(work, "hey-nova"),
        "--positives",
        positives,
        "--negatives",
        negativesDir,
        "--json",
      ],
      io,
    );
    expect(code, io.err()).toBe(0);
    const result = JSON.parse(io.out()) as {
      recall: { total: number; recall: number };
      falseAccepts: { overall: { hours: number } };
      det: unknown[];
    };
    expect(result.recall.total).toBe(8);
    expect(result.falseAccepts.overall.hours).toBeCloseTo(0.01, 2);
    expect(result.det.length).toBeGreaterThan(1);

    // --held-out: only the voices the model never trained on, read from the data set's manifest
    // and the model's training record; --target-fa picks the threshold on these negatives.
    const record = JSON.parse(readFileSync(join(work, "hey-nova", "metrics.json"), "utf8")) as {
      split: { testSpeakers: string[] };
    };
    const manifest = JSON.parse(
      readFileSync(join(work, "data", "work", "hey-nova", "synthetic", "manifest.json"), "utf8"),
    ) as { clips: { kind: string; speakerId: string }[] };
    const heldOut = manifest.clips.filter(
      (c) => c.kind === "positive" && record.split.testSpeakers.includes(c.speakerId),
    );
    expect(heldOut.length).toBeGreaterThan(0);
    const heldIo = captureIo(process.env);
    const heldCode = await runCli(
      [
        "eval",
        "--model",
        join(work, "hey-nova"),
        "--positives",
        join(work, "data", "work", "hey-nova", "synthetic"),
        "--held-out",
        "--target-fa",
        "100",
        "--negatives",
        negativesDir,
        "--json",
      ],
      heldIo,
    );
    expect(heldCode, heldIo.err()).toBe(0);
    const held = JSON.parse(heldIo.out()) as {
      voices: number;
      recall: { total: number };
      falseAccepts: { overall: { perHour: number } };
    };
    expect(held.recall.total).toBe(heldOut.length);
    expect(held.voices).toBe(new Set(heldOut.map((c) => c.speakerId)).size);
    expect(held.falseAccepts.overall.perHour).toBeLessThanOrEqual(100);

    const both = captureIo(process.env);
    expect(
      await runCli(
        ["eval", "--model", join(work, "hey-nova"), "--positives", positives].concat([
          "--negatives",
          negativesDir,
          "--threshold",
          "0.5",
          "--target-fa",
          "1",
        ]),
        both,
      ),
    ).toBe(2);
    expect(both.err()).toContain("give --threshold or --target-fa, not both");
  }, 300_000);

  it("trains several words together, each one's positives among the others' negatives", async () => {
    const env = { ...process.env, WAKEFORGE_DATA_DIR: join(work, "data") };
    const flags = ["--synth", "8", "--epochs", "2", "--negative-minutes", "1"];
    const small = [...flags, "--background-minutes", "0", "--json"];
    const alone = captureIo(env);
    const aloneOut = join(work, "orbit-alone");
    expect(
      await runCli(["train", "--word", "okay orbit", ...small, "--out", aloneOut], alone),
      alone.err(),
    ).toBe(0);

    const out = join(work, "two-words");
    const io = captureIo(env);
    const words = ["--word", "okay orbit", "--word", "hey nova"];
    expect(await runCli(["train", ...words, ...small, "--out", out], io), io.err()).toBe(0);
    const summaries = io
      .out()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { phrase: string; out: string });
    expect(summaries.map((s) => [s.phrase, s.out])).toEqual([
      ["okay orbit", join(out, "okay-orbit")],
      ["hey nova", join(out, "hey-nova")],
    ]);
    expect(readdirSync(out).sort()).toEqual(["hey-nova", "okay-orbit"]);
    const record = (dir: string) =>
      JSON.parse(readFileSync(join(dir, "metrics.json"), "utf8")) as {
        counts: { trainNegativeWindows: number };
        split: { trainSpeakers: string[]; testSpeakers: string[] };
      };
    const [single, joint] = [record(aloneOut), record(join(out, "okay-orbit"))];
    // The same data and seed as alone, plus "hey nova" said by the training voices.
    expect(joint.counts.trainNegativeWindows).toBeGreaterThan(single.counts.trainNegativeWindows);
    // The same voices held out as alone, so the two can be compared like for like.
    const ownVoices = new Set([...single.split.trainSpeakers, ...single.split.testSpeakers]);
    expect(joint.split.testSpeakers.filter((s) => ownVoices.has(s))).toEqual(
      single.split.testSpeakers,
    );
    const { manifest } = await loadModelDirectory(join(out, "hey-nova"));
    expect(manifest.phrase).toBe("hey nova");

    const twice = captureIo(env);
    const same = ["--word", "hey nova", "--word", "Hey Nova!"];
    expect(await runCli(["train", ...same, ...small, "--out", join(work, "t")], twice)).toBe(2);
    expect(twice.err()).toContain('--word "Hey Nova!" is given twice');
  }, 300_000);

  it("says what is missing instead of training on nothing", async () => {
    const io = captureIo(process.env);
    expect(await runCli(["train", "--word", "hey nova", "--out", join(work, "x")], io)).toBe(2);
    expect(io.err()).toContain("give --synth N, --positives DIR, or both");
  });
});
