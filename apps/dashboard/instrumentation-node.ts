import { EnvError, loadEnv } from "./lib/env";
import { resumeJobsAtBoot } from "./lib/jobs/resume-at-boot";

/**
 * Validates the environment before the server answers anything, so a bad setting stops
 * `next start` with a clear message instead of breaking pages later.
 */
export async function checkEnvironmentAtStart(): Promise<void> {
  try {
    await loadEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** Gives unfinished jobs of the embedded queue their worker again; a failure only is logged. */
export async function resumeJobs(): Promise<void> {
  await resumeJobsAtBoot().catch((error: unknown) => {
    console.error(`the embedded job queue could not be resumed: ${String(error)}`);
  });
}
