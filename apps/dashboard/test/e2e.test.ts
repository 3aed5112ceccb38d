// End to end: the production build served by `next start` (through the package's start
// script) with a fresh data directory, driven in headless Chromium with a fake microphone: the
// System page checked against GET /api/status, then a project's life (create, synthesize, play,
// move, delete samples, a refused upload, a recording, rename, delete), then training in the
// browser (curves drawn live, the model stored and listed, a cancelled run). Screenshots of each
// step go to test-results/. Needs `next build` output in .next (turbo runs `build` before `test`).
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeWav } from "@wakeforge/audio";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SampleList } from "../lib/client/api-client";
import type { TrainedModel } from "../lib/store/types";
import type { SystemStatus } from "../lib/system-status";
import { toneWav } from "../lib/test-audio";
import {
  launchChromium,
  postJson as postJsonTo,
  resultsDir,
  screenshot,
  SERVER_START_MILLIS,
  startDashboard,
  synthesizeAndWait,
  type RunningDashboard,
} from "./e2e-harness";

let dashboard: RunningDashboard | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
let baseUrl = "";
let api: SystemStatus;
/** The server's data directory: fresh for the run, removed after it. */
const dataDir = mkdtempSync(join(tmpdir(), "wakeforge-e2e-"));
const output = () => dashboard?.output() ?? "";

/** What the fake microphone plays, looped: 0.6 s of quiet, 0.9 s of a two-tone "word", 0.6 s of quiet. */
function fakeMicrophoneWav(): Uint8Array {
  const rate = 48_000;
  const samples = new Float32Array(Math.round(2.1 * rate));
  for (let i = Math.round(0.6 * rate); i < Math.round(1.5 * rate); i += 1) {
    samples[i] =
      0.3 * Math.sin((2 * Math.PI * 440 * i) / rate) +
      0.2 * Math.sin((2 * Math.PI * 1320 * i) / rate);
  }
  return encodeWav(samples, rate);
}

