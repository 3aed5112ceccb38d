import { afterAll, describe, expect, it } from "vitest";
import type { ModelSummary } from "../store";
import { createTestStore } from "../store/test-store";
import { toneWav } from "../test-audio";
import type { EvaluateModelHooks, EvaluationPlan } from "./evaluate-model";
import { EvaluationError } from "./evaluation-error";
import {
  cancelEvaluation,
  evaluationStatus,
  parseThresholdChoice,
  startEvaluation,
} from "./evaluation-runs";
import type { EvaluationReport, EvaluationStatus } from "./evaluation-types";

const testStore = createTestStore();
const { store } = testStore;
afterAll(() => testStore.dispose());

const SUMMARY: ModelSummary = {
  trainedIn: "browser",
  backend: "wasm",
  base: "speech-embedding",
  epochs: 2,
  comparedScratch: false,
  threshold: 0.5,
  falseAcceptRate: 0.05,
  recallAtFar: 1,
  scratchRecallAtFar: null,
  verdict: null,
  verdictSummary: null,
  trainingSeconds: 10,
};

/** A project with one positive by `voice` and a model whose record says it trained on `trained`. */
async function projectWithModel(phrase: string, voice: string, trained: readonly string[]) {
  const project = await store.createProject({ phrase });
  await store.addSamples(project.id, [
    {
      label: "positive",
      source: "synthesized",
      engine: "espeak-ng",
      voice,
      audio: { bytes: toneWav(1) },
      durationSeconds: 1,
    },
  ]);
  const record = { split: { trainSpeakers: trained, testSpeakers: [] } };
  const model = await store.addModel(project.id, {
    files: {
      "metrics.json": new TextEncoder().encode(JSON.stringify(record)),
      "wakeforge.json": new TextEncoder().encode("{}"),
    },
    summary: SUMMARY,
  });
  return { projectId: project.id, modelId: model.id };
}

async function settled(projectId: string, modelId: string): Promise<EvaluationStatus> {
  for (;;) {
    const status = evaluationStatus(projectId, modelId);
    if (status && status.state !== "running") return status;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Stands in for the tfjs work: reports halfway, then answers a report naming the plan's model. */
async function quickEvaluation(
  _store: unknown,
  plan: EvaluationPlan,
  hooks: EvaluateModelHooks = {},
): Promise<EvaluationReport> {
  hooks.onProgress?.(0.5, "halfway");
  await new Promise((r) => setTimeout(r, 20));
  return { modelId: plan.modelId, phrase: plan.phrase } as EvaluationReport;
}

/** Stands in for an evaluation that runs until it is cancelled. */
function endlessEvaluation(
  _store: unknown,
  _plan: EvaluationPlan,
  hooks: EvaluateModelHooks = {},
): Promise<EvaluationReport> {
  return new Promise((_, reject) =>
    hooks.signal?.addEventListener("abort", () => reject(hooks.signal?.reason)),
  );
}

/** What a start that should be refused throws. */
async function refusal(projectId: string, modelId: string): Promise<EvaluationError> {
  const error = await startEvaluation(
    store,
    projectId,
    modelId,
    { kind: "model" },
    quickEvaluation,
  ).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof EvaluationError))
    throw new Error(`expected an EvaluationError, got ${String(error)}`);
  return error;
}

describe("evaluation runs", () => {
  it("plans on the held-out voices, runs in the background and keeps the report", async () => {
    const { projectId, modelId } = await projectWithModel("hey nova", "en+f3", ["espeak-ng:en"]);
    const started = await startEvaluation(
      store,
      projectId,
      modelId,
      { kind: "model" },
      quickEvaluation,
    );
    expect(started).toMatchObject({ state: "running", modelId, report: null });
    expect(evaluationStatus(projectId, modelId)).toMatchObject({ fraction: 0.5, step: "halfway" });
    const done = await settled(projectId, modelId);
    expect(done).toMatchObject({ state: "succeeded", fraction: 1, error: null });
    expect(done.report).toEqual({ modelId, phrase: "hey nova" });
  });

  it("refuses a second evaluation of the project while one runs, and cancels", async () => {
    const { projectId, modelId } = await projectWithModel("hey orion", "en+m1", ["flite:slt"]);
    await startEvaluation(store, projectId, modelId, { kind: "model" }, endlessEvaluation);
    const second = await refusal(projectId, modelId);
    expect(second.code).toBe("EVALUATION_RUNNING");
    expect(second.status).toBe(409);
    cancelEvaluation(projectId, modelId);
    expect(await settled(projectId, modelId)).toMatchObject({ state: "cancelled", report: null });
  });

  it("refuses at once a model whose positives are all by voices it trained on", async () => {
    const { projectId, modelId } = await projectWithModel("hey atlas", "en+f1", [
      "espeak-ng:en+f1",
    ]);
    const refused = await refusal(projectId, modelId);
    expect(refused.code).toBe("NO_HELD_OUT_POSITIVES");
    expect(refused.status).toBe(422);
    expect(evaluationStatus(projectId, modelId)).toBeNull();
  });

  it("reads a false-accept budget, or the model's own threshold", () => {
    expect(parseThresholdChoice({})).toEqual({ kind: "model" });
    expect(parseThresholdChoice({ targetFalseAcceptsPerHour: 0.5 })).toEqual({
      kind: "target",
      falseAcceptsPerHour: 0.5,
    });
    expect(() => parseThresholdChoice({ targetFalseAcceptsPerHour: -1 })).toThrow(
      /must be a number ≥ 0, got -1/,
    );
  });
});
