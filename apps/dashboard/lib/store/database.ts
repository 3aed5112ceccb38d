import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { applyMigrations } from "./migrations";

/** How long a write waits for another connection's write to finish before failing. */
const BUSY_TIMEOUT_MS = 10_000;

/** Opens (creating when needed) the SQLite file at `file` and brings its schema up to date. */
export function openDatabase(file: string, now: () => number = Date.now): Database.Database {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    // WAL: pages read while a write is in progress; NORMAL loses nothing when a process dies.
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    applyMigrations(db, undefined, now);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
