// Samples: rows in `samples` plus one 16 kHz mono WAV file each, at
// `<dataDir>/projects/<projectId>/samples/<sampleId>.wav`. Files are written (or moved in) first
// and the rows inserted in one transaction after; a failed insert removes the files again, so a
// row never points at a missing file. A label is only a column: moving a sample between
// positive and negative is a single UPDATE.
import { rename, rm, stat } from "node:fs/promises";
import { SAMPLE_RATE_HZ } from "@wakeforge/audio";
import { writeFileAtomic } from "./atomic-file";
import { StoreError } from "./errors";
import { newId } from "./ids";
import { isoTime, requireProject, type StoreContext } from "./store-context";
import {
  SAMPLE_LABELS,
  type LabelCount,
  type Sample,
  type SampleCounts,
  type SampleLabel,
  type SampleSource,
} from "./types";

interface SampleRow {
  id: string;
  project_id: string;
  label: SampleLabel;
  source: SampleSource;
  engine: string | null;
  voice: string | null;
  text: string | null;
  original_name: string | null;
  original_format: string | null;
  original_sample_rate_hz: number | null;
  duration_seconds: number;
  sample_rate_hz: number;
  file_path: string;
  byte_size: number;
  created_at_ms: number;
}

function toSample(row: SampleRow): Sample {
  return {
    id: row.id,
    projectId: row.project_id,
    label: row.label,
    source: row.source,
    engine: row.engine,
    voice: row.voice,
    text: row.text,
    originalName: row.original_name,
    originalFormat: row.original_format,
    originalSampleRateHz: row.original_sample_rate_hz,
    durationSeconds: row.duration_seconds,
    sampleRateHz: row.sample_rate_hz,
    byteSize: row.byte_size,
    createdAt: isoTime(row.created_at_ms),
  };
}

/** `raw` as a label, or StoreError INVALID_LABEL naming what was received. */
export function parseLabel(raw: unknown): SampleLabel {
  const label = SAMPLE_LABELS.find((l) => l === raw);
  if (label === undefined) {
    throw new StoreError(
      "INVALID_LABEL",
      `label must be one of ${SAMPLE_LABELS.join(", ")}, got ${JSON.stringify(raw)}`,
    );
  }
  return label;
}

function notFound(projectId: string, sampleId: string): StoreError {
  return new StoreError(
    "SAMPLE_NOT_FOUND",
    `there is no sample ${sampleId} in project ${projectId}`,
  );
}

/** The project's samples, newest first. */
export function listSamples(ctx: StoreContext, projectId: string): Sample[] {
  requireProject(ctx, projectId);
  return ctx.db
    .prepare<[string], SampleRow>(
      "SELECT * FROM samples WHERE project_id = ? ORDER BY created_at_ms DESC, rowid DESC",
    )
    .all(projectId)
    .map(toSample);
}

export function getSample(ctx: StoreContext, projectId: string, sampleId: string): Sample {
  return toSample(findRow(ctx, projectId, sampleId));
}

function findRow(ctx: StoreContext, projectId: string, sampleId: string): SampleRow {
  const row = ctx.db
    .prepare<[string, string], SampleRow>("SELECT * FROM samples WHERE id = ? AND project_id = ?")
    .get(sampleId, projectId);
  if (!row) throw notFound(projectId, sampleId);
  return row;
}

/** Absolute path of the sample's WAV file (checked to lie inside the data directory). */
export function sampleFile(ctx: StoreContext, projectId: string, sampleId: string): string {
  return ctx.paths.resolveStored(findRow(ctx, projectId, sampleId).file_path);
}

const EMPTY_COUNT: LabelCount = { count: 0, seconds: 0, real: 0, synthesized: 0 };

/** How many samples (and seconds) each label has, real and synthesized apart. */
export function countSamples(ctx: StoreContext, projectId: string): SampleCounts {
  const rows = ctx.db
    .prepare<[string], { label: SampleLabel; count: number; seconds: number; synthesized: number }>(
      `SELECT label, COUNT(*) AS count, TOTAL(duration_seconds) AS seconds,
         TOTAL(source = 'synthesized') AS synthesized
       FROM samples WHERE project_id = ? GROUP BY label`,
    )
    .all(projectId);
  const byLabel = Object.fromEntries(
    SAMPLE_LABELS.map((label) => {
      const row = rows.find((r) => r.label === label);
      if (!row) return [label, EMPTY_COUNT];
      const seconds = Math.round(row.seconds * 1000) / 1000;
      return [
        label,
        {
          count: row.count,
          seconds,
          synthesized: row.synthesized,
          real: row.count - row.synthesized,
        },
      ];
    }),
  ) as Record<SampleLabel, LabelCount>;
  return { ...byLabel, total: rows.reduce((sum, r) => sum + r.count, 0) };
}

