// End to end, Evaluate and Export: a small model trained in the page (Train tab), background
// music and a hum uploaded after it, then the Evaluate tab measures the newest model on held-out audio (DET
// drawn, worst mistakes first, one clip played, a budget recalibrated) and the Export tab's two
// downloads are caught through Playwright's download event and checked outside the dashboard:
// the ONNX head in onnxruntime-node against the tfjs head on the same embeddings, the tfjs zip
// loaded by core, and the page's snippet run as written. Screenshots go to test-results/.
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { decodeWav, encodeWav } from "@wakeforge/audio";
import type * as Core from "@wakeforge/core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EvaluationReport, EvaluationStatus } from "../lib/evaluation/evaluation-types";
import type { Sample, TrainedModel } from "../lib/store/types";
import { toneWav } from "../lib/test-audio";
import { speakerIdOf } from "../lib/training/training-data";
import {
  createProject,
  launchChromium,
  resultsDir,
  screenshot,
  SERVER_START_MILLIS,
  startDashboard,
  synthesizeAndWait,
  type RunningDashboard,
} from "./e2e-harness";

const run = promisify(execFile);

let dashboard: RunningDashboard | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
let baseUrl = "";
let projectId = "";
let model: TrainedModel;
/** Fresh for the run, removed after it: the server's data and the downloads. */
const workDir = mkdtempSync(join(tmpdir(), "wakeforge-eval-e2e-"));
const dataDir = join(workDir, "data");
const downloads = join(workDir, "downloads");
/** Seconds of background music and hum uploaded after training. */
const MUSIC_SECONDS = 30;
const HUM_SECONDS = 5;

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`);
  if (!response.ok)
    throw new Error(`GET ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const modelPath = () => `/api/projects/${projectId}/models/${model.id}`;
const modelDir = () => join(dataDir, "projects", projectId, "models", model.id);

beforeAll(async () => {
  dashboard = await startDashboard(dataDir);
  baseUrl = dashboard.baseUrl;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  mkdirSync(downloads, { recursive: true });
}, SERVER_START_MILLIS + 30_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await dashboard?.stop();
  rmSync(workDir, { recursive: true, force: true });
}, 20_000);

