import { resolve } from "node:path";
import { render } from "ink";
import { CliUsageError, USAGE, parseCliArgs, type CliArgs } from "./cli-args.js";
import { App, type AppExit, type TuiConfig } from "./components/App.js";
import { TuiEnvError, readTuiEnv, type TuiEnv } from "./env.js";
import { processInterrupts } from "./interrupts.js";
import { EXIT } from "./plain/plain-io.js";
import { runPlain } from "./plain/run-plain.js";
import { queueLocation } from "@wakeforge/jobs/node";
import { createServices } from "./services.js";
import { readSystemInfo } from "./system-info.js";
import { themeFor } from "./theme.js";
import { DEFAULT_TRAINING_SETTINGS } from "./training/training-settings.js";
import { enterAlternateScreen } from "./alternate-screen.js";

export interface CliProcess {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

function configFrom(args: CliArgs, env: TuiEnv): TuiConfig {
  const dataDir = args.dataDir ? resolve(args.dataDir) : env.dataDir;
  return {
    dataDir,
    queue: queueLocation(args.queue, { queue: env.queue, dataDir }),
    backend: args.backend ?? env.backend,
    screen: args.screen,
    model: args.model ? resolve(args.model) : undefined,
    file: args.file ? resolve(args.file) : undefined,
    mic: args.mic,
    training: { ...DEFAULT_TRAINING_SETTINGS, ...args.training },
    startTraining: args.start,
    system: readSystemInfo(),
  };
}

/**
 * The `wakeforge-tui` command; returns its exit code. On a terminal it draws the screens; off one
 * (stdout or stdin piped or redirected, CI) or on a dumb terminal, which cannot redraw, it prints
 * lines instead.
 */
export async function runCli(argv: readonly string[], io: CliProcess): Promise<number> {
  let args: CliArgs;
  let env: TuiEnv;
  try {
    args = parseCliArgs(argv);
    env = readTuiEnv(io.env);
  } catch (error) {
    if (!(error instanceof CliUsageError || error instanceof TuiEnvError)) throw error;
    io.stderr.write(`wakeforge-tui: ${error.message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (args.help) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const config = configFrom(args, env);
  const services = createServices(env, config.backend, config.dataDir);
  const interrupts = processInterrupts();
  try {
    // Keys need a terminal too (Ink reads them in raw mode), so a piped stdin also gets lines.
    const interactive = io.stdout.isTTY && io.stdin.isTTY && !env.dumbTerminal;
    if (!interactive) return await runPlain(config, services, io, interrupts);
    const leave = enterAlternateScreen(io.stdout);
    let ended: AppExit | undefined;
    try {
      const screen = render(
        <App
          config={config}
          services={services}
          theme={themeFor(io.env)}
          interrupts={interrupts}
        />,
        { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, exitOnCtrlC: false },
      );
      ended = (await screen.waitUntilExit()) as AppExit | undefined;
    } finally {
      leave();
    }
    if (ended?.message) io.stderr.write(`wakeforge-tui: ${ended.message}\n`);
    return ended?.code ?? EXIT.ok;
  } finally {
    interrupts.dispose();
  }
}
