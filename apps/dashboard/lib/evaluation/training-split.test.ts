import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EvaluationError } from "./evaluation-error";
import { parseTrainingSplit, readTrainingSplit } from "./training-split";

const dir = mkdtempSync(join(tmpdir(), "wakeforge-split-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function failure(run: () => unknown): EvaluationError {
  try {
    run();
  } catch (error) {
    if (error instanceof EvaluationError) return error;
    throw error;
  }
  throw new Error("expected an EvaluationError");
}

describe("parseTrainingSplit", () => {
  it("reads the trained voices and what set the threshold", () => {
    const split = parseTrainingSplit(
      JSON.stringify({
        split: { trainSpeakers: ["espeak-ng:en", "user:recorded"], testSpeakers: ["flite:slt"] },
        calibration: { thresholdFrom: "held-out negative clips", falseAcceptRate: 0.05 },
      }),
      "m/metrics.json",
    );
    expect([...split.trainVoices]).toEqual(["espeak-ng:en", "user:recorded"]);
    expect(split.thresholdFrom).toBe("held-out negative clips");
    expect(split.clipFalseAcceptRate).toBe(0.05);
  });

  it("names the file and the problem for a record that is not JSON or lacks the split", () => {
    const notJson = failure(() => parseTrainingSplit("{", "m/metrics.json"));
    expect(notJson.code).toBe("MODEL_FILE_CORRUPT");
    expect(notJson.message).toMatch(/^m\/metrics\.json: is not valid JSON/);
    expect(notJson.status).toBe(422);
    const noSplit = failure(() => parseTrainingSplit('{"split":{}}', "m/metrics.json"));
    expect(noSplit.message).toContain("split.trainSpeakers");
  });

  it("says a missing record is missing", async () => {
    const error = await readTrainingSplit(join(dir, "metrics.json")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as EvaluationError).code).toBe("MODEL_FILE_MISSING");
    expect((error as EvaluationError).file).toBe("metrics.json");
  });
});
