import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeWav } from "@wakeforge/audio";
import { initBackend } from "@wakeforge/core";
import { createEspeakNgEngine } from "@wakeforge/synth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobSpecInput } from "@wakeforge/jobs";
import { openSqliteQueue } from "@wakeforge/jobs/node";
import { runCli } from "../cli.js";
import { startJobRun } from "../jobs/job-run.js";
import { captureIo } from "../test-capture-io.js";

const work = mkdtempSync(join(tmpdir(), "wakeforge-pretrain-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(async () => {
  await initBackend("wasm");
});

describe("wakeforge pretrain, then train --base", () => {
  it("synthesizes a word corpus, pre-trains on it, and a head transfers from the result", async () => {
    const corpus = join(work, "corpus");
    const network = join(work, "word-network");
    const pre = captureIo({ ...process.env, WAKEFORGE_DATA_DIR: join(work, "data") });
    const preCode = await runCli(
      [
        "pretrain",
        "--corpus",
        corpus,
        "--synth-voices",
        "6",
        "--words",
        "yes,no,up,down",
        "--epochs",
        "3",
        "--out",
        network,
        "--json",
      ],
      pre,
    );
    expect(preCode, pre.err()).toBe(0);
    const summary = JSON.parse(pre.out()) as {
      words: number;
      voices: number;
      heldOutVoices: number;
      accuracy: number;
    };
    expect(summary).toMatchObject({ words: 4, voices: 6 });
    expect(summary.heldOutVoices).toBeGreaterThan(0);
    expect(readdirSync(corpus).sort()).toEqual(["down", "no", "up", "yes"]);
    expect(readdirSync(join(corpus, "yes"))).toHaveLength(6);
    const manifest = JSON.parse(readFileSync(join(network, "wakeforge.json"), "utf8")) as {
      kind: string;
      extra: { wordNetwork: { classes: string[] } };
    };
    expect(manifest.kind).toBe("base");
    expect(manifest.extra.wordNetwork.classes).toEqual(["down", "no", "up", "yes", "_no_word_"]);

    // Transfer from it; the model directory carries the network it was trained on.
    const out = join(work, "hey-nova");
    const io = captureIo({ ...process.env, WAKEFORGE_DATA_DIR: join(work, "data") });
    const code = await runCli(
      [
        "train",
        "--word",
        "hey nova",
        "--synth",
        "8",
        "--base",
        network,
        "--epochs",
        "2",
        "--negative-minutes",
        "1",
        "--background-minutes",
        "0",
        "--out",
        out,
        "--json",
      ],
      io,
    );
    expect(code, io.err()).toBe(0);
    const head = JSON.parse(readFileSync(join(out, "wakeforge.json"), "utf8")) as {
      base: { id: string };
    };
    expect(head.base.id).toBe("word-network");
    expect(readdirSync(join(out, "base")).sort()).toEqual([
      "model.json",
      "wakeforge.json",
      "weights.bin",
    ]);

    // The directory alone is enough to listen.
    const clip = await createEspeakNgEngine().synthesize({ text: "hey nova", voiceId: "en-us" });
    const audio = join(work, "hey-nova.wav");
    writeFileSync(audio, encodeWav(clip.samples, clip.sampleRateHz));
    const detect = captureIo(process.env);
    expect(await runCli(["detect", "--model", out, "--scores", "--json", audio], detect)).toBe(0);
    expect(detect.out().trim().split("\n").length).toBeGreaterThan(0);

    // A directory that is not a word network is refused with its name.
    const wrong = captureIo({ ...process.env, WAKEFORGE_DATA_DIR: join(work, "data") });
    const wrongCode = await runCli(
      ["train", "--word", "hey nova", "--synth", "8", "--base", out, "--out", join(work, "x")],
      wrong,
    );
    expect(wrongCode).not.toBe(0);
    expect(wrong.err()).toContain(`${out}: holds a head model, not a pre-trained word network`);
  }, 300_000);

  it("runs as a job on a worker, and a train job transfers from the base it wrote", async () => {
    const corpus = join(work, "corpus"); // synthesized by the first test
    const queue = openSqliteQueue(join(work, "queue.sqlite"));
    const run = async (input: JobSpecInput) => {
      const { id } = await queue.submit(input);
      const job = await queue.claim("w1", { leaseMs: 60_000, backend: "wasm" });
      const settings = {
        workerId: "w1",
        backend: "wasm",
        dataDir: join(work, "data"),
        heartbeatMs: 1000,
      };
      const finished = await startJobRun(job!, { ...settings, say: () => {} }).finished;
      return { finished, record: await queue.get(id) };
    };
    try {
      const base = join(work, "job-base");
      const pre = await run({ kind: "pretrain", corpus, out: base, epochs: 1 });
      expect(pre.finished, JSON.stringify(pre.record?.error)).toBe("completed");
      const manifest = JSON.parse(readFileSync(join(base, "wakeforge.json"), "utf8")) as {
        kind: string;
        extra: { wordNetwork: { classes: string[]; epochs: number } };
      };
      expect(manifest.kind).toBe("base");
      expect(manifest.extra.wordNetwork).toMatchObject({
        classes: ["down", "no", "up", "yes", "_no_word_"],
        epochs: 1,
      });

      const out = join(work, "job-head");
      const small = { synth: 8, epochs: 1, negativeMinutes: 1, backgroundMinutes: 0 };
      const trained = await run({ kind: "train", word: "hey nova", base, out, ...small });
      expect(trained.finished, JSON.stringify(trained.record?.error)).toBe("completed");
      const head = JSON.parse(readFileSync(join(out, "wakeforge.json"), "utf8")) as {
        base: { id: string };
      };
      expect(head.base.id).toBe("word-network");
    } finally {
      await queue.close();
    }
  }, 300_000);

  it("--synth-sounds writes a corpus of non-speech sounds and pre-trains on it", async () => {
    const corpus = join(work, "sounds");
    const io = captureIo({ ...process.env, WAKEFORGE_DATA_DIR: join(work, "data") });
    const args = ["pretrain", "--corpus", corpus, "--synth-sounds", "3", "--epochs", "1"];
    const code = await runCli([...args, "--out", join(work, "sound-network"), "--json"], io);
    expect(code, io.err()).toBe(0);
    const summary = JSON.parse(io.out()) as { words: number; voices: number };
    expect(summary).toMatchObject({ words: readdirSync(corpus).length, voices: 3 });
    expect(readdirSync(join(corpus, "tone_low"))).toHaveLength(6);

    const both = captureIo(process.env);
    const bothCode = await runCli([...args, "--synth-voices", "4", "--out", join(work, "y")], both);
    expect(bothCode).toBe(2);
    expect(both.err()).toContain("--synth-voices and --synth-sounds");
  }, 300_000);

  it("shows one progress bar for synthesis and pre-training together", async () => {
    const io = captureIo({ ...process.env, WAKEFORGE_DATA_DIR: join(work, "data") });
    const code = await runCli(
      [
        "pretrain",
        "--corpus",
        join(work, "tiny"),
        "--synth-voices",
        "2",
        "--words",
        "yes,no",
        "--epochs",
        "1",
        "--out",
        join(work, "tiny-network"),
      ],
      io,
    );
    expect(code, io.err()).toBe(0);
    const lines = io
      .err()
      .split("\n")
      .filter((line) => /^\[\d+%\]/.test(line));
    const done = lines.filter((line) => line.startsWith("[100%]"));
    // Synthesis is the first part of the bar; only the end of pre-training is 100 %.
    expect(done.length).toBeGreaterThan(0);
    expect(done.every((line) => line.includes("pre-training"))).toBe(true);
  }, 300_000);
});
