// Projects: one per trigger phrase. A project is a row in `projects` and a folder
// `<dataDir>/projects/<id>/` holding its samples.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { StoreError } from "./errors";
import { newId } from "./ids";
import { normalizeName, normalizePhrase, phraseKey } from "./project-fields";
import { countSamples } from "./samples";
import { isoTime, type StoreContext } from "./store-context";
import type { Project, ProjectSummary } from "./types";

interface ProjectRow {
  id: string;
  name: string;
  phrase: string;
  phrase_key: string;
  created_at_ms: number;
  updated_at_ms: number;
}

function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    phrase: row.phrase,
    createdAt: isoTime(row.created_at_ms),
    updatedAt: isoTime(row.updated_at_ms),
  };
}

function findRow(ctx: StoreContext, id: string): ProjectRow | undefined {
  return ctx.db.prepare<[string], ProjectRow>("SELECT * FROM projects WHERE id = ?").get(id);
}

/** The project, or StoreError PROJECT_NOT_FOUND. */
export function getProject(ctx: StoreContext, id: string): Project {
  const row = findRow(ctx, id);
  if (!row) throw new StoreError("PROJECT_NOT_FOUND", `there is no project ${id}`);
  return toProject(row);
}

/** Every project, newest first, with its sample counts. */
export function listProjects(ctx: StoreContext): ProjectSummary[] {
  const rows = ctx.db
    .prepare<[], ProjectRow>("SELECT * FROM projects ORDER BY created_at_ms DESC, rowid DESC")
    .all();
  return rows.map((row) => ({ ...toProject(row), counts: countSamples(ctx, row.id) }));
}

function phraseTaken(ctx: StoreContext, phrase: string): StoreError | undefined {
  const existing = ctx.db
    .prepare<[string], ProjectRow>("SELECT * FROM projects WHERE phrase_key = ?")
    .get(phraseKey(phrase));
  if (!existing) return undefined;
  return new StoreError(
    "PHRASE_TAKEN",
    `the project "${existing.name}" already trains "${existing.phrase}"; open it instead`,
  );
}

export interface CreateProjectInput {
  readonly phrase: unknown;
  /** Default: the phrase. */
  readonly name?: unknown;
}

/** Creates the project row and its folder; the row exists only if the folder does. */
export async function createProject(
  ctx: StoreContext,
  input: CreateProjectInput,
): Promise<Project> {
  const phrase = normalizePhrase(input.phrase);
  const name =
    input.name === undefined || (typeof input.name === "string" && input.name.trim() === "")
      ? phrase
      : normalizeName(input.name);
  const taken = phraseTaken(ctx, phrase);
  if (taken) throw taken;

  const id = newId();
  await mkdir(ctx.paths.samplesDir(id), { recursive: true });
  const at = ctx.now();
  const row: ProjectRow = {
    id,
    name,
    phrase,
    phrase_key: phraseKey(phrase),
    created_at_ms: at,
    updated_at_ms: at,
  };
  try {
    ctx.db
      .prepare(
        `INSERT INTO projects (id, name, phrase, phrase_key, created_at_ms, updated_at_ms)
         VALUES (@id, @name, @phrase, @phrase_key, @created_at_ms, @updated_at_ms)`,
      )
      .run(row);
  } catch (error) {
    await rm(ctx.paths.projectDir(id), { recursive: true, force: true });
    // Another request created the same phrase between the check and the insert.
    if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") {
      throw phraseTaken(ctx, phrase) ?? error;
    }
    throw error;
  }
  return toProject(row);
}

/** Gives the project a new name (the phrase stays). */
export function renameProject(ctx: StoreContext, id: string, rawName: unknown): Project {
  const name = normalizeName(rawName);
  const row = ctx.db
    .prepare<[string, number, string], ProjectRow>(
      "UPDATE projects SET name = ?, updated_at_ms = ? WHERE id = ? RETURNING *",
    )
    .get(name, ctx.now(), id);
  if (!row) throw new StoreError("PROJECT_NOT_FOUND", `there is no project ${id}`);
  return toProject(row);
}

/**
 * Deletes the project, its samples and its folder. The folder is first renamed out of the way,
 * so a failure in the database step puts it back and leaves the project whole; once the rows
 * are gone the renamed folder is removed.
 */
export async function deleteProject(ctx: StoreContext, id: string): Promise<void> {
  getProject(ctx, id);
  const folder = ctx.paths.projectDir(id);
  const trash = join(dirname(folder), `.deleting-${id}-${randomBytes(4).toString("hex")}`);
  let moved = false;
  try {
    await rename(folder, trash);
    moved = true;
  } catch (error) {
    // A project whose folder vanished (removed by hand) can still be deleted.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  try {
    ctx.db.transaction(() => {
      ctx.db.prepare("DELETE FROM samples WHERE project_id = ?").run(id);
      ctx.db.prepare("DELETE FROM models WHERE project_id = ?").run(id);
      ctx.db.prepare("DELETE FROM projects WHERE id = ?").run(id);
    })();
  } catch (error) {
    if (moved) await rename(trash, folder);
    throw error;
  }
  if (moved) await rm(trash, { recursive: true, force: true });
}
