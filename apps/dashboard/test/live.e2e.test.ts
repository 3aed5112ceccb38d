// End to end, the Live tab: the production build in headless Chromium whose fake microphone
// loops a WAV of espeak-ng saying the project's phrase between stretches of quiet room noise.
// A model is trained through the Train tab on synthesized speech, then listens: it must detect
// the phrase each time it is heard and only then (never in the quiet), the threshold line moves
// when dragged, a false wake and a missed phrase become samples with the right labels and audio,
// and a model whose files are gone says so. Screenshots of each step go to test-results/.
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeWav, encodeWav, resample } from "@wakeforge/audio";
import { createEspeakNgEngine } from "@wakeforge/synth";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SampleList } from "../lib/client/api-client";
import type { Sample, TrainedModel } from "../lib/store/types";
import {
  createProject,
  launchChromium,
  screenshot,
  SERVER_START_MILLIS,
  startDashboard,
  synthesizeAndWait,
  type RunningDashboard,
} from "./e2e-harness";

const PHRASE = "hey nova";
const MICROPHONE_RATE_HZ = 48_000;
/** The fake microphone's loop: quiet, the phrase starting at PHRASE_AT_SECONDS, quiet again. */
const LOOP_SECONDS = 8;
const PHRASE_AT_SECONDS = 4;
/** Quiet room noise: low enough that no honest detector fires on it, loud enough to be heard. */
const ROOM_NOISE_AMPLITUDE = 0.004;

let dashboard: RunningDashboard | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
let baseUrl = "";
let projectId = "";
/** Where in the loop the spoken phrase ends (espeak-ng's clip, its own silence trimmed off). */
let phraseEndSeconds = 0;
const dataDir = mkdtempSync(join(tmpdir(), "wakeforge-live-e2e-"));

/** Seeded white noise, so a run's microphone is the same every time. */
function roomNoise(length: number, amplitude: number): Float32Array {
  let state = 12_345;
  return Float32Array.from({ length }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (state / 2_147_483_648 - 0.5) * 2 * amplitude;
  });
}

/** The phrase as espeak-ng says it, at the microphone's rate, with its silent edges cut off. */
async function spokenPhrase(): Promise<Float32Array> {
  const clip = await createEspeakNgEngine().synthesize({
    text: PHRASE,
    voiceId: "en-us",
    fileName: "microphone-phrase.wav",
  });
  const samples = resample(clip.samples, clip.sampleRateHz, MICROPHONE_RATE_HZ);
  const loud = (x: number) => Math.abs(x) > 0.02;
  const first = samples.findIndex(loud);
  const last = samples.length - 1 - [...samples].reverse().findIndex(loud);
  const speech = samples.slice(first, last + 1);
  const peak = speech.reduce((max, x) => Math.max(max, Math.abs(x)), 0);
  return speech.map((x) => (x / peak) * 0.5);
}

async function microphoneWav(): Promise<Uint8Array> {
  const loop = roomNoise(LOOP_SECONDS * MICROPHONE_RATE_HZ, ROOM_NOISE_AMPLITUDE);
  const phrase = await spokenPhrase();
  const at = PHRASE_AT_SECONDS * MICROPHONE_RATE_HZ;
  phrase.forEach((x, i) => (loop[at + i] = (loop[at + i] ?? 0) + x));
  phraseEndSeconds = PHRASE_AT_SECONDS + phrase.length / MICROPHONE_RATE_HZ;
  return encodeWav(loop, MICROPHONE_RATE_HZ);
}

async function samplesFromApi(): Promise<SampleList> {
  const response = await fetch(`${baseUrl}/api/projects/${projectId}/samples`);
  expect(response.status).toBe(200);
  return (await response.json()) as SampleList;
}

/**
 * The one sample added between two listings, checked: `label`, recorded, 16 kHz, about two
 * seconds, and the other label's counts untouched.
 */
