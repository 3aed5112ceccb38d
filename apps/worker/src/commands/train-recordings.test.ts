// Issue 5: "a handful of real recordings count". A voice that synthesis never uses (espeak-ng's
// French voice saying the English phrase, recorded in a reverberant room) stands for a person;
// five of their recordings go into `--positives`, ten others only into the evaluation. The same
// run without the five is the baseline.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  SAMPLE_RATE_HZ,
  createSeededRandom,
  decodeWav,
  encodeWav,
  generateRoomImpulseResponse,
  resample,
  reverberate,
} from "@wakeforge/audio";
import { initBackend } from "@wakeforge/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli.js";
import { captureIo } from "../test-capture-io.js";

const work = mkdtempSync(join(tmpdir(), "wakeforge-recordings-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(async () => {
  await initBackend("wasm");
});

/** "hey nova" by the held-out speaker: a deep French-accented voice in a reverberant room. */
function recording(index: number): Uint8Array {
  const random = createSeededRandom(`recording/${index}`);
  const rate = 120 + Math.round(60 * random.next());
  const pitch = 30 + Math.round(40 * random.next());
  const wav = execFileSync(
    "espeak-ng",
    ["-v", "fr", "-s", String(rate), "-p", String(pitch), "--stdout", "hey nova"],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const decoded = decodeWav(new Uint8Array(wav), { fileName: `recording ${index}` });
  // Played 20 % slow: pitch and formants a fifth of the way down, a deep voice no synthesis
  // voice has.
  const speech = resample(decoded.samples, decoded.sampleRateHz * 0.8, SAMPLE_RATE_HZ);
  const room = generateRoomImpulseResponse({
    rt60Seconds: 0.3 + 0.3 * random.next(),
    directToReverbDb: 6,
    seed: `room/${index}`,
  });
  // Half a second of silence either side, as a person's recording would have.
  const padded = new Float32Array(speech.length + SAMPLE_RATE_HZ);
  padded.set(speech, SAMPLE_RATE_HZ / 2);
  return encodeWav(reverberate(padded, room), SAMPLE_RATE_HZ);
}

function writeRecordings(dir: string, indices: readonly number[]): void {
  mkdirSync(dir, { recursive: true });
  for (const i of indices) writeFileSync(join(dir, `take-${i}.wav`), recording(i));
}

async function train(out: string, extra: readonly string[]): Promise<void> {
  const io = captureIo({ ...process.env, WAKEFORGE_DATA_DIR: join(work, "data") });
  const args = ["train", "--word", "hey nova", "--synth", "24", "--epochs", "6"];
  args.push("--negative-minutes", "1", "--background-minutes", "2", "--out", out, "--json");
  expect(await runCli([...args, ...extra], io), io.err()).toBe(0);
}

async function recallOnSpeaker(model: string, positives: string, negatives: string) {
  const io = captureIo(process.env);
  const args = ["eval", "--model", model, "--positives", positives, "--negatives", negatives];
  // Both models at the same operating point: the threshold above every score of the negatives.
  expect(await runCli([...args, "--target-fa", "0", "--json"], io), io.err()).toBe(0);
  return JSON.parse(io.out()) as { recall: { recall: number; total: number }; threshold: number };
}

describe("wakeforge train --positives: a few recordings of an unseen voice", () => {
  it("raise recall on that voice's other recordings", async () => {
    const five = join(work, "five");
    const others = join(work, "others");
    writeRecordings(five, [1, 2, 3, 4, 5]);
    writeRecordings(others, [6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const negatives = join(work, "negatives");
    const negIo = captureIo(process.env);
    const negArgs = ["negatives", "--out", negatives, "--minutes", "1", "--seed", "5"];
    expect(await runCli([...negArgs, "--exclude", "hey nova"], negIo)).toBe(0);

    await train(join(work, "synthetic-only"), []);
    await train(join(work, "with-recordings"), ["--positives", five]);
    const before = await recallOnSpeaker(join(work, "synthetic-only"), others, negatives);
    const after = await recallOnSpeaker(join(work, "with-recordings"), others, negatives);
    console.info(
      `held-out voice recall: ${before.recall.recall} without its recordings (threshold ${before.threshold.toFixed(3)}), ` +
        `${after.recall.recall} with five (threshold ${after.threshold.toFixed(3)})`,
    );
    expect(before.recall.total).toBe(10);
    expect(
      after.recall.recall - before.recall.recall,
      JSON.stringify({ before, after }),
    ).toBeGreaterThanOrEqual(0.3);
    expect(after.recall.recall).toBeGreaterThanOrEqual(0.7);
  }, 600_000);
});