export interface NewSample {
  readonly label: SampleLabel;
  readonly source: SampleSource;
  /**
   * The 16 kHz mono WAV to store: its bytes, or a file already in that form to move in (on the
   * same file system as the data directory, e.g. a synthesis run's output inside the project).
   */
  readonly audio: { readonly bytes: Uint8Array } | { readonly moveFrom: string };
  readonly durationSeconds: number;
  readonly engine?: string | null;
  readonly voice?: string | null;
  readonly text?: string | null;
  readonly originalName?: string | null;
  readonly originalFormat?: string | null;
  readonly originalSampleRateHz?: number | null;
}

/** Stores the samples all together or not at all. Returns them in the order given. */
export async function addSamples(
  ctx: StoreContext,
  projectId: string,
  samples: readonly NewSample[],
): Promise<Sample[]> {
  requireProject(ctx, projectId);
  const written: string[] = [];
  const rows: SampleRow[] = [];
  const at = ctx.now();
  try {
    for (const sample of samples) {
      const label = parseLabel(sample.label);
      if (!(sample.durationSeconds > 0)) {
        throw new RangeError(`durationSeconds must be > 0, got ${sample.durationSeconds}`);
      }
      const id = newId();
      const relativePath = ctx.paths.sampleRelativePath(projectId, id);
      const path = ctx.paths.resolveStored(relativePath);
      let byteSize: number;
      if ("bytes" in sample.audio) {
        await writeFileAtomic(path, sample.audio.bytes);
        byteSize = sample.audio.bytes.length;
      } else {
        await rename(sample.audio.moveFrom, path);
        byteSize = (await stat(path)).size;
      }
      written.push(path);
      rows.push({
        id,
        project_id: projectId,
        label,
        source: sample.source,
        engine: sample.engine ?? null,
        voice: sample.voice ?? null,
        text: sample.text ?? null,
        original_name: sample.originalName ?? null,
        original_format: sample.originalFormat ?? null,
        original_sample_rate_hz: sample.originalSampleRateHz ?? null,
        duration_seconds: Math.round(sample.durationSeconds * 1000) / 1000,
        sample_rate_hz: SAMPLE_RATE_HZ,
        file_path: relativePath,
        byte_size: byteSize,
        created_at_ms: at,
      });
    }
    const insert = ctx.db.prepare<[SampleRow]>(
      `INSERT INTO samples (id, project_id, label, source, engine, voice, text, original_name,
         original_format, original_sample_rate_hz, duration_seconds, sample_rate_hz, file_path,
         byte_size, created_at_ms)
       VALUES (@id, @project_id, @label, @source, @engine, @voice, @text, @original_name,
         @original_format, @original_sample_rate_hz, @duration_seconds, @sample_rate_hz,
         @file_path, @byte_size, @created_at_ms)`,
    );
    ctx.db.transaction(() => {
      // The project may have been deleted while the files were being written.
      requireProject(ctx, projectId);
      for (const row of rows) insert.run(row);
    })();
  } catch (error) {
    await Promise.all(written.map((path) => rm(path, { force: true })));
    throw error;
  }
  return rows.map(toSample);
}

/** Moves the sample to another label (positive ⇄ negative, or background). */
export function relabelSample(
  ctx: StoreContext,
  projectId: string,
  sampleId: string,
  rawLabel: unknown,
): Sample {
  const label = parseLabel(rawLabel);
  const row = ctx.db
    .prepare<[SampleLabel, string, string], SampleRow>(
      "UPDATE samples SET label = ? WHERE id = ? AND project_id = ? RETURNING *",
    )
    .get(label, sampleId, projectId);
  if (!row) throw notFound(projectId, sampleId);
  return toSample(row);
}

/** Deletes the row, then the file (a file left by a crash in between is only unused space). */
export async function deleteSample(
  ctx: StoreContext,
  projectId: string,
  sampleId: string,
): Promise<void> {
  const row = ctx.db
    .prepare<[string, string], Pick<SampleRow, "file_path">>(
      "DELETE FROM samples WHERE id = ? AND project_id = ? RETURNING file_path",
    )
    .get(sampleId, projectId);
  if (!row) throw notFound(projectId, sampleId);
  await rm(ctx.paths.resolveStored(row.file_path), { force: true });
}
