// End to end: the production build served by `next start` (through the package's start
// script), the System page in headless Chromium, and the page checked against GET /api/status.
// Needs `next build` output in .next (turbo runs `build` before `test`).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "../lib/env";
import type { SystemStatus } from "../lib/system-status";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const resultsDir = join(appDir, "test-results");
const SERVER_START_MILLIS = 60_000;
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A TCP port that was free a moment ago on 127.0.0.1. */
function freePort(): Promise<number> {
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

describe("System page, served by next start", () => {
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let baseUrl = "";
  let output = "";
  let api: SystemStatus;

  beforeAll(async () => {
    if (!existsSync(join(appDir, ".next", "BUILD_ID"))) {
      throw new Error(
        "no production build in apps/dashboard/.next: run `pnpm build` first (turbo does)",
      );
    }
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    // The real start script, with HOST unset: it must listen on 127.0.0.1 by default.
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
    delete env.HOST;
    server = spawn(process.execPath, [join(appDir, "scripts", "next.mjs"), "start"], {
      cwd: appDir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: process.platform !== "win32",
    });
    server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await waitUntilAnswering(`${baseUrl}/api/status`, server, () => output);

    const response = await fetch(`${baseUrl}/api/status`);
    api = (await response.json()) as SystemStatus;

    const { chromiumPath } = await loadEnv();
    browser = await chromium.launch({
      executablePath: chromiumPath ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, SERVER_START_MILLIS + 30_000);

  /** The System page, loaded once and reused by the tests that only read it. */
  async function systemPage(): Promise<Page> {
    const p = page!;
    if (new URL(p.url(), baseUrl).pathname !== "/system") await p.goto(`${baseUrl}/system`);
    return p;
  }

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server);
  }, 20_000);

  it("listens on 127.0.0.1 and serves the status as uncached JSON", async () => {
    expect(output).toContain("127.0.0.1");
    const response = await fetch(`${baseUrl}/api/status`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(api.backend.state).toBe("ready");
    expect(api.runtime.node).toMatch(/^v\d+\./);
  });

  it("redirects / to the System page", async () => {
    const response = await fetch(`${baseUrl}/`, { redirect: "manual" });
    expect([307, 308]).toContain(response.status);
    expect(new URL(response.headers.get("location") ?? "", baseUrl).pathname).toBe("/system");
  });

  it("shows the same backend report as the API", async () => {
    const p = page!;
    await p.goto(`${baseUrl}/`, { waitUntil: "load" });
    expect(new URL(p.url()).pathname).toBe("/system");
    expect(await p.title()).toBe("System · wakeforge");
    expect(await p.getAttribute('nav a[aria-current="page"]', "href")).toBe("/system");

    if (api.backend.state !== "ready")
      throw new Error(`backend did not start: ${JSON.stringify(api.backend)}`);
    const report = api.backend.report;
    expect(await p.textContent('[data-testid="server-backend"]')).toBe(report.backend);
    expect(await p.textContent('[data-testid="server-tf-backend"]')).toBe(report.tfBackend);
    for (const [key, value] of Object.entries(report.details)) {
      const shown = typeof value === "boolean" ? (value ? "yes" : "no") : String(value);
      expect(await p.textContent(`[data-testid="server-detail-${key}"]`)).toBe(shown);
    }
    const rows = p.locator('[data-testid="server-ladder-row"]');
    expect(await rows.count()).toBe(api.backend.order.length);
    expect(
      await p.getAttribute(
        `[data-testid="server-ladder-row"][data-backend="${report.backend}"]`,
        "data-state",
      ),
    ).toBe("in use");
    for (const skipped of report.skipped) {
      const row = p.locator(`[data-testid="server-ladder-row"][data-backend="${skipped.backend}"]`);
      expect(await row.getAttribute("data-state")).toBe("skipped");
      expect(await row.locator('[data-testid="server-ladder-reason"]').textContent()).toBe(
        skipped.reason,
      );
    }
  });

  it("shows the runtime and the programs the API reports", async () => {
    const p = await systemPage();
    expect(await p.textContent('[data-testid="node-version"]')).toBe(api.runtime.node);
    expect(await p.textContent('[data-testid="cpu-count"]')).toBe(String(api.runtime.cpuCount));
    expect(await p.textContent('[data-testid="data-dir-path"]')).toBe(api.dataDir.path);
    for (const program of api.programs) {
      const row = p.locator(`[data-testid="program-row"][data-program="${program.name}"]`);
      expect(await row.getAttribute("data-found")).toBe(String(program.found));
      if (program.path) expect(await row.textContent()).toContain(program.path);
    }
  });

  it("checks the browser's own backends", async () => {
    const p = await systemPage();
    await p.waitForSelector('[data-testid="browser-panel"][data-state="done"]', {
      timeout: 15_000,
    });
    const rows = p.locator('[data-testid="browser-ladder-row"]');
    expect(await rows.count()).toBe(api.browserBackendOrder.length);
    // Chromium always has WebAssembly, and the plain cpu backend always works.
    expect(
      await p.getAttribute(
        '[data-testid="browser-ladder-row"][data-backend="wasm"]',
        "data-supported",
      ),
    ).toBe("true");
    expect(
      await p.getAttribute(
        '[data-testid="browser-ladder-row"][data-backend="cpu"]',
        "data-supported",
      ),
    ).toBe("true");
    const chosen = await p.textContent('[data-testid="browser-backend"]');
    expect(api.browserBackendOrder).toContain(chosen);

    mkdirSync(resultsDir, { recursive: true });
    await p.screenshot({ path: join(resultsDir, "system.png"), fullPage: true });
  });

  it("has honest empty states for Projects and Jobs", async () => {
    const p = page!;
    for (const [path, title] of [
      ["/projects", "Projects are coming next"],
      ["/jobs", "Jobs are coming next"],
    ] as const) {
      await p.goto(`${baseUrl}${path}`);
      expect(await p.textContent('[data-testid="empty-state"] h2')).toBe(title);
      expect(await p.getAttribute('nav a[aria-current="page"]', "href")).toBe(path);
    }
  });
});
