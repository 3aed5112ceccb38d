// Synthesis runs in this server process: at most one per project, in the background, polled by
// the page for progress. Clips are made in a run folder inside the project (so deleting the
// project removes them) and moved into the project's samples when the run ends; a cancelled run
// keeps what it made. Runs live in memory: a server restart forgets them, and the next run of
// that project clears the folder a stopped server left behind.
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { SynthesizeDatasetResult, TtsEngine } from "@wakeforge/synth";
import { newId } from "../store/ids";
import type { Store } from "../store";
import { importSynthesized } from "./import-synthesized";
import { loadSynth, type Synth } from "./load-synth";
import type { SynthesisRequest } from "./synthesis-request";
import type { SynthesisState, SynthesisStatus } from "./synthesis-status";

/** Prefix of run folders inside a project folder. */
const RUN_FOLDER_PREFIX = "synthesis-";

/** Another run of the project is still going. */
export class SynthesisBusyError extends Error {
  constructor(projectId: string) {
    super(`project ${projectId} is already synthesizing; wait for it or cancel it first`);
    this.name = "SynthesisBusyError";
  }
}

interface Run {
  status: Mutable<SynthesisStatus>;
  readonly controller: AbortController;
  /** Settles when the run has ended and its clips are imported or discarded. */
  finished: Promise<void>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// One registry per process (Next bundles each route separately).
const KEY = Symbol.for("wakeforge.dashboard.synthesisRuns");
type Holder = { [KEY]?: Map<string, Run> };

function runs(): Map<string, Run> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Map();
  return holder[KEY];
}

function snapshot(run: Run): SynthesisStatus {
  return { ...run.status, added: { ...run.status.added }, notes: [...run.status.notes] };
}

/** The project's current run, or its last one since the server started; null if none. */
export function synthesisStatus(projectId: string): SynthesisStatus | null {
  const run = runs().get(projectId);
  return run ? snapshot(run) : null;
}

/** Asks the running run to stop; returns its status (state stays "running" until it has). */
export function cancelSynthesis(projectId: string): SynthesisStatus | null {
  const run = runs().get(projectId);
  if (!run) return null;
  if (run.status.state === "running") run.controller.abort();
  return snapshot(run);
}

/** Cancels the project's run, waits for it to end, and forgets it (before deleting a project). */
export async function stopSynthesis(projectId: string): Promise<void> {
  const run = runs().get(projectId);
  if (!run) return;
  run.controller.abort();
  await run.finished;
  runs().delete(projectId);
}

export interface StartSynthesisOptions {
  /** The engines to speak with. Default: every engine that works here. */
  readonly engines?: readonly TtsEngine[];
  /** Syntheses in flight at once. Default 2. */
  readonly concurrency?: number;
}

async function removeStaleRunFolders(projectDir: string): Promise<void> {
  const entries = await readdir(projectDir).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((name) => name.startsWith(RUN_FOLDER_PREFIX))
      .map((name) => rm(join(projectDir, name), { recursive: true, force: true })),
  );
}

/**
 * Starts making `request.positives` clips of the project's phrase and `request.negatives`
 * confusable and everyday phrases. Throws SynthesisBusyError while another run of the project
 * goes on, and synth's NoSynthEngineError when no speech engine works here (checked before the
 * run starts, so the page can say so at once).
 */
export async function startSynthesis(
  store: Store,
  projectId: string,
  request: SynthesisRequest,
  options: StartSynthesisOptions = {},
): Promise<SynthesisStatus> {
  const project = store.getProject(projectId);
  if (runs().get(projectId)?.status.state === "running") throw new SynthesisBusyError(projectId);
  const synth = await loadSynth();
  const engines = options.engines ?? (await synth.requireEngines());
  // Checked again: another request may have started a run while the engines were probed.
  if (runs().get(projectId)?.status.state === "running") throw new SynthesisBusyError(projectId);

  const id = newId();
  const run: Run = {
    controller: new AbortController(),
    finished: Promise.resolve(),
    status: {
      id,
      projectId,
      state: "running",
      positives: request.positives,
      negatives: request.negatives,
      done: 0,
      total: request.positives + request.negatives,
      failed: 0,
      elapsedMs: 0,
      etaMs: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      added: { positive: 0, negative: 0 },
      engines: engines.map((e) => e.id),
      notes: [],
      error: null,
    },
  };
  runs().set(projectId, run);
  run.finished = execute(store, synth, run, project.phrase, engines, options.concurrency ?? 2);
  return snapshot(run);
}

async function execute(
  store: Store,
  synth: Synth,
  run: Run,
  phrase: string,
  engines: readonly TtsEngine[],
  concurrency: number,
): Promise<void> {
  const { status, controller } = run;
  const projectDir = store.paths.projectDir(status.projectId);
  const runDir = join(projectDir, `${RUN_FOLDER_PREFIX}${status.id}`);
  const started = performance.now();
  let state: SynthesisState = "succeeded";
  let result: SynthesizeDatasetResult | undefined;
  try {
    await removeStaleRunFolders(projectDir);
    try {
      result = await synth.synthesizeDataset({
        phrase,
        positives: status.positives,
        negatives: status.negatives,
        // A new seed per run: a second run adds other voices and texts, not the same clips.
        seed: `${status.projectId}-${status.id}`,
        outDir: runDir,
        engines,
        concurrency,
        signal: controller.signal,
        onProgress: (p) => {
          status.done = p.done;
          status.total = p.total;
          status.failed = p.failed;
          status.elapsedMs = Math.round(p.elapsedMs);
          status.etaMs = p.etaMs === undefined ? null : Math.round(p.etaMs);
        },
      });
      status.notes = [...result.manifest.notes];
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      state = "cancelled";
    }
    // A cancelled run saved the manifest of what it finished: those clips are kept too.
    const manifest =
      result?.manifest ?? (await synth.readSyntheticManifest(join(runDir, synth.MANIFEST_FILE)));
    const clips = manifest?.clips ?? [];
    if (state === "succeeded" && clips.length === 0) {
      const reasons = result?.failures.slice(0, 3).map((f) => f.error.message) ?? [];
      throw new Error(
        `no clip could be synthesized${reasons.length > 0 ? `: ${reasons.join("; ")}` : ""}`,
      );
    }
    const added = await importSynthesized(store, status.projectId, runDir, clips);
    status.added = {
      positive: added.filter((s) => s.label === "positive").length,
      negative: added.filter((s) => s.label === "negative").length,
    };
  } catch (error) {
    state = "failed";
    status.error = error instanceof Error ? error.message : String(error);
  } finally {
    await rm(runDir, { recursive: true, force: true });
    status.elapsedMs = Math.round(performance.now() - started);
    status.etaMs = null;
    status.finishedAt = new Date().toISOString();
    status.state = state;
  }
}
