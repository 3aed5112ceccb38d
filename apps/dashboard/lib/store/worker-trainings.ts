// Trainings on workers: rows in `worker_trainings`, one per train job the dashboard queued for a
// project. The run's folder, `<dataDir>/projects/<projectId>/worker-runs/<jobId>/`, holds the
// data set snapshot the job reads and the model folder the worker writes; both go once the job
// is settled (its model stored, or the job over without one).
import { PROJECTS_FOLDER } from "./data-paths";
import { StoreError } from "./errors";
import { isId } from "./ids";
import { isoTime, requireProject, type StoreContext } from "./store-context";
import type { WorkerTraining, WorkerTrainingSettings } from "./types";

interface WorkerTrainingRow {
  job_id: string;
  project_id: string;
  settings: string;
  run_dir: string;
  model_id: string | null;
  record_error: string | null;
  settled_at_ms: number | null;
  created_at_ms: number;
}

function toWorkerTraining(row: WorkerTrainingRow): WorkerTraining {
  return {
    jobId: row.job_id,
    projectId: row.project_id,
    settings: JSON.parse(row.settings) as WorkerTrainingSettings,
    modelId: row.model_id,
    recordError: row.record_error,
    settledAt: row.settled_at_ms === null ? null : isoTime(row.settled_at_ms),
    createdAt: isoTime(row.created_at_ms),
  };
}

export interface NewWorkerTraining {
  readonly jobId: string;
  readonly settings: WorkerTrainingSettings;
}

/** `projects/<projectId>/worker-runs/<jobId>`, relative to the data directory (as stored). */
function workerRunRelativePath(ctx: StoreContext, projectId: string, jobId: string): string {
  // Job ids the dashboard makes are store ids, so the path is built from checked ids only.
  if (!isId(jobId)) {
    throw new StoreError("PATH_OUTSIDE_DATA_DIR", `job id ${JSON.stringify(jobId)} is malformed`);
  }
  ctx.paths.projectDir(projectId);
  return `${PROJECTS_FOLDER}/${projectId}/worker-runs/${jobId}`;
}

export function addWorkerTraining(
  ctx: StoreContext,
  projectId: string,
  training: NewWorkerTraining,
): WorkerTraining {
  requireProject(ctx, projectId);
  const row: WorkerTrainingRow = {
    job_id: training.jobId,
    project_id: projectId,
    settings: JSON.stringify(training.settings),
    run_dir: workerRunRelativePath(ctx, projectId, training.jobId),
    model_id: null,
    record_error: null,
    settled_at_ms: null,
    created_at_ms: ctx.now(),
  };
  ctx.db
    .prepare(
      `INSERT INTO worker_trainings (job_id, project_id, settings, run_dir, model_id,
         record_error, settled_at_ms, created_at_ms)
       VALUES (@job_id, @project_id, @settings, @run_dir, @model_id, @record_error,
         @settled_at_ms, @created_at_ms)`,
    )
    .run(row);
  return toWorkerTraining(row);
}

/** The project's trainings on workers, newest first. */
export function listWorkerTrainings(ctx: StoreContext, projectId?: string): WorkerTraining[] {
  if (projectId !== undefined) requireProject(ctx, projectId);
  const rows =
    projectId === undefined
      ? ctx.db
          .prepare<[], WorkerTrainingRow>(
            "SELECT * FROM worker_trainings ORDER BY created_at_ms DESC, rowid DESC",
          )
          .all()
      : ctx.db
          .prepare<[string], WorkerTrainingRow>(
            `SELECT * FROM worker_trainings WHERE project_id = ?
             ORDER BY created_at_ms DESC, rowid DESC`,
          )
          .all(projectId);
  return rows.map(toWorkerTraining);
}

export function getWorkerTraining(ctx: StoreContext, jobId: string): WorkerTraining | undefined {
  const row = ctx.db
    .prepare<[string], WorkerTrainingRow>("SELECT * FROM worker_trainings WHERE job_id = ?")
    .get(jobId);
  return row && toWorkerTraining(row);
}

/** Absolute path of the run's folder (data set snapshot and model output), from its ids. */
export function workerRunDir(ctx: StoreContext, projectId: string, jobId: string): string {
  return ctx.paths.resolveStored(workerRunRelativePath(ctx, projectId, jobId));
}

/**
 * Records how the job ended for the dashboard: the model it was stored as, or why not. Only the
 * first call counts (false after that), so a job is never stored as two models.
 */
export function settleWorkerTraining(
  ctx: StoreContext,
  jobId: string,
  outcome: { readonly modelId: string } | { readonly error: string | null },
): boolean {
  const result = ctx.db
    .prepare(
      `UPDATE worker_trainings SET model_id = ?, record_error = ?, settled_at_ms = ?
       WHERE job_id = ? AND settled_at_ms IS NULL`,
    )
    .run(
      "modelId" in outcome ? outcome.modelId : null,
      "error" in outcome ? outcome.error : null,
      ctx.now(),
      jobId,
    );
  return result.changes === 1;
}
