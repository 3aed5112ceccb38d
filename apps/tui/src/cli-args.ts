import { parseArgs } from "node:util";
import { NODE_BACKEND_ORDER, type BackendChoice } from "@wakeforge/core";

export const BACKEND_CHOICES = ["auto", ...NODE_BACKEND_ORDER] as const;

export const USAGE = `Usage: wakeforge-tui [--backend ${BACKEND_CHOICES.join("|")}]

Shows the TensorFlow.js backend wakeforge runs on here, and why faster ones were skipped.
When output is not a terminal, prints the same as plain text and exits.

Options:
  --backend NAME  the backend to use (default: auto, the best one that works)
  -h, --help      show this help`;

export interface CliArgs {
  readonly backend: BackendChoice;
  readonly help: boolean;
}

/** Wrong command-line usage; the message says what was wrong in the user's terms. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliUsageError";
  }
}

function isNodeBackendChoice(value: string): value is (typeof BACKEND_CHOICES)[number] {
  return (BACKEND_CHOICES as readonly string[]).includes(value);
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let values: { backend?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        backend: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  const backend = values.backend ?? "auto";
  if (!isNodeBackendChoice(backend)) {
    throw new CliUsageError(
      `--backend must be one of ${BACKEND_CHOICES.join(", ")}, got "${backend}"`,
    );
  }
  return { backend, help: values.help ?? false };
}
