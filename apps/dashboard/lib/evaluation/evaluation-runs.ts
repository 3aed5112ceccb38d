// Evaluations run in this server process in the background, at most one per project (they share
// the CPU with everything else), polled by the page for progress. The last run of each model is
// kept in memory with its report: a server restart forgets them, and evaluating again is cheap.
import { newId } from "../store/ids";
import type { Store } from "../store";
import { EvaluationError } from "./evaluation-error";
import type {
  EvaluationReport,
  EvaluationState,
  EvaluationStatus,
  ThresholdChoice,
} from "./evaluation-types";
import { evaluateModel, planEvaluation } from "./evaluate-model";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Run {
  status: Mutable<EvaluationStatus>;
  readonly controller: AbortController;
  finished: Promise<void>;
}

// One registry per process (Next bundles each route separately).
const KEY = Symbol.for("wakeforge.dashboard.evaluationRuns");
type Holder = { [KEY]?: Map<string, Run> };

function runs(): Map<string, Run> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Map();
  return holder[KEY];
}

const runKey = (projectId: string, modelId: string) => `${projectId}/${modelId}`;

function snapshot(run: Run): EvaluationStatus {
  return { ...run.status };
}

/** The model's running evaluation, or its last one since the server started; null if none. */
export function evaluationStatus(projectId: string, modelId: string): EvaluationStatus | null {
  const run = runs().get(runKey(projectId, modelId));
  return run ? snapshot(run) : null;
}

/** Asks the model's running evaluation to stop; its state turns "cancelled" once it has. */
export function cancelEvaluation(projectId: string, modelId: string): EvaluationStatus | null {
  const run = runs().get(runKey(projectId, modelId));
  if (!run) return null;
  if (run.status.state === "running") run.controller.abort();
  return snapshot(run);
}

/** Reads `{ threshold: "model" }` or `{ targetFalseAcceptsPerHour: n }` (n ≥ 0). */
export function parseThresholdChoice(body: unknown): ThresholdChoice {
  const target = (body as { targetFalseAcceptsPerHour?: unknown } | null)
    ?.targetFalseAcceptsPerHour;
  if (target === undefined || target === null) return { kind: "model" };
  if (typeof target !== "number" || !Number.isFinite(target) || target < 0) {
    throw new EvaluationError(
      "BAD_EVALUATION_REQUEST",
      `targetFalseAcceptsPerHour must be a number ≥ 0, got ${JSON.stringify(target)}`,
    );
  }
  return { kind: "target", falseAcceptsPerHour: target };
}

function refuseWhileBusy(projectId: string): void {
  const busy = [...runs().values()].find(
    (r) => r.status.projectId === projectId && r.status.state === "running",
  );
  if (busy) {
    throw new EvaluationError(
      "EVALUATION_RUNNING",
      `project ${projectId} is already evaluating model ${busy.status.modelId}; wait for it or cancel it`,
    );
  }
}

/**
 * Starts evaluating the model and answers its status once the audio to measure is chosen.
 * Throws EvaluationError EVALUATION_RUNNING while another evaluation of the project goes on,
 * planEvaluation's errors for a model that cannot be measured, and MODEL_NOT_FOUND (the
 * store's) for a model the project does not have. `evaluate` does the measuring (tests pass a
 * stand-in for the tfjs work).
 */
export async function startEvaluation(
  store: Store,
  projectId: string,
  modelId: string,
  choice: ThresholdChoice,
  evaluate: typeof evaluateModel = evaluateModel,
): Promise<EvaluationStatus> {
  refuseWhileBusy(projectId);
  const plan = await planEvaluation(store, projectId, modelId, choice);
  // Checked again: another request may have started a run while the record was read.
  refuseWhileBusy(projectId);
  const run: Run = {
    controller: new AbortController(),
    finished: Promise.resolve(),
    status: {
      id: newId(),
      projectId,
      modelId,
      state: "running",
      fraction: 0,
      step: "Starting",
      startedAt: new Date().toISOString(),
      finishedAt: null,
      report: null,
      error: null,
      errorCode: null,
    },
  };
  runs().set(runKey(projectId, modelId), run);
  run.finished = execute(run, () =>
    evaluate(store, plan, {
      signal: run.controller.signal,
      onProgress: (fraction, step) => {
        run.status.fraction = fraction;
        run.status.step = step;
      },
    }),
  );
  return snapshot(run);
}

async function execute(run: Run, evaluate: () => Promise<EvaluationReport>): Promise<void> {
  const { status, controller } = run;
  let state: EvaluationState = "succeeded";
  try {
    status.report = await evaluate();
    status.fraction = 1;
  } catch (error) {
    if (controller.signal.aborted) {
      state = "cancelled";
    } else {
      state = "failed";
      status.error = error instanceof Error ? error.message : String(error);
      status.errorCode =
        error instanceof EvaluationError
          ? error.code
          : (((error as { code?: unknown }).code as string | undefined)?.toString() ?? "FAILED");
      if (!(error instanceof EvaluationError)) console.error(error);
    }
  } finally {
    status.finishedAt = new Date().toISOString();
    status.step = state === "succeeded" ? "Done" : status.step;
    status.state = state;
  }
}