describe("a model trained in the page, evaluated and exported", () => {
  let report: EvaluationReport;

  it("trains a small model on the Train tab and adds background after it", async () => {
    projectId = await createProject(baseUrl, "hey nova");
    const p = page!;
    await p.goto(`${baseUrl}/projects/${projectId}/evaluate`);
    expect(await p.textContent('[data-testid="evaluate-empty"]')).toContain("No model yet");

    await synthesizeAndWait(baseUrl, projectId, { positives: 8, negatives: 8 });
    await p.goto(`${baseUrl}/projects/${projectId}/train`);
    await p.fill('[data-testid="training-epochs"]', "3");
    await p.check('[data-testid="training-transfer-only"]');
    await p.click(".more-settings summary");
    await p.fill('[data-testid="training-ensemble"]', "2");
    await p.fill('[data-testid="training-noise-seconds"]', "2");
    await p.click('[data-testid="training-start"]');
    await p.waitForSelector('[data-testid="training-run"][data-status="done"]', {
      timeout: 120_000,
    });
    [model] = (await getJson<{ models: TrainedModel[] }>(`/api/projects/${projectId}/models`))
      .models as [TrainedModel];
    expect(model.trainedIn).toBe("browser");

    // Music the model has never heard, from core's own negative-audio generator.
    const core = (await import("@wakeforge/core")) as typeof Core;
    const [music] = await core.generateNegativeAudio({
      outDir: workDir,
      minutes: MUSIC_SECONDS / 60,
      kinds: ["music"],
      seed: 7,
    });
    const form = new FormData();
    form.set("label", "background");
    form.set("source", "uploaded");
    form.append("file", new Blob([readFileSync(music!.path)]), "music.wav");
    // And a short hum, joined in memory where the music is streamed from its file.
    form.append("file", new Blob([toneWav(HUM_SECONDS, 16_000, 120) as BlobPart]), "hum.wav");
    const uploaded = await fetch(`${baseUrl}/api/projects/${projectId}/samples`, {
      method: "POST",
      body: form,
    });
    expect(uploaded.status).toBe(201);
  }, 240_000);

  it("evaluates the newest model on held-out audio: DET drawn, worst mistakes first", async () => {
    const p = page!;
    await p.goto(`${baseUrl}/projects/${projectId}/evaluate`);
    expect(await p.getAttribute('[data-testid="tab-evaluate"]', "aria-current")).toBe("page");
    expect(await p.inputValue('[data-testid="evaluate-model"]')).toBe(model.id);
    await screenshot(p, "evaluate-ready.png");
    await p.click('[data-testid="evaluate-start"]');
    await p.waitForSelector(
      '[data-testid="evaluation-progress"], [data-testid="evaluation-report"]',
    );
    await screenshot(p, "evaluate-running.png");
    // The server answers while it evaluates, with progress that only moves forward.
    const fractions: number[] = [];
    let status: EvaluationStatus;
    for (;;) {
      ({ run: status } = await getJson<{ run: EvaluationStatus }>(`${modelPath()}/evaluation`));
      fractions.push(status.fraction);
      if (status.state !== "running") break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(status.state).toBe("succeeded");
    expect(fractions.some((f) => f > 0 && f < 1)).toBe(true);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    await p.waitForSelector(`[data-testid="evaluation-report"][data-model-id="${model.id}"]`, {
      timeout: 30_000,
    });
    report = status.report!;

    // Held out means by voices the model never trained on, as its training record says.
    const record = await getJson<{ split: { trainSpeakers: string[] } }>(
      `${modelPath()}/files/metrics.json`,
    );
    const trained = new Set(record.split.trainSpeakers);
    const { samples } = await getJson<{ samples: Sample[] }>(`/api/projects/${projectId}/samples`);
    const heldOut = samples.filter((s) => s.label !== "background" && !trained.has(speakerIdOf(s)));
    expect(heldOut.length).toBeGreaterThan(0);
    expect(report.samples.map((s) => s.sampleId).sort()).toEqual(heldOut.map((s) => s.id).sort());
    expect(report.recall.total).toBe(heldOut.filter((s) => s.label === "positive").length);
    expect(report.leftOut.trainedVoices).toBe(
      samples.filter((s) => s.label !== "background").length - heldOut.length,
    );
    // The background streamed as long audio, with the held-out negatives: false accepts per hour.
    // Joined clips sit between room tone: 2 s while the 16-embedding window fills, 1 s after.
    expect(report.streamRoomTone.beforeSeconds).toBeCloseTo(2, 6);
    expect(report.streamRoomTone.afterSeconds).toBeCloseTo(1, 6);
    expect(report.streamSeconds.noise).toBeCloseTo(MUSIC_SECONDS + HUM_SECONDS + 2 + 1, 1);
    expect(report.falseAccepts.hours * 3600).toBeCloseTo(
      report.streamSeconds.noise + report.streamSeconds.speech,
      1,
    );
    expect(report.threshold).toBeCloseTo(model.threshold, 6);
    expect(report.thresholdSetBy).toContain("held-out negative clips");

    // The page shows the same numbers, and the DET picture with its operating point.
    expect(await p.textContent('[data-testid="evaluation-threshold"]')).toBe(
      model.threshold.toFixed(3),
    );
    expect(await p.textContent('[data-testid="evaluation-recall"]')).toBe(
      `${Math.round(100 * report.recall.recall)} %`,
    );
    const det = p.locator('[data-testid="det-curve"] svg');
    expect(
      Number(await p.getAttribute('[data-testid="det-curve"]', "data-points")),
    ).toBeGreaterThan(2);
    const drawn = await det
      .locator("polyline.det, polyline.det-zero")
      .evaluateAll((lines) => lines.map((l) => (l.getAttribute("points") ?? "").split(" ").length));
    expect(drawn.reduce((a, b) => a + b, 0)).toBeGreaterThan(2);
    expect(await det.locator("circle.operating-point").count()).toBe(1);

    // Worst first: missed positives lowest, negatives that fired highest.
    const rows = await p.locator('[data-testid="score-row"]').evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute("data-sample-id") ?? "",
        label: tr.getAttribute("data-label") ?? "",
        score: Number(tr.getAttribute("data-score")),
      })),
    );
    expect(rows.map((r) => r.id)).toEqual(report.samples.map((s) => s.sampleId));
    const margins = rows.map((r) =>
      r.label === "positive" ? r.score - report.threshold : report.threshold - r.score,
    );
    for (let i = 1; i < margins.length; i += 1) {
      expect(margins[i]!).toBeGreaterThanOrEqual(margins[i - 1]! - 1e-6);
    }
    await screenshot(p, "evaluate-report.png");
  }, 180_000);

  it("plays the worst mistake", async () => {
    const p = page!;
    const first = p.locator('[data-testid="score-row"]').first();
    const id = await first.getAttribute("data-sample-id");
    const audio = p.waitForResponse((r) => r.url().endsWith(`/samples/${id}/audio`) && r.ok());
    await first.locator('[data-testid="score-play"]').click();
    expect((await audio).headers()["content-type"]).toBe("audio/wav");
    await p.waitForSelector(
      `[data-testid="score-row"][data-sample-id="${id}"] [data-testid="score-play"][data-playing="true"]`,
    );
    await screenshot(p, "evaluate-playing.png");
  });

  it("recalibrates to a budget of no false accepts on the streamed audio", async () => {
    const p = page!;
    await p.check('[data-testid="threshold-budget"]');
    await p.fill('[data-testid="threshold-budget-value"]', "0");
    await p.click('[data-testid="evaluate-start"]');
    await p.waitForFunction(
      () =>
        document.querySelector('[data-testid="evaluation-threshold"] + .stat-note')?.textContent ===
        "calibrated here",
      undefined,
      { timeout: 120_000 },
    );
    const { run: status } = await getJson<{ run: EvaluationStatus }>(`${modelPath()}/evaluation`);
    const budget = status.report!;
    expect(budget.thresholdSource).toBe("target");
    expect(budget.falseAccepts.count).toBe(0);
    expect(budget.streamFalseAccepts).toHaveLength(0);
    // The lowest such threshold: just above the highest score the streamed negatives reached.
    expect(budget.threshold).toBeGreaterThan(0);
    expect(budget.thresholdSetBy).toContain("at most 0 false accepts per hour");
    await screenshot(p, "evaluate-budget.png");
  }, 150_000);

  it("downloads the tfjs model and the ONNX head, which score alike outside the dashboard", async () => {
    const p = page!;
    await p.goto(`${baseUrl}/projects/${projectId}/export`);
    expect(await p.inputValue('[data-testid="export-model"]')).toBe(model.id);
    await screenshot(p, "export.png");
    const save = async (testId: string) => {
      const [download] = await Promise.all([
        p.waitForEvent("download"),
        p.click(`[data-testid="${testId}"]`),
      ]);
      const path = join(downloads, download.suggestedFilename());
      await download.saveAs(path);
      return { name: download.suggestedFilename(), path };
    };
    const zip = await save("export-tfjs");
    const onnx = await save("export-onnx");
    expect(zip.name).toBe("hey-nova-tfjs.zip");
    expect(onnx.name).toBe("hey-nova.onnx");

    // The zip is the model directory in a folder named after the phrase, byte for byte.
    execFileSync("unzip", ["-q", zip.path, "-d", downloads]);
    const folder = join(downloads, "hey-nova");
    for (const file of ["model.json", "weights.bin", "wakeforge.json", "metrics.json"]) {
      expect(readFileSync(join(folder, file)).equals(readFileSync(join(modelDir(), file)))).toBe(
        true,
      );
    }
    const core = (await import("@wakeforge/core")) as typeof Core;
    await core.initBackend("auto");
    const { model: head, manifest } = await core.loadModelDirectory(folder);
    expect(manifest.phrase).toBe("hey nova");
    expect(manifest.threshold).toBeCloseTo(model.threshold, 6);

    // The same embeddings (a held-out positive, every 16-embedding window) through both heads.
    const embedder = new core.Embedder(
      core.fullyConvolutionalBase(await core.loadSpeechEmbeddingBase()),
    );
    const positive = report.samples.find((s) => s.label === "positive")!;
    const wav = decodeWav(
      new Uint8Array(
        readFileSync(join(dataDir, "projects", projectId, "samples", `${positive.sampleId}.wav`)),
      ),
    );
    const padded = new Float32Array(32_000 + wav.samples.length + 16_000);
    padded.set(wav.samples, 32_000);
    const embeddings = embedder.embedClip(padded);
    const windows = embeddings.count - 15;
    expect(windows).toBeGreaterThan(5);
    const batch = new Float32Array(windows * 16 * embeddings.dims);
    for (let w = 0; w < windows; w += 1) {
      batch.set(
        embeddings.values.subarray(w * embeddings.dims, (w + 16) * embeddings.dims),
        w * 16 * embeddings.dims,
      );
    }
    // core's own scoring runs the tfjs head over exactly these windows (steps 15, 16, …).
    const steps = core
      .scoreClip(embedder, [{ name: "hey nova", model: head, policy: { threshold: 0.5 } }], padded)
      .steps.filter((step) => step.scores["hey nova"] !== undefined);
    expect(steps).toHaveLength(windows);
    const tfjsScores = steps.map((step) => step.scores["hey nova"] ?? Number.NaN);
    const ort = await import("onnxruntime-node");
    const session = await ort.InferenceSession.create(readFileSync(onnx.path));
    expect(session.inputNames).toEqual(["embeddings"]);
    const output = await session.run({
      embeddings: new ort.Tensor("float32", batch, [windows, 16, embeddings.dims]),
    });
    const onnxScores = output.score!.data as Float32Array;
    expect(onnxScores.length).toBe(windows);
    let worst = 0;
    for (let i = 0; i < windows; i += 1) {
      worst = Math.max(worst, Math.abs((onnxScores[i] ?? 0) - (tfjsScores[i] ?? 0)));
    }
    expect(worst).toBeLessThan(1e-5);
    // Not a constant: the head tells windows apart.
    expect(Math.max(...tfjsScores) - Math.min(...tfjsScores)).toBeGreaterThan(1e-4);
    head.dispose();
  }, 120_000);

  it("runs the page's snippet as written on the download", async () => {
    const p = page!;
    const snippet = (await p.textContent('[data-testid="usage-snippet"]')) ?? "";
    expect(snippet).toContain('loadModelDirectory("./hey-nova")');
    // Beside the dashboard's node_modules, so "@wakeforge/core" resolves as in an app.
    const dir = join(resultsDir, "snippet");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "detect.mjs"), snippet);
    execFileSync("unzip", ["-q", join(downloads, "hey-nova-tfjs.zip"), "-d", dir]);
    // The positive the model scored highest, after 2 s of quiet (a head hears 1.3 s windows).
    const [bestPositive] = report.samples
      .filter((s) => s.label === "positive")
      .sort((a, b) => b.maxScore - a.maxScore);
    const wav = decodeWav(
      new Uint8Array(
        readFileSync(
          join(dataDir, "projects", projectId, "samples", `${bestPositive!.sampleId}.wav`),
        ),
      ),
    );
    const audio = new Float32Array(32_000 + wav.samples.length + 16_000);
    audio.set(wav.samples, 32_000);
    writeFileSync(join(dir, "clip.wav"), encodeWav(audio, 16_000));
    // A threshold just under the clip's best score, so the snippet must print a wake (a small
    // model may not reach its calibrated one); the snippet reads it from wakeforge.json.
    const core = (await import("@wakeforge/core")) as typeof Core;
    const manifestPath = join(dir, "hey-nova", "wakeforge.json");
    const { model: head, manifest } = await core.loadModelDirectory(join(dir, "hey-nova"));
    const embedder = new core.Embedder(
      core.fullyConvolutionalBase(await core.loadSpeechEmbeddingBase()),
    );
    const listen = (threshold: number) =>
      new core.StreamingDetector(embedder, [
        { name: manifest.phrase!, model: head, policy: { threshold } },
      ]).push(audio);
    const best = Math.max(...listen(1).steps.map((step) => step.scores["hey nova"] ?? 0));
    const threshold = Math.max(0, best - 1e-3);
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, threshold }, null, 2));

    const { stdout, stderr } = await run(process.execPath, ["detect.mjs", "clip.wav"], {
      cwd: dir,
      timeout: 90_000,
    });
    expect(stderr).not.toMatch(/Error/);
    // What the snippet printed is what core's detector finds in the same audio.
    const expected = listen(threshold).detections.map(
      (wake) => `${wake.head} at ${wake.timeSeconds.toFixed(2)} s (score ${wake.score.toFixed(3)})`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(stdout.trim().split("\n")).toEqual(expected);
    head.dispose();
  }, 120_000);

  it("names a missing or corrupt model file instead of exporting or evaluating it", async () => {
    writeFileSync(join(modelDir(), "wakeforge.json"), "{ not json");
    const corrupt = await fetch(`${baseUrl}${modelPath()}/export/tfjs`);
    expect(corrupt.status).toBe(422);
    const corruptBody = (await corrupt.json()) as { error: { code: string; message: string } };
    expect(corruptBody.error.code).toBe("MODEL_FILE_CORRUPT");
    expect(corruptBody.error.message).toMatch(/wakeforge\.json: is not valid JSON/);

    unlinkSync(join(modelDir(), "weights.bin"));
    writeFileSync(
      join(modelDir(), "wakeforge.json"),
      readFileSync(join(downloads, "hey-nova", "wakeforge.json")),
    );
    const missing = await fetch(`${baseUrl}${modelPath()}/export/onnx`);
    expect(missing.status).toBe(404);
    const missingBody = (await missing.json()) as { error: { code: string; message: string } };
    expect(missingBody.error.code).toBe("MODEL_FILE_MISSING");
    expect(missingBody.error.message).toContain("weights.bin");

    const p = page!;
    await p.goto(`${baseUrl}/projects/${projectId}/evaluate`);
    await p.check('[data-testid="threshold-model"]');
    await p.click('[data-testid="evaluate-start"]');
    await p.waitForSelector('[data-testid="evaluation-failed"]', { timeout: 60_000 });
    expect(await p.textContent('[data-testid="evaluation-failed"]')).toContain("weights.bin");
    await screenshot(p, "evaluate-missing-file.png");

    // With every held-out positive moved to the negatives, there is nothing to measure recall on.
    for (const positive of report.samples.filter((s) => s.label === "positive")) {
      const moved = await fetch(
        `${baseUrl}/api/projects/${projectId}/samples/${positive.sampleId}`,
        {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ label: "negative" }),
        },
      );
      expect(moved.status).toBe(200);
    }
    const refused = await fetch(`${baseUrl}${modelPath()}/evaluation`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      "NO_HELD_OUT_POSITIVES",
    );
  }, 90_000);
});
