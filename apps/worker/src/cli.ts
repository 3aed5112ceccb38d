import { readFileSync } from "node:fs";
import { BENCH_HELP, bench } from "./commands/bench.js";
import { CANCEL_HELP, cancelJob } from "./commands/cancel-job.js";
import { DETECT_HELP, detect } from "./commands/detect.js";
import { DOCTOR_HELP, doctor } from "./commands/doctor.js";
import { EXPORT_HELP, exportModel } from "./commands/export-model.js";
import { IMPORT_HELP, importHead } from "./commands/import-head.js";
import { EVAL_HELP, evaluate } from "./commands/evaluate.js";
import { JOBS_HELP, listJobs } from "./commands/list-jobs.js";
import { NEGATIVES_HELP, negatives } from "./commands/negatives.js";
import { PRETRAIN_HELP, pretrain } from "./commands/pretrain.js";
import { SERVE_HELP, serve } from "./commands/serve.js";
import { SUBMIT_HELP, submit } from "./commands/submit.js";
import { TRAIN_HELP, train } from "./commands/train.js";
import { TUI_HELP, tui } from "./commands/tui.js";
import { EnvError } from "./env.js";
import { EXIT } from "./exit-codes.js";
import { describeFailure, isExpectedFailure } from "./failures.js";
import type { CommandIo } from "./io.js";
import { UsageError } from "./usage-error.js";

interface Command {
  readonly summary: string;
  readonly help: string;
  /** The command answers --help itself (it passes its arguments on to another program). */
  readonly ownHelp?: boolean;
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}

/** The commands this build of wakeforge has; the rest of docs/cli.md arrives with its issue. */
const COMMANDS: Readonly<Record<string, Command>> = {
  train: {
    summary: "train a wake word by transfer learning (and compare with scratch)",
    help: TRAIN_HELP,
    run: train,
  },
  eval: {
    summary: "measure recall and false accepts per hour on held-out audio",
    help: EVAL_HELP,
    run: evaluate,
  },
  negatives: {
    summary: "generate long negative audio (speech, music, noise) for evaluation",
    help: NEGATIVES_HELP,
    run: negatives,
  },
  pretrain: {
    summary: "pre-train a word-recognition base network of your own",
    help: PRETRAIN_HELP,
    run: pretrain,
  },
  detect: { summary: "find the wake word in audio files", help: DETECT_HELP, run: detect },
  export: {
    summary: "export a model as ONNX (head) or TensorFlow.js (whole detector)",
    help: EXPORT_HELP,
    run: exportModel,
  },
  import: {
    summary: "import an openWakeWord head (ONNX) as a wakeforge model",
    help: IMPORT_HELP,
    run: importHead,
  },
  serve: {
    summary: "run queued jobs on this machine (a SQLite file or Redis queue)",
    help: SERVE_HELP,
    run: serve,
  },
  submit: { summary: "check a job spec file and queue it", help: SUBMIT_HELP, run: submit },
  jobs: { summary: "list a queue's jobs with state and progress", help: JOBS_HELP, run: listJobs },
  cancel: { summary: "cancel a queued or running job", help: CANCEL_HELP, run: cancelJob },
  doctor: { summary: "check backends and system programs", help: DOCTOR_HELP, run: doctor },
  bench: {
    summary: "measure speed against onnxruntime-node (log-mel, embeddings, streaming, training)",
    help: BENCH_HELP,
    run: bench,
  },
  tui: {
    summary: "the terminal UI: train, watch, evaluate, listen, jobs (wakeforge-tui)",
    help: TUI_HELP,
    ownHelp: true,
    run: tui,
  },
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const rows = Object.entries(COMMANDS).map(
    ([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`,
  );
  return (
    `usage: wakeforge <command> [options]\n\ncommands:\n${rows.join("\n")}\n\n` +
    "wakeforge <command> --help shows a command's options.\n"
  );
}

/** Runs one command line and returns the exit code; never calls process.exit itself. */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`wakeforge: unknown command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  if (!command.ownHelp && (rest.includes("--help") || rest.includes("-h"))) {
    io.stdout.write(`${command.help}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof EnvError || isParseArgsError(error)) {
      io.stderr.write(`wakeforge ${name}: ${(error as Error).message}\n\n${command.help}\n`);
      return EXIT.usage;
    }
    if (isExpectedFailure(error)) {
      io.stderr.write(`wakeforge ${name}: ${describeFailure(error)}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}

/** node:util parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown flags. */
function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