beforeAll(async () => {
  dashboard = await startDashboard(join(dataDir, "data"));
  baseUrl = dashboard.baseUrl;
  const response = await fetch(`${baseUrl}/api/status`);
  api = (await response.json()) as SystemStatus;

  const microphone = join(dataDir, "microphone.wav");
  writeFileSync(microphone, fakeMicrophoneWav());
  browser = await launchChromium(microphone);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, SERVER_START_MILLIS + 30_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await dashboard?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 20_000);

describe("System page, served by next start", () => {
  /** The System page, loaded once and reused by the tests that only read it. */
  async function systemPage(): Promise<Page> {
    const p = page!;
    if (new URL(p.url(), baseUrl).pathname !== "/system") await p.goto(`${baseUrl}/system`);
    return p;
  }

  it("listens on 127.0.0.1 and serves the status as uncached JSON", async () => {
    expect(output()).toContain("127.0.0.1");
    const response = await fetch(`${baseUrl}/api/status`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(api.backend.state).toBe("ready");
    expect(api.runtime.node).toMatch(/^v\d+\./);
  });

  it("redirects / to the Projects page", async () => {
    const response = await fetch(`${baseUrl}/`, { redirect: "manual" });
    expect([307, 308]).toContain(response.status);
    expect(new URL(response.headers.get("location") ?? "", baseUrl).pathname).toBe("/projects");
  });

  it("shows the same backend report as the API", async () => {
    const p = page!;
    await p.goto(`${baseUrl}/system`, { waitUntil: "load" });
    expect(new URL(p.url()).pathname).toBe("/system");
    expect(await p.title()).toBe("System · wakeforge");
    expect(await p.getAttribute('nav a[aria-current="page"]', "href")).toBe("/system");

    if (api.backend.state !== "ready")
      throw new Error(`backend did not start: ${JSON.stringify(api.backend)}`);
    const report = api.backend.report;
    expect(await p.textContent('[data-testid="server-backend"]')).toBe(report.backend);
    expect(await p.textContent('[data-testid="server-tf-backend"]')).toBe(report.tfBackend);
    for (const [key, value] of Object.entries(report.details)) {
      const shown = typeof value === "boolean" ? (value ? "yes" : "no") : String(value);
      expect(await p.textContent(`[data-testid="server-detail-${key}"]`)).toBe(shown);
    }
    const rows = p.locator('[data-testid="server-ladder-row"]');
    expect(await rows.count()).toBe(api.backend.order.length);
    expect(
      await p.getAttribute(
        `[data-testid="server-ladder-row"][data-backend="${report.backend}"]`,
        "data-state",
      ),
    ).toBe("in use");
    for (const skipped of report.skipped) {
      const row = p.locator(`[data-testid="server-ladder-row"][data-backend="${skipped.backend}"]`);
      expect(await row.getAttribute("data-state")).toBe("skipped");
      expect(await row.locator('[data-testid="server-ladder-reason"]').textContent()).toBe(
        skipped.reason,
      );
    }
  });

  it("shows the runtime and the programs the API reports", async () => {
    const p = await systemPage();
    expect(await p.textContent('[data-testid="node-version"]')).toBe(api.runtime.node);
    expect(await p.textContent('[data-testid="cpu-count"]')).toBe(String(api.runtime.cpuCount));
    expect(await p.textContent('[data-testid="data-dir-path"]')).toBe(api.dataDir.path);
    for (const program of api.programs) {
      const row = p.locator(`[data-testid="program-row"][data-program="${program.name}"]`);
      expect(await row.getAttribute("data-found")).toBe(String(program.found));
      if (program.path) expect(await row.textContent()).toContain(program.path);
    }
  });

  it("checks the browser's own backends", async () => {
    const p = await systemPage();
    await p.waitForSelector('[data-testid="browser-panel"][data-state="done"]', {
      timeout: 15_000,
    });
    const rows = p.locator('[data-testid="browser-ladder-row"]');
    expect(await rows.count()).toBe(api.browserBackendOrder.length);
    // Chromium always has WebAssembly, and the plain cpu backend always works.
    expect(
      await p.getAttribute(
        '[data-testid="browser-ladder-row"][data-backend="wasm"]',
        "data-supported",
      ),
    ).toBe("true");
    expect(
      await p.getAttribute(
        '[data-testid="browser-ladder-row"][data-backend="cpu"]',
        "data-supported",
      ),
    ).toBe("true");
    const chosen = await p.textContent('[data-testid="browser-backend"]');
    expect(api.browserBackendOrder).toContain(chosen);

    await screenshot(p, "system.png");
  });

  it("shows an empty queue on the Jobs page before anything was queued", async () => {
    const p = page!;
    await p.goto(`${baseUrl}/jobs`);
    await p.waitForSelector('[data-testid="jobs-empty"]');
    expect(await p.getAttribute('[data-testid="embedded-worker"]', "data-state")).toBe("off");
    expect(await p.getAttribute('nav a[aria-current="page"]', "href")).toBe("/jobs");
  });
});

describe("a project's data, in the browser", () => {
  let projectId = "";

  async function samplesFromApi(): Promise<SampleList> {
    const response = await fetch(`${baseUrl}/api/projects/${projectId}/samples`);
    expect(response.status).toBe(200);
    return (await response.json()) as SampleList;
  }

  /** The four counts the page shows, as numbers. */
  async function countsOnPage(p: Page) {
    const read = async (label: string) =>
      Number(await p.textContent(`[data-testid="count-${label}"]`));
    return {
      positive: await read("positive"),
      negative: await read("negative"),
      background: await read("background"),
      total: await read("total"),
    };
  }

  /** Waits until the page shows the counts the API reports, then returns them. */
  async function countsAgree(p: Page): Promise<SampleList> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const list = await samplesFromApi();
      const expected = {
        positive: list.counts.positive.count,
        negative: list.counts.negative.count,
        background: list.counts.background.count,
        total: list.counts.total,
      };
      const shown = await countsOnPage(p);
      const rows = await p.locator('[data-testid="sample-row"]').count();
      if (JSON.stringify(shown) === JSON.stringify(expected) && rows === list.samples.length) {
        return list;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `page shows ${JSON.stringify(shown)} in ${rows} rows; the API ${JSON.stringify(expected)}`,
        );
      }
      await p.waitForTimeout(100);
    }
  }

  function sampleFiles(): string[] {
    return readdirSync(join(dataDir, "data", "projects", projectId, "samples"));
  }

  it("creates a project from a phrase", async () => {
    const p = page!;
    await p.goto(`${baseUrl}/projects`);
    expect(await p.textContent('[data-testid="empty-state"] h2')).toBe("No projects yet");
    await screenshot(p, "projects-empty.png");

    await p.fill('[data-testid="phrase-input"]', "hey nova");
    await p.click('[data-testid="create-project"]');
    await p.waitForURL(/\/projects\/[0-9a-z]{16}$/);
    projectId = new URL(p.url()).pathname.split("/").pop() ?? "";
    expect(await p.textContent('[data-testid="project-name"]')).toBe("hey nova");
    expect(await p.getAttribute('[data-testid="tab-data"]', "aria-current")).toBe("page");
    expect(await countsOnPage(p)).toEqual({ positive: 0, negative: 0, background: 0, total: 0 });
    await screenshot(p, "project-created.png");

    // The same phrase again, spelled differently, is refused with a message.
    await p.goto(`${baseUrl}/projects`);
    await p.fill('[data-testid="phrase-input"]', "Hey, Nova!");
    await p.click('[data-testid="create-project"]');
    await p.waitForSelector('[data-testid="create-error"]');
    expect(await p.textContent('[data-testid="create-error"]')).toContain(
      'already trains "hey nova"',
    );
    expect(await p.locator('[data-testid="project-row"]').count()).toBe(1);
  });

  it("synthesizes positives and negatives, and lists them with thumbnails", async () => {
    const p = page!;
    await p.goto(`${baseUrl}/projects/${projectId}`);
    await p.fill('[data-testid="synth-positives"]', "3");
    await p.fill('[data-testid="synth-negatives"]', "3");
    await p.click('[data-testid="synth-start"]');
    await p.waitForSelector('[data-testid="synth-status"][data-state="succeeded"]', {
      timeout: 60_000,
    });
    const list = await countsAgree(p);
    expect(list.counts.positive.synthesized).toBeGreaterThan(0);
    expect(list.counts.negative.synthesized).toBeGreaterThan(0);
    expect(list.counts.total).toBe(sampleFiles().length);
    expect(await p.textContent('[data-testid="synth-status"]')).toMatch(
      /Added \d+ positives? and \d+ negatives?/,
    );

    // Every row's waveform (SVG) and log-mel (PNG) drawn by the server have loaded.
    await p.waitForFunction(
      () =>
        Array.from(
          document.querySelectorAll<HTMLImageElement>('[data-testid="sample-row"] img'),
        ).every((img) => img.complete && img.naturalWidth > 0),
      undefined,
      { timeout: 15_000 },
    );
    await screenshot(p, "synthesized.png");
  }, 90_000);

  it("plays a sample from the server", async () => {
    const p = page!;
    const audio = p.waitForResponse((r) => r.url().endsWith("/audio") && r.ok());
    await p.locator('[data-testid="sample-play"]').first().click();
    const response = await audio;
    expect(response.headers()["content-type"]).toBe("audio/wav");
  });

  it("moves a sample from positive to negative, and deletes one", async () => {
    const p = page!;
    const before = await samplesFromApi();
    const positive = p.locator('[data-testid="sample-row"][data-label="positive"]').first();
    const movedId = await positive.getAttribute("data-sample-id");
    await positive.locator('[data-testid="sample-move"]').click();
    await p.waitForSelector(
      `[data-testid="sample-row"][data-sample-id="${movedId}"][data-label="negative"]`,
    );
    const moved = await countsAgree(p);
    expect(moved.counts.positive.count).toBe(before.counts.positive.count - 1);
    expect(moved.counts.negative.count).toBe(before.counts.negative.count + 1);

    const row = p.locator('[data-testid="sample-row"]').first();
    const deletedId = await row.getAttribute("data-sample-id");
    await row.locator('[data-testid="sample-delete"]').click();
    await p.waitForSelector(`[data-testid="sample-row"][data-sample-id="${deletedId}"]`, {
      state: "detached",
    });
    const after = await countsAgree(p);
    expect(after.counts.total).toBe(before.counts.total - 1);
    expect(sampleFiles()).not.toContain(`${deletedId}.wav`);
  });

  it("refuses bad uploads with a message naming each file, and changes nothing", async () => {
    const p = page!;
    const before = await samplesFromApi();
    const filesBefore = sampleFiles().sort();
    const wav = Buffer.from(toneWav(1));
    await p.setInputFiles('[data-testid="upload-input"]', [
      { name: "notes.wav", mimeType: "audio/wav", buffer: Buffer.from("hey nova, a note\n") },
      { name: "empty.mp3", mimeType: "audio/mpeg", buffer: Buffer.alloc(0) },
      { name: "cut.wav", mimeType: "audio/wav", buffer: wav.subarray(0, 5_000) },
    ]);
    await p.waitForSelector('[data-testid="upload-error"]');
    const message = await p.textContent('[data-testid="upload-error"]');
    expect(message).toContain("These 3 files were not added:");
    expect(message).toContain("notes.wav: is text, not audio");
    expect(message).toContain("empty.mp3: file is empty (0 bytes)");
    expect(message).toContain("cut.wav: is a damaged WAV: data chunk claims 32000 bytes");
    const after = await countsAgree(p);
    expect(after.counts).toEqual(before.counts);
    expect(sampleFiles().sort()).toEqual(filesBefore);
    await screenshot(p, "bad-upload.png");
  });

  it("uploads a good file as background", async () => {
    const p = page!;
    const before = await samplesFromApi();
    await p.selectOption('[data-testid="upload-label"]', "background");
    await p.setInputFiles('[data-testid="upload-input"]', [
      { name: "hum.wav", mimeType: "audio/wav", buffer: Buffer.from(toneWav(2, 44_100, 120)) },
    ]);
    await p.waitForSelector('[data-testid="upload-done"]');
    const after = await countsAgree(p);
    expect(after.counts.background.count).toBe(before.counts.background.count + 1);
    expect(after.samples[0]).toMatchObject({
      label: "background",
      source: "uploaded",
      originalName: "hum.wav",
      originalSampleRateHz: 44_100,
      sampleRateHz: 16_000,
    });
  });

  it("records the fake microphone, trims the silence and saves it as a positive", async () => {
    const p = page!;
    const before = await samplesFromApi();
    await p.click('[data-testid="voice-recorder-start"]');
    await p.waitForSelector('[data-testid="voice-recorder"][data-phase="recording"]');
    await p.waitForTimeout(2_500);
    await p.click('[data-testid="voice-recorder-stop"]');
    await p.waitForSelector('[data-testid="recording-preview"]');
    expect(await p.textContent('[data-testid="recording-preview"]')).toMatch(
      /kept of 2\.\d s: the silence around it was cut/,
    );
    await screenshot(p, "recorded.png");
    await p.click('[data-testid="voice-recorder-save"]');
    await p.waitForSelector('[data-testid="voice-recorder"][data-phase="idle"]');
    const after = await countsAgree(p);
    expect(after.counts.positive.count).toBe(before.counts.positive.count + 1);
    expect(after.counts.positive.real).toBe(before.counts.positive.real + 1);
    expect(after.samples[0]).toMatchObject({
      label: "positive",
      source: "recorded",
      sampleRateHz: 16_000,
    });
    expect(after.samples[0]!.durationSeconds).toBeLessThan(2.5);
  }, 30_000);

  it("renames the project, keeping its phrase", async () => {
    const p = page!;
    await p.click('[data-testid="rename-project"]');
    await p.fill('[data-testid="rename-input"]', "Kitchen speaker");
    await p.click('[data-testid="rename-confirm"]');
    await p.waitForFunction(
      () =>
        document.querySelector('[data-testid="project-name"]')?.textContent === "Kitchen speaker",
    );
    expect(await p.textContent('[data-testid="project-phrase"]')).toBe("“hey nova”");
  });

  it("deletes the project after a confirmation, with its files", async () => {
    const p = page!;
    const { counts } = await samplesFromApi();
    await p.click('[data-testid="delete-project"]');
    await p.waitForSelector('[data-testid="delete-dialog"][open]');
    await p.waitForFunction(() =>
      /\d+ samples? \(/.test(
        document.querySelector('[data-testid="delete-dialog"]')?.textContent ?? "",
      ),
    );
    expect(await p.textContent('[data-testid="delete-dialog"]')).toContain(
      `Its ${counts.total} samples`,
    );
    await screenshot(p, "delete-dialog.png");
    await p.click('[data-testid="delete-confirm"]');
    await p.waitForURL(`${baseUrl}/projects`);
    await p.waitForSelector('[data-testid="empty-state"]');
    expect(await p.textContent('[data-testid="empty-state"] h2')).toBe("No projects yet");
    expect(existsSync(join(dataDir, "data", "projects", projectId))).toBe(false);
    const gone = await fetch(`${baseUrl}/api/projects/${projectId}`);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe(
      "PROJECT_NOT_FOUND",
    );
    await screenshot(p, "project-deleted.png");
  });
});