function addedSample(
  before: SampleList,
  after: SampleList,
  label: "positive" | "negative",
): Sample {
  const other = label === "positive" ? "negative" : "positive";
  expect(after.counts[label].count).toBe(before.counts[label].count + 1);
  expect(after.counts[label].real).toBe(before.counts[label].real + 1);
  expect(after.counts[other]).toEqual(before.counts[other]);
  const added = after.samples.filter((s) => !before.samples.some((b) => b.id === s.id));
  expect(added).toHaveLength(1);
  const sample = added[0]!;
  expect(sample).toMatchObject({ label, source: "recorded", sampleRateHz: 16_000 });
  expect(sample.durationSeconds).toBeCloseTo(2, 1);
  return sample;
}

/** Seconds the page says it has heard since Start. */
async function heardSeconds(p: Page): Promise<number> {
  return Number(await p.getAttribute('[data-testid="live-status"]', "data-heard"));
}

/** `seconds` folded into the loop, −LOOP_SECONDS/2 … LOOP_SECONDS/2. */
function centred(seconds: number): number {
  const folded = ((seconds % LOOP_SECONDS) + LOOP_SECONDS) % LOOP_SECONDS;
  return folded > LOOP_SECONDS / 2 ? folded - LOOP_SECONDS : folded;
}

interface LoggedDetection {
  readonly time: number;
  readonly score: number;
  readonly threshold: number;
}

async function loggedDetections(p: Page): Promise<LoggedDetection[]> {
  return p.$$eval('[data-testid="detection-row"]', (rows) =>
    rows.map((row) => ({
      time: Number(row.getAttribute("data-time")),
      score: Number(row.getAttribute("data-score")),
      threshold: Number(row.getAttribute("data-threshold")),
    })),
  );
}

beforeAll(async () => {
  dashboard = await startDashboard(join(dataDir, "data"));
  baseUrl = dashboard.baseUrl;
  const microphone = join(dataDir, "microphone.wav");
  writeFileSync(microphone, await microphoneWav());
  browser = await launchChromium(microphone);
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  projectId = await createProject(baseUrl, PHRASE);
}, SERVER_START_MILLIS + 30_000);

