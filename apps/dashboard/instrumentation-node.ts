import { EnvError, loadEnv } from "./lib/env";

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