describe("training in the browser", () => {
  let projectId = "";

  const postJson = (path: string, body: unknown) => postJsonTo(baseUrl, path, body);

  async function modelsFromApi(): Promise<TrainedModel[]> {
    const response = await fetch(`${baseUrl}/api/projects/${projectId}/models`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { models: TrainedModel[] }).models;
  }

  it("says how many samples training needs before there are enough", async () => {
    const created = await postJson("/api/projects", { phrase: "hey orion" });
    expect(created.status).toBe(201);
    projectId = ((await created.json()) as { project: { id: string } }).project.id;
    const p = page!;
    await p.goto(`${baseUrl}/projects/${projectId}/train`);
    expect(await p.getAttribute('[data-testid="tab-train"]', "aria-current")).toBe("page");
    expect(await p.textContent('[data-testid="training-shortfall"]')).toContain(
      "Training needs at least 4 positives (the phrase) from at least 2 voices and 4 negatives",
    );
    expect(await p.isDisabled('[data-testid="training-start"]')).toBe(true);
    expect(await p.textContent('[data-testid="model-list-empty"]')).toContain("No model yet");
  });

  it("serves the base network and the wasm binaries for good, and nothing else", async () => {
    const html = await (await fetch(`${baseUrl}/projects/${projectId}/train`)).text();
    const base = /\/api\/runtime-files\/base-[0-9a-f]{16}\/embedding_model\.onnx/.exec(html)?.[0];
    expect(base).toBeDefined();
    const response = await fetch(`${baseUrl}${base}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
    const outside = await fetch(
      `${baseUrl}${base!.replace("embedding_model.onnx", "alexa_v0.1.onnx")}`,
    );
    expect(outside.status).toBe(404);
  });

  it("trains a small model, drawing transfer and scratch curves live, and keeps it", async () => {
    await synthesizeAndWait(baseUrl, projectId, { positives: 6, negatives: 6 });

    const p = page!;
    await p.goto(`${baseUrl}/projects/${projectId}/train`);
    expect(await p.locator('[data-testid="training-shortfall"]').count()).toBe(0);
    await p.fill('[data-testid="training-epochs"]', "2");
    await p.click(".more-settings summary");
    // A quick comparison: 16 windows per scratch epoch, 2 s of each generated noise.
    await p.fill('[data-testid="training-scratch-windows"]', "16");
    await p.fill('[data-testid="training-noise-seconds"]', "2");
    await p.click('[data-testid="training-start"]');
    // Live: the page shows progress, then the first transfer point before the run ends.
    await p.waitForSelector('[data-testid="training-progress"] [role="progressbar"]');
    await p.waitForSelector(
      '[data-testid="curves-recallAtFar"] [data-testid="curve-transfer"][data-points="1"], [data-testid="curves-recallAtFar"] [data-testid="curve-transfer"][data-points="2"]',
      {
        state: "attached",
        timeout: 90_000,
      },
    );
    expect(await p.getAttribute('[data-testid="training-run"]', "data-status")).toBe("running");
    await screenshot(p, "training-live.png");
    await p.waitForSelector('[data-testid="training-run"][data-status="done"]', {
      timeout: 90_000,
    });

    for (const chart of ["recallAtFar", "valLoss"]) {
      for (const run of ["transfer", "scratch"]) {
        const curve = p.locator(`[data-testid="curves-${chart}"] [data-testid="curve-${run}"]`);
        expect(await curve.getAttribute("data-points")).toBe("2");
        expect(await curve.locator("path").getAttribute("d")).toMatch(
          /^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/,
        );
      }
    }
    const verdict = await p.getAttribute('[data-testid="training-verdict"]', "data-verdict");
    expect(["transfer-helped", "mixed", "negative-transfer"]).toContain(verdict);
    expect(await p.textContent('[data-testid="training-verdict"]')).toMatch(/start: transfer/);
    await p.locator('[data-testid="training-run"]').screenshot({
      path: join(resultsDir, "training-curves.png"),
    });

    const [model, ...older] = await modelsFromApi();
    expect(older).toHaveLength(0);
    expect(model).toMatchObject({ trainedIn: "browser", epochs: 2, comparedScratch: true });
    expect(model!.threshold).toBeGreaterThanOrEqual(0);
    expect(model!.threshold).toBeLessThanOrEqual(1);
    const row = p.locator(`[data-testid="model-row"][data-model-id="${model!.id}"]`);
    expect(await row.locator('[data-testid="model-threshold"]').textContent()).toBe(
      model!.threshold.toFixed(3),
    );
    const dir = join(dataDir, "data", "projects", projectId, "models", model!.id);
    expect(readdirSync(dir).sort()).toEqual([...model!.files]);
    const modelJson = await fetch(
      `${baseUrl}/api/projects/${projectId}/models/${model!.id}/files/model.json`,
    );
    expect(modelJson.status).toBe(200);
    expect(
      ((await modelJson.json()) as { weightsManifest: unknown[] }).weightsManifest,
    ).toHaveLength(1);
    await screenshot(p, "trained.png");
  }, 240_000);

  it("cancels a run, saying so and keeping nothing", async () => {
    const p = page!;
    await p.click('[data-testid="training-start"]');
    await p.waitForFunction(
      () =>
        /from scratch/.test(
          document.querySelector('[data-testid="training-step"]')?.textContent ?? "",
        ),
      undefined,
      { timeout: 90_000 },
    );
    await p.click('[data-testid="training-cancel"]');
    await p.waitForSelector('[data-testid="training-failed"][data-kind="cancelled"]', {
      timeout: 10_000,
    });
    expect(await p.textContent('[data-testid="training-failed"]')).toContain(
      "Training was cancelled; nothing was saved.",
    );
    expect(await modelsFromApi()).toHaveLength(1);
    expect(await p.locator('[data-testid="model-row"]').count()).toBe(1);
  }, 120_000);
});
