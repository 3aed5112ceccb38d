// The database's shape, as an ordered list of versioned steps. A step is never edited once
// released: change the schema by appending a step. `schema_migrations` records which steps a
// database has had, so an older dashboard refuses a newer database instead of misreading it.
import type { Database } from "better-sqlite3";
import { StoreError } from "./errors";

export interface Migration {
  /** 1, 2, 3… in order, without gaps. */
  readonly version: number;
  /** What the step does, recorded with it. */
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "projects and samples",
    sql: `
      CREATE TABLE projects (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        phrase TEXT NOT NULL,
        -- the phrase lower-cased with single spaces: one project per trigger phrase
        phrase_key TEXT NOT NULL UNIQUE,
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL
      );
      CREATE TABLE samples (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        label TEXT NOT NULL CHECK (label IN ('positive', 'negative', 'background')),
        source TEXT NOT NULL CHECK (source IN ('recorded', 'uploaded', 'synthesized')),
        -- synthesized samples: the engine, the voice (with its variant) and the words spoken
        engine TEXT,
        voice TEXT,
        text TEXT,
        -- uploads: the name, container and sample rate the file arrived with (display only)
        original_name TEXT,
        original_format TEXT,
        original_sample_rate_hz INTEGER,
        duration_seconds REAL NOT NULL CHECK (duration_seconds > 0),
        sample_rate_hz INTEGER NOT NULL,
        -- relative to the data directory, built from ids only
        file_path TEXT NOT NULL UNIQUE,
        byte_size INTEGER NOT NULL,
        created_at_ms INTEGER NOT NULL
      );
      CREATE INDEX samples_by_project ON samples (project_id, label, created_at_ms);
    `,
  },
  {
    version: 2,
    name: "trained models",
    sql: `
      CREATE TABLE models (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        -- where it trained ('browser', a worker) and on which TensorFlow.js backend
        trained_in TEXT NOT NULL,
        backend TEXT NOT NULL,
        base TEXT NOT NULL,
        epochs INTEGER NOT NULL,
        compared_scratch INTEGER NOT NULL CHECK (compared_scratch IN (0, 1)),
        -- the calibrated threshold, and the held-out recall at the clip false-accept rate it sets
        threshold REAL NOT NULL CHECK (threshold BETWEEN 0 AND 1),
        false_accept_rate REAL NOT NULL,
        recall_at_far REAL NOT NULL,
        scratch_recall_at_far REAL,
        verdict TEXT CHECK (verdict IN ('transfer-helped', 'mixed', 'negative-transfer')),
        verdict_summary TEXT,
        training_seconds REAL NOT NULL,
        -- the model directory's file names (JSON array) and their total size
        files TEXT NOT NULL,
        byte_size INTEGER NOT NULL,
        -- relative to the data directory, built from ids only
        dir_path TEXT NOT NULL UNIQUE,
        created_at_ms INTEGER NOT NULL
      );
      CREATE INDEX models_by_project ON models (project_id, created_at_ms);
    `,
  },
  {
    version: 3,
    name: "trainings on workers",
    sql: `
      -- A train job the dashboard queued for a project: the job itself lives in the queue
      -- (queue.sqlite or Redis); this row ties it to the project and to the model it became.
      CREATE TABLE worker_trainings (
        job_id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        -- what was asked for (JSON: base, epochs, compareScratch, seed, minutes of audio)
        settings TEXT NOT NULL,
        -- relative to the data directory: the data set snapshot and the worker's model folder
        run_dir TEXT NOT NULL UNIQUE,
        -- once the job is over: the model it was stored as, or why it could not be
        model_id TEXT,
        record_error TEXT,
        settled_at_ms INTEGER,
        created_at_ms INTEGER NOT NULL
      );
      CREATE INDEX worker_trainings_by_project ON worker_trainings (project_id, created_at_ms);
    `,
  },
];

const LEDGER = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at_ms INTEGER NOT NULL
  )`;

/** The highest version recorded in `db` (0 for a new database). */
export function schemaVersion(db: Database): number {
  db.exec(LEDGER);
  const row = db.prepare("SELECT MAX(version) AS version FROM schema_migrations").get() as {
    version: number | null;
  };
  return row.version ?? 0;
}

/**
 * Brings `db` up to the last of `migrations`, each step in its own transaction (a failed step
 * leaves the database at the previous version). Returns the versions applied now.
 * Throws StoreError SCHEMA_TOO_NEW when the database is ahead of this code.
 */
export function applyMigrations(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => number = Date.now,
): number[] {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(
        `migration ${i} has version ${m.version}; versions must run 1, 2, 3… in order`,
      );
    }
  });
  const latest = migrations.length;
  const applied: number[] = [];
  // IMMEDIATE: two processes opening the same new database do not both run a step.
  db.transaction(() => {
    const current = schemaVersion(db);
    if (current > latest) {
      throw new StoreError(
        "SCHEMA_TOO_NEW",
        `the database ${db.name} has schema version ${current}; this dashboard knows up to ` +
          `${latest}. Update wakeforge, or point WAKEFORGE_DATA_DIR elsewhere.`,
      );
    }
  }).immediate();
  for (const migration of migrations) {
    db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      db.prepare(
        "INSERT INTO schema_migrations (version, name, applied_at_ms) VALUES (?, ?, ?)",
      ).run(migration.version, migration.name, now());
      applied.push(migration.version);
    }).immediate();
  }
  return applied;
}