afterAll(async () => {
  // The browser first: it holds connections to the server.
  const closing = browser ? browser.close() : Promise.resolve();
  await closing.catch(() => undefined);
  if (dashboard) await dashboard.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 20_000);

describe("the Live tab", () => {
  let model: TrainedModel | undefined;
  let threshold = 0;

  it("without a model, says so and links to the Train tab", async () => {
    const p = page!;
    await p.goto(`${baseUrl}/projects/${projectId}/live`);
    expect(await p.getAttribute('[data-testid="tab-live"]', "aria-current")).toBe("page");
    expect(await p.textContent('[data-testid="empty-state"] h2')).toBe("No model to test yet");
    expect(await p.getAttribute('[data-testid="live-train-link"]', "href")).toBe(
      `/projects/${projectId}/train`,
    );
    await screenshot(p, "live-no-model.png");
  });

  it("trains a detector for the phrase on synthesized speech", async () => {
    await synthesizeAndWait(baseUrl, projectId, { positives: 32, negatives: 32 }, 120_000);
    const p = page!;
    await p.goto(`${baseUrl}/projects/${projectId}/train`);
    await p.check('[data-testid="training-transfer-only"]');
    await p.click('[data-testid="training-start"]');
    await p.waitForSelector('[data-testid="training-run"][data-status="done"]', {
      timeout: 150_000,
    });
    const response = await fetch(`${baseUrl}/api/projects/${projectId}/models`);
    [model] = ((await response.json()) as { models: TrainedModel[] }).models;
    expect(model).toBeDefined();
    threshold = model!.threshold;
  }, 300_000);

  it("listens to the microphone and detects the phrase each time it is said, and only then", async () => {
    const p = page!;
    await p.goto(`${baseUrl}/projects/${projectId}/live`);
    expect(await p.inputValue('[data-testid="live-model"]')).toBe(model!.id);
    expect(Number(await p.inputValue('[data-testid="live-threshold"]'))).toBeCloseTo(threshold, 3);
    expect(await p.textContent('[data-testid="detection-log-empty"]')).toContain(
      "No detection yet",
    );
    await p.click('[data-testid="live-start"]');
    await p.waitForSelector('[data-testid="live-status"][data-phase="listening"]', {
      timeout: 60_000,
    });
    // Scores scroll in every 80 ms once the first two seconds are heard.
    await p.waitForSelector('[data-testid="score-line"]:not([data-points="0"])', {
      timeout: 15_000,
    });
    await screenshot(p, "live-listening.png");

    // The flash shows while it is fresh: the screenshot is taken as soon as it appears.
    await p.waitForSelector('[data-testid="live-flash"]', { timeout: LOOP_SECONDS * 2_000 });
    await screenshot(p, "live-detection-flash.png");
    expect(await p.textContent('[data-testid="live-flash"]')).toContain(`Heard “${PHRASE}”`);

    // Listen through two more loops, then stop: every phrase heard in full should have fired.
    await p.waitForFunction(
      (seconds) =>
        Number(document.querySelector('[data-testid="live-status"]')?.getAttribute("data-heard")) >=
        seconds,
      3 * LOOP_SECONDS,
      { timeout: 60_000, polling: 200 },
    );
    const heard = await heardSeconds(p);
    await p.click('[data-testid="live-stop"]');
    await p.waitForSelector('[data-testid="live-status"][data-phase="idle"]');
    const detections = await loggedDetections(p);

    // The stream starts somewhere in the file's loop, so compare phases: each detection must
    // come just after the phrase ends (the detector needs the phrase's end to be sure), never
    // in the quiet seconds around it.
    const first = detections.at(-1)!;
    for (const detection of detections) {
      expect(Math.abs(centred(detection.time - first.time))).toBeLessThan(0.5);
      // The detector ran at the calibrated threshold itself, not its rounded display.
      expect(detection.threshold).toBe(threshold);
      expect(detection.score).toBeGreaterThanOrEqual(threshold);
    }
    // The first phrase heard is detected, and each after it, once.
    expect(first.time).toBeLessThan(LOOP_SECONDS);
    const phrasesHeard = Math.floor((heard - first.time) / LOOP_SECONDS) + 1;
    expect(detections).toHaveLength(phrasesHeard);
    expect(phrasesHeard).toBeGreaterThanOrEqual(2);
    // Chromium starts the file when the microphone opens, a moment before the page's stream
    // time 0: the detection lands near the phrase's end in the file, not in the quiet.
    const sincePhraseEnd = centred(first.time - phraseEndSeconds);
    expect(Math.abs(sincePhraseEnd), `detected ${sincePhraseEnd} s after the phrase`).toBeLessThan(
      1.5,
    );
    expect(await p.locator('[data-testid="chart-detection"]').count()).toBeGreaterThan(0);
    await screenshot(p, "live-detections.png");
  }, 120_000);

  it("moves the threshold when its line is dragged, and back when typed", async () => {
    const p = page!;
    const line = p.locator('[data-testid="threshold-line"] line');
    const box = (await line.boundingBox())!;
    const chart = (await p.locator('[data-testid="score-chart"] rect').first().boundingBox())!;
    const yBefore = Number(await p.getAttribute('[data-testid="threshold-line"]', "data-y"));
    // Drag the line to a quarter of the chart's height from the top: a threshold near 0.75.
    await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await p.mouse.down();
    await p.mouse.move(box.x + box.width / 2, chart.y + chart.height / 4, { steps: 5 });
    await p.mouse.up();
    const dragged = Number(await p.inputValue('[data-testid="live-threshold"]'));
    expect(dragged).toBeGreaterThan(0.7);
    expect(dragged).toBeLessThan(0.8);
    expect(Number(await p.getAttribute('[data-testid="threshold-line"]', "aria-valuenow"))).toBe(
      dragged,
    );
    expect(Number(await p.getAttribute('[data-testid="threshold-line"]', "data-y"))).not.toBe(
      yBefore,
    );
    await screenshot(p, "live-threshold-dragged.png");
    await p.fill('[data-testid="live-threshold"]', String(threshold));
    expect(Number(await p.getAttribute('[data-testid="threshold-line"]', "data-y"))).toBeCloseTo(
      yBefore,
      0,
    );
  });

  it("keeps a false wake as a negative: two seconds of the audio that fired", async () => {
    const p = page!;
    const before = await samplesFromApi();
    const row = p.locator('[data-testid="detection-row"]').first();
    await row.locator('[data-testid="false-wake"]').click();
    await row.locator('[data-testid="false-wake-saved"]').waitFor({ timeout: 10_000 });
    const sample = addedSample(before, await samplesFromApi(), "negative");
    // The clip holds the phrase that fired, not the quiet around it.
    expect(await peakOf(sample)).toBeGreaterThan(0.2);
    await screenshot(p, "live-false-wake-saved.png");
  });

  it("keeps the last two seconds as a positive with Missed it", async () => {
    const p = page!;
    const before = await samplesFromApi();
    await p.click('[data-testid="missed-it"]');
    await p.waitForSelector('[data-testid="missed-saved"]', { timeout: 10_000 });
    const after = await samplesFromApi();
    addedSample(before, after, "positive");
    await screenshot(p, "live-missed-saved.png");

    // The Data tab counts them.
    await p.goto(`${baseUrl}/projects/${projectId}`);
    expect(Number(await p.textContent('[data-testid="count-positive"]'))).toBe(
      after.counts.positive.count,
    );
    expect(Number(await p.textContent('[data-testid="count-negative"]'))).toBe(
      after.counts.negative.count,
    );
  });

  it("says how to allow the microphone when the browser refuses it", async () => {
    // Chromium here grants the fake microphone to every page; this page is refused it the way a
    // person's "Block" refuses it, with the DOMException getUserMedia then rejects with.
    const p = await browser!.newPage({ viewport: { width: 1280, height: 1000 } });
    await p.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
    });
    await p.goto(`${baseUrl}/projects/${projectId}/live`);
    await p.click('[data-testid="live-start"]');
    await p.waitForSelector('[data-testid="live-error"]', { timeout: 60_000 });
    expect(await p.getAttribute('[data-testid="live-error"]', "data-kind")).toBe("denied");
    expect(await p.textContent('[data-testid="live-error"]')).toContain(
      "Microphone access was refused. Allow it for this site in the browser's settings",
    );
    expect(await p.isEnabled('[data-testid="live-start"]')).toBe(true);
    await screenshot(p, "live-microphone-refused.png");
    await p.close();
  }, 90_000);

  it("says so when the model's files are gone from the server", async () => {
    unlinkSync(join(dataDir, "data", "projects", projectId, "models", model!.id, "weights.bin"));
    const missing = await fetch(
      `${baseUrl}/api/projects/${projectId}/models/${model!.id}/files/weights.bin`,
    );
    expect(missing.status).toBe(404);
    // A fresh context: the first page keeps the model's files in its cache (they never change).
    const p = await browser!.newPage({ viewport: { width: 1280, height: 1000 } });
    await p.goto(`${baseUrl}/projects/${projectId}/live`);
    await p.click('[data-testid="live-start"]');
    await p.waitForSelector('[data-testid="live-error"]', { timeout: 60_000 });
    expect(await p.getAttribute('[data-testid="live-error"]', "data-kind")).toBe("model");
    expect(await p.textContent('[data-testid="live-error"]')).toMatch(
      /The files of this model could not be read \(.*weights\.bin.*\)/,
    );
    expect(await p.getAttribute('[data-testid="live-status"]', "data-phase")).toBe("failed");
    await screenshot(p, "live-model-missing.png");
    await p.close();
  }, 90_000);
});

/** The loudest sample of a stored sample's audio, −1…1. */
async function peakOf(sample: Sample): Promise<number> {
  const response = await fetch(`${baseUrl}/api/projects/${projectId}/samples/${sample.id}/audio`);
  const { samples } = decodeWav(new Uint8Array(await response.arrayBuffer()));
  return samples.reduce((max, x) => Math.max(max, Math.abs(x)), 0);
}
