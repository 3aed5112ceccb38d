import { render } from "ink";
import { BackendUnavailableError, initBackend, type BackendChoice } from "@wakeforge/core";
import { CliUsageError, USAGE, parseCliArgs, type CliArgs } from "./cli-args.js";
import { App } from "./components/App.js";
import { formatPlainReport } from "./plain-report.js";
import { readSystemInfo, type SystemInfo } from "./system-info.js";
import { themeFor } from "./theme.js";

export interface CliProcess {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const EXIT_OK = 0;
const EXIT_NO_BACKEND = 1;
const EXIT_USAGE = 2;

async function printPlainReport(
  backend: BackendChoice,
  system: SystemInfo,
  io: CliProcess,
): Promise<number> {
  try {
    const report = await initBackend(backend);
    io.stdout.write(`${formatPlainReport(report, system)}\n`);
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof BackendUnavailableError)) throw error;
    io.stderr.write(`wakeforge-tui: ${error.message}\n`);
    return EXIT_NO_BACKEND;
  }
}

/**
 * The `wakeforge-tui` command; returns its exit code. Off a terminal (piped, redirected, CI) it
 * prints the report as text instead of drawing a screen nobody can press keys in.
 */
export async function runCli(argv: readonly string[], io: CliProcess): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.stderr.write(`wakeforge-tui: ${error.message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (args.help) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  const system = readSystemInfo();
  if (!io.stdout.isTTY) return printPlainReport(args.backend, system, io);

  const screen = render(
    <App
      backendChoice={args.backend}
      probeBackend={initBackend}
      system={system}
      theme={themeFor(io.env)}
    />,
    { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr },
  );
  await screen.waitUntilExit();
  return EXIT_OK;
}
