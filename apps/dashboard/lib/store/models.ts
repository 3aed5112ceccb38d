// Trained models: rows in `models` plus a model directory each, at
// `<dataDir>/projects/<projectId>/models/<modelId>/` (model.json, weights.bin, wakeforge.json,
// metrics.json and extras, as `wakeforge train --out` writes). The folder is written under a
// temporary name and renamed into place, then the row is inserted; a failed insert removes the
// folder, so a row never points at a missing or half-written model.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { writeDirectoryAtomic } from "./atomic-file";
import { StoreError } from "./errors";
import { newId } from "./ids";
import { isoTime, requireProject, type StoreContext } from "./store-context";
import type { TrainedModel, TransferVerdictKind } from "./types";

interface ModelRow {
  id: string;
  project_id: string;
  trained_in: string;
  backend: string;
  base: string;
  epochs: number;
  compared_scratch: 0 | 1;
  threshold: number;
  false_accept_rate: number;
  recall_at_far: number;
  scratch_recall_at_far: number | null;
  verdict: TransferVerdictKind | null;
  verdict_summary: string | null;
  training_seconds: number;
  files: string;
  byte_size: number;
  dir_path: string;
  created_at_ms: number;
}

function toModel(row: ModelRow): TrainedModel {
  return {
    id: row.id,
    projectId: row.project_id,
    trainedIn: row.trained_in,
    backend: row.backend,
    base: row.base,
    epochs: row.epochs,
    comparedScratch: row.compared_scratch === 1,
    threshold: row.threshold,
    falseAcceptRate: row.false_accept_rate,
    recallAtFar: row.recall_at_far,
    scratchRecallAtFar: row.scratch_recall_at_far,
    verdict: row.verdict,
    verdictSummary: row.verdict_summary,
    trainingSeconds: row.training_seconds,
    files: JSON.parse(row.files) as string[],
    byteSize: row.byte_size,
    createdAt: isoTime(row.created_at_ms),
  };
}

/** What training measured, as the model list shows it (read from the upload's metrics.json). */
export type ModelSummary = Omit<
  TrainedModel,
  "id" | "projectId" | "files" | "byteSize" | "createdAt"
>;

export interface NewModel {
  /** The model directory: file name → bytes (names already checked to be plain). */
  readonly files: Readonly<Record<string, Uint8Array>>;
  readonly summary: ModelSummary;
}

function notFound(projectId: string, modelId: string): StoreError {
  return new StoreError("MODEL_NOT_FOUND", `there is no model ${modelId} in project ${projectId}`);
}

function findRow(ctx: StoreContext, projectId: string, modelId: string): ModelRow {
  const row = ctx.db
    .prepare<[string, string], ModelRow>("SELECT * FROM models WHERE id = ? AND project_id = ?")
    .get(modelId, projectId);
  if (!row) throw notFound(projectId, modelId);
  return row;
}

/** The project's models, newest first. */
export function listModels(ctx: StoreContext, projectId: string): TrainedModel[] {
  requireProject(ctx, projectId);
  return ctx.db
    .prepare<[string], ModelRow>(
      "SELECT * FROM models WHERE project_id = ? ORDER BY created_at_ms DESC, rowid DESC",
    )
    .all(projectId)
    .map(toModel);
}

export function getModel(ctx: StoreContext, projectId: string, modelId: string): TrainedModel {
  return toModel(findRow(ctx, projectId, modelId));
}

/** Absolute path of one of the model's files; MODEL_NOT_FOUND for a name it does not have. */
export function modelFile(
  ctx: StoreContext,
  projectId: string,
  modelId: string,
  name: string,
): string {
  const row = findRow(ctx, projectId, modelId);
  if (!(JSON.parse(row.files) as string[]).includes(name)) {
    throw new StoreError("MODEL_NOT_FOUND", `model ${modelId} has no file ${JSON.stringify(name)}`);
  }
  return ctx.paths.resolveStored(`${row.dir_path}/${name}`);
}

/** Stores the model directory and its row, both or neither. */
export async function addModel(
  ctx: StoreContext,
  projectId: string,
  model: NewModel,
): Promise<TrainedModel> {
  requireProject(ctx, projectId);
  const id = newId();
  const relativePath = ctx.paths.modelRelativePath(projectId, id);
  const dir = ctx.paths.resolveStored(relativePath);
  const names = Object.keys(model.files).sort();
  for (const name of names) ctx.paths.resolveStored(join(relativePath, name));
  await writeDirectoryAtomic(dir, model.files);
  const { summary } = model;
  const row: ModelRow = {
    id,
    project_id: projectId,
    trained_in: summary.trainedIn,
    backend: summary.backend,
    base: summary.base,
    epochs: summary.epochs,
    compared_scratch: summary.comparedScratch ? 1 : 0,
    threshold: summary.threshold,
    false_accept_rate: summary.falseAcceptRate,
    recall_at_far: summary.recallAtFar,
    scratch_recall_at_far: summary.scratchRecallAtFar,
    verdict: summary.verdict,
    verdict_summary: summary.verdictSummary,
    training_seconds: summary.trainingSeconds,
    files: JSON.stringify(names),
    byte_size: Object.values(model.files).reduce((sum, bytes) => sum + bytes.length, 0),
    dir_path: relativePath,
    created_at_ms: ctx.now(),
  };
  try {
    ctx.db.transaction(() => {
      // The project may have been deleted while the files were being written.
      requireProject(ctx, projectId);
      ctx.db
        .prepare(
          `INSERT INTO models (id, project_id, trained_in, backend, base, epochs, compared_scratch,
             threshold, false_accept_rate, recall_at_far, scratch_recall_at_far, verdict,
             verdict_summary, training_seconds, files, byte_size, dir_path, created_at_ms)
           VALUES (@id, @project_id, @trained_in, @backend, @base, @epochs, @compared_scratch,
             @threshold, @false_accept_rate, @recall_at_far, @scratch_recall_at_far, @verdict,
             @verdict_summary, @training_seconds, @files, @byte_size, @dir_path, @created_at_ms)`,
        )
        .run(row);
    })();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return toModel(row);
}

/** Deletes the row, then the folder (a folder left by a crash in between is only unused space). */
export async function deleteModel(
  ctx: StoreContext,
  projectId: string,
  modelId: string,
): Promise<void> {
  const row = ctx.db
    .prepare<[string, string], Pick<ModelRow, "dir_path">>(
      "DELETE FROM models WHERE id = ? AND project_id = ? RETURNING dir_path",
    )
    .get(modelId, projectId);
  if (!row) throw notFound(projectId, modelId);
  await rm(ctx.paths.resolveStored(row.dir_path), { recursive: true, force: true });
}
