// What every end-to-end file needs: the production server started by the package's own start
// script on a fresh data directory, headless Chromium with a fake microphone, screenshots under
// test-results/, and the few API calls that set a project up. Each e2e file starts its own
// server and browser, so files stay independent (Chromium's fake microphone is chosen at launch).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { loadEnv } from "../lib/env";

export const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const resultsDir = join(appDir, "test-results");
export const SERVER_START_MILLIS = 60_000;

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // A microphone without a person: permission granted, audio read from a WAV file in a loop.
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
];

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200, the server exits, or the time runs out. */
async function waitUntilAnswering(
  url: string,
  server: ChildProcess,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + SERVER_START_MILLIS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(
        `next start exited (${server.exitCode ?? server.signalCode}) before answering:\n${log()}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `next start did not answer ${url} within ${SERVER_START_MILLIS / 1000} s:\n${log()}`,
  );
}

/** Stops the server and everything it started (its own process group on POSIX). */
async function stopServer(server: ChildProcess): Promise<void> {
  if (server.pid === undefined || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      if (process.platform === "win32") server.kill(name);
      else process.kill(-server.pid!, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

export interface RunningDashboard {
  readonly baseUrl: string;
  readonly process: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * `next start` through the real start script with HOST unset (it must listen on 127.0.0.1 by
 * default), on a free port, with `dataDir` as WAKEFORGE_DATA_DIR; resolves once it answers.
 */
export async function startDashboard(
  dataDir: string,
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<RunningDashboard> {
  if (!existsSync(join(appDir, ".next", "BUILD_ID"))) {
    throw new Error(
      "no production build in apps/dashboard/.next: run `pnpm build` first (turbo does)",
    );
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    WAKEFORGE_DATA_DIR: dataDir,
    ...extraEnv,
  };
  delete env.HOST;
  const server = spawn(process.execPath, [join(appDir, "scripts", "next.mjs"), "start"], {
    cwd: appDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: process.platform !== "win32",
  });
  let output = "";
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitUntilAnswering(`${baseUrl}/api/status`, server, () => output);
  return { baseUrl, process: server, output: () => output, stop: () => stopServer(server) };
}

/** Headless Debian Chromium whose fake microphone loops `microphoneWav` (a WAV file path). */
export async function launchChromium(microphoneWav?: string): Promise<Browser> {
  const { chromiumPath } = await loadEnv();
  const args = microphoneWav
    ? [...CHROMIUM_ARGS, `--use-file-for-fake-audio-capture=${microphoneWav}`]
    : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: chromiumPath ?? "/usr/bin/chromium", args });
}

/** A full-page screenshot saved as test-results/`name`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  await page.screenshot({ path: join(resultsDir, name), fullPage: true });
}

export function postJson(baseUrl: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** Creates a project through the API and returns its id. */
export async function createProject(baseUrl: string, phrase: string): Promise<string> {
  const created = await postJson(baseUrl, "/api/projects", { phrase });
  if (created.status !== 201) throw new Error(`creating "${phrase}": HTTP ${created.status}`);
  return ((await created.json()) as { project: { id: string } }).project.id;
}

/** Starts server-side synthesis for a project and waits until it has succeeded. */
export async function synthesizeAndWait(
  baseUrl: string,
  projectId: string,
  counts: { readonly positives: number; readonly negatives: number },
  timeoutMillis = 60_000,
): Promise<void> {
  const started = await postJson(baseUrl, `/api/projects/${projectId}/synthesis`, counts);
  if (started.status !== 202) throw new Error(`synthesis refused: HTTP ${started.status}`);
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    const { run } = (await (
      await fetch(`${baseUrl}/api/projects/${projectId}/synthesis`)
    ).json()) as { run: { state: string } };
    if (run.state === "succeeded") return;
    if (run.state !== "running" || Date.now() > deadline) {
      throw new Error(`synthesis ended ${run.state}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}
