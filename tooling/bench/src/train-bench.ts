// (e) End-to-end `wakeforge train` wall time for a fixed small job, run as a user runs it (a
// separate process with a fresh data directory), so synthesis, features, training, calibration
// and writing the model all count.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { decodeWav } from "@wakeforge/audio";

const run = promisify(execFile);

/** The fixed job: small enough for a bench, every stage of a real training present. */
export const TRAIN_JOB = {
  word: "hey nova",
  synth: 12,
  epochs: 2,
  negativeMinutes: 1,
  seed: 0,
} as const;

export class TrainBenchError extends Error {
  override readonly name = "TrainBenchError";
}

/** `wakeforge`: WAKEFORGE_CLI (set by `wakeforge bench`), else this checkout's worker. */
export function locateWakeforge(env: NodeJS.ProcessEnv): string | undefined {
  const given = env.WAKEFORGE_CLI?.trim();
  if (given) return given;
  const here = dirname(fileURLToPath(import.meta.url));
  const inCheckout = join(here, "..", "..", "..", "apps", "worker", "bin", "wakeforge.js");
  return existsSync(inCheckout) ? inCheckout : undefined;
}

export interface TrainRunFigures {
  readonly wallSeconds: number;
  readonly audioSeconds: number;
  readonly command: readonly string[];
}

export async function benchTrain(options: {
  readonly wakeforge: string;
  readonly backend: string;
}): Promise<TrainRunFigures> {
  const scratch = await mkdtemp(join(tmpdir(), "wakeforge-bench-train-"));
  const args = [
    "train",
    "--word",
    TRAIN_JOB.word,
    "--synth",
    String(TRAIN_JOB.synth),
    "--epochs",
    String(TRAIN_JOB.epochs),
    "--background-minutes",
    "0",
    "--negative-minutes",
    String(TRAIN_JOB.negativeMinutes),
    "--seed",
    String(TRAIN_JOB.seed),
    "--backend",
    options.backend,
    "--json",
    "--out",
    join(scratch, "model"),
  ];
  try {
    const started = performance.now();
    try {
      await run(process.execPath, [options.wakeforge, ...args], {
        env: { ...process.env, WAKEFORGE_DATA_DIR: join(scratch, "data") },
        maxBuffer: 16 << 20,
      });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
      throw new TrainBenchError(
        `wakeforge ${args.join(" ")} failed: ${stderr.split("\n").slice(-3).join(" | ")}`,
        { cause: error },
      );
    }
    const wallSeconds = (performance.now() - started) / 1_000;
    const clipSeconds = await wavSecondsUnder(join(scratch, "data"));
    return {
      wallSeconds,
      audioSeconds: clipSeconds + TRAIN_JOB.negativeMinutes * 60,
      command: ["wakeforge", ...args.slice(0, -1), "DIR"],
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Seconds of audio in every WAV file under `dir` (the job's synthesized clips). */
async function wavSecondsUnder(dir: string): Promise<number> {
  let seconds = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".wav")) continue;
    const wav = decodeWav(new Uint8Array(await readFile(join(entry.parentPath, entry.name))));
    seconds += wav.samples.length / wav.sampleRateHz;
  }
  return seconds;
}
