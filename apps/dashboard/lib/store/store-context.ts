import type { Database } from "better-sqlite3";
import type { DataPaths } from "./data-paths";

/** What the project and sample functions share: the database, the paths, the clock. */
export interface StoreContext {
  readonly db: Database;
  readonly paths: DataPaths;
  /** Milliseconds since the epoch (tests pass a fixed clock). */
  readonly now: () => number;
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
