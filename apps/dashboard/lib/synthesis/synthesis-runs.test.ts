// Real speech engines (Flite runs in-process as WebAssembly; espeak-ng too where installed).
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../store/test-store";
import { parseSynthesisRequest } from "./synthesis-request";
import {
  SynthesisBusyError,
  cancelSynthesis,
  startSynthesis,
  stopSynthesis,
  synthesisStatus,
} from "./synthesis-runs";
import type { SynthesisStatus } from "./synthesis-status";

let current: TestStore | undefined;
const started: string[] = [];
afterEach(async () => {
  for (const projectId of started.splice(0)) await stopSynthesis(projectId);
  current?.dispose();
});

async function settled(projectId: string, timeoutMs = 60_000): Promise<SynthesisStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = synthesisStatus(projectId);
    if (status && status.state !== "running") return status;
    if (Date.now() > deadline) throw new Error(`still running: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function projectFor(phrase: string) {
  current = createTestStore();
  const project = await current.store.createProject({ phrase });
  started.push(project.id);
  return { store: current.store, dataDir: current.dataDir, project };
}

describe("synthesis runs", () => {
  it("synthesizes positives and negatives into the project as samples", async () => {
    const { store, dataDir, project } = await projectFor("hey nova");
    // A folder left by a server that stopped mid-run is cleared by the next run.
    const stale = join(dataDir, "projects", project.id, "synthesis-0000000000000000");
    mkdirSync(stale);
    writeFileSync(join(stale, "half.wav.partial"), "x");

    const first = await startSynthesis(store, project.id, { positives: 2, negatives: 2 });
    expect(first).toMatchObject({ state: "running", total: 4, done: 0, finishedAt: null });
    const done = await settled(project.id);
    expect(done).toMatchObject({ state: "succeeded", done: 4, error: null });
    expect(done.added.positive + done.added.negative).toBe(4 - done.failed);

    const samples = store.listSamples(project.id);
    expect(samples).toHaveLength(4 - done.failed);
    for (const sample of samples) {
      expect(sample.source).toBe("synthesized");
      expect(done.engines).toContain(sample.engine);
      expect(sample.voice).toBeTruthy();
      expect(sample.text).toBeTruthy();
      expect(sample.sampleRateHz).toBe(16_000);
      expect(existsSync(store.sampleFile(project.id, sample.id))).toBe(true);
    }
    const positives = samples.filter((s) => s.label === "positive");
    expect(positives.length).toBe(done.added.positive);
    for (const p of positives) expect(p.text?.toLowerCase()).toContain("hey nova");
    // Only the samples folder remains: the run folder and the stale one are gone.
    expect(readdirSync(join(dataDir, "projects", project.id))).toEqual(["samples"]);
  });

  it("keeps what a cancelled run made", async () => {
    const { store, project } = await projectFor("ok computer");
    await startSynthesis(store, project.id, { positives: 60, negatives: 0 });
    const deadline = Date.now() + 30_000;
    while ((synthesisStatus(project.id)?.done ?? 0) < 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(cancelSynthesis(project.id)?.state).toBe("running");
    const done = await settled(project.id);
    expect(done.state).toBe("cancelled");
    expect(done.added.positive).toBeGreaterThan(0);
    expect(done.added.positive).toBeLessThan(60);
    expect(store.countSamples(project.id).positive.count).toBe(done.added.positive);
  });

  it("runs one synthesis per project at a time", async () => {
    const { store, project } = await projectFor("hello there");
    await startSynthesis(store, project.id, { positives: 20, negatives: 0 });
    await expect(startSynthesis(store, project.id, { positives: 1, negatives: 0 })).rejects.toThrow(
      SynthesisBusyError,
    );
    await stopSynthesis(project.id);
    expect(synthesisStatus(project.id)).toBeNull();
  });
});

describe("parseSynthesisRequest", () => {
  it("accepts counts from 0 to 500, at least one clip in all", () => {
    expect(parseSynthesisRequest({ positives: 5, negatives: 0 })).toEqual({
      positives: 5,
      negatives: 0,
    });
    expect(() => parseSynthesisRequest({ positives: 0, negatives: 0 })).toThrow(
      "ask for at least one clip (positives or negatives above 0)",
    );
    expect(() => parseSynthesisRequest({ positives: 2.5, negatives: 1 })).toThrow(
      "positives must be a whole number from 0 to 500, got 2.5",
    );
    expect(() => parseSynthesisRequest({ positives: 1, negatives: 501 })).toThrow(
      "negatives must be a whole number from 0 to 500, got 501",
    );
    expect(() => parseSynthesisRequest([])).toThrow(/send a JSON object/);
  });
});
