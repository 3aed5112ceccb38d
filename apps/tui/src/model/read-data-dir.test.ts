import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readDataDir } from "./read-data-dir.js";
import { readModelRecord } from "./model-record.js";

const data = mkdtempSync(join(tmpdir(), "wakeforge-tui-data-"));
afterAll(() => rmSync(data, { recursive: true, force: true }));

function manifest(phrase: string, createdAt: string) {
  return {
    format: "wakeforge-model",
    formatVersion: 1,
    kind: "head",
    phrase,
    threshold: 0.4,
    createdAt,
    versions: { wakeforge: "0.1.0" },
  };
}

/** A mono 16-bit WAV of `seconds` of silence. */
function wav(seconds: number): Buffer {
  const rate = 16_000;
  const dataBytes = Math.round(seconds * rate) * 2;
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(dataBytes, 40);
  return Buffer.concat([header, Buffer.alloc(dataBytes)]);
}

function write(path: string, content: string | Buffer) {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, content);
}

describe("readDataDir", () => {
  it("finds models where the terminal UI and the dashboard keep them, newest first, and the work folders", async () => {
    write(
      join(data, "models/hey-nova/wakeforge.json"),
      JSON.stringify(manifest("hey nova", "2026-01-01T00:00:00Z")),
    );
    write(
      join(data, "models/hey-nova/metrics.json"),
      JSON.stringify({
        curves: {
          transfer: [{ epoch: 1, loss: 0.9, accuracy: 0.5, recallAtFar: 0.5, valLoss: 0.7 }],
          scratch: [],
        },
        verdict: { summary: "start: transfer better", negativeTransfer: false },
        evaluation: {
          threshold: 0.4,
          thresholdSource: "calibrated",
          thresholdSetBy: ["negative-speech"],
          recall: { overall: { detected: 2, total: 2, recall: 1 }, bySource: {} },
          falseAccepts: { overall: { falseAccepts: 0, hours: 0.02, perHour: 0 }, byKind: {} },
          latency: { count: 0, p50Seconds: null, p90Seconds: null },
          det: [{ threshold: 0.1, falseRejectRate: 0, falseAcceptsPerHour: 60 }],
        },
        seconds: { total: 24.5 },
      }),
    );
    write(
      join(data, "projects/p1/models/m1/wakeforge.json"),
      JSON.stringify(manifest("ok robot", "2026-02-01T00:00:00Z")),
    );
    write(join(data, "models/broken/wakeforge.json"), "{}");
    write(
      join(data, "models/.hey-nova.partial-1-ab/wakeforge.json"),
      JSON.stringify(manifest("x", "2027-01-01T00:00:00Z")),
    );
    write(
      join(data, "work/hey-nova/synthetic/manifest.json"),
      JSON.stringify({
        phrase: "hey nova",
        clips: [
          { kind: "positive", speakerId: "a" },
          { kind: "positive", speakerId: "b" },
          { kind: "negative", speakerId: "a" },
        ],
      }),
    );
    write(join(data, "work/hey-nova/negative-audio/negative-speech.wav"), wav(30));
    write(join(data, "work/hey-nova/training-background/speech/a.wav"), wav(60));
    mkdirSync(join(data, "work/hey-nova/embedding-cache"), { recursive: true });

    const summary = await readDataDir(data);
    expect(summary.exists).toBe(true);
    expect(summary.models.map((m) => m.name)).toEqual(["projects/p1/models/m1", "models/hey-nova"]);
    expect(summary.unreadable.map((u) => u.dir)).toEqual([join(data, "models/broken")]);
    const record = summary.models[1];
    expect(record?.curves?.transfer?.[0]).toMatchObject({
      epoch: 1,
      recallAtFar: 0.5,
      valLoss: 0.7,
    });
    expect(record?.curves?.scratch).toBeUndefined();
    expect(record?.evaluation?.recall).toEqual({ detected: 2, total: 2, recall: 1 });
    expect(record?.evaluation?.latency?.p50Seconds).toBeNaN(); // NaN was written as null
    expect(record?.trainingSeconds).toBe(24.5);
    expect(summary.work).toEqual([
      {
        dir: join(data, "work/hey-nova"),
        slug: "hey-nova",
        phrase: "hey nova",
        synthetic: { positives: 2, negatives: 1, voices: 2 },
        backgroundMinutes: 1,
        negativeMinutes: 0.5,
        embeddingCache: true,
      },
    ]);
  });

  it("reports a data directory that does not exist yet, with a model named on the command line", async () => {
    const summary = await readDataDir(join(data, "nowhere"), [join(data, "models/hey-nova")]);
    expect(summary).toMatchObject({ exists: false, work: [] });
    expect(summary.models.map((m) => m.dir)).toEqual([join(data, "models/hey-nova")]);
  });

  it("refuses a folder without a manifest, saying so", async () => {
    await expect(readModelRecord(join(data, "work"))).rejects.toThrow(
      "is not a model directory (no wakeforge.json)",
    );
  });
});
