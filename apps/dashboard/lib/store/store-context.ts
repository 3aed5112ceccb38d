import type { Database } from "better-sqlite3";
import type { DataPaths } from "./data-paths";
import { StoreError } from "./errors";

/** What the project and sample functions share: the database, the paths, the clock. */
export interface StoreContext {
  readonly db: Database;
  readonly paths: DataPaths;
  /** Milliseconds since the epoch (tests pass a fixed clock). */
  readonly now: () => number;
}

/** Throws StoreError PROJECT_NOT_FOUND unless the project exists. */
export function requireProject(ctx: StoreContext, projectId: string): void {
  const found = ctx.db.prepare("SELECT 1 FROM projects WHERE id = ?").get(projectId);
  if (!found) throw new StoreError("PROJECT_NOT_FOUND", `there is no project ${projectId}`);
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
