import { parseArgs } from "node:util";
import {
  SYSTEM_DEPS_COMMAND,
  checkPrograms,
  formatBackendReport,
  initBackend,
  isBackendChoice,
  programSearchFromEnv,
  type BackendReport,
  type ProgramStatus,
} from "@wakeforge/core";
import { readWorkerEnv } from "../env.js";
import { EXIT } from "../exit-codes.js";
import type { CommandIo } from "../io.js";
import { UsageError } from "../usage-error.js";

export const DOCTOR_HELP = `wakeforge doctor [--backend auto|node-gpu|node|wasm|cpu] [--json]

Checks this machine for wakeforge: starts a TensorFlow.js backend (the best one, or the one asked
for), says why better ones were skipped, and looks for the system programs wakeforge uses.
Exits 1 when no backend can run; missing programs are reported with how to install them.`;

export interface DoctorResult {
  readonly node: string;
  readonly platform: string;
  readonly backend: BackendReport | { readonly error: string };
  readonly programs: readonly ProgramStatus[];
}

export async function doctor(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: { backend: { type: "string" }, json: { type: "boolean", default: false } },
    strict: true,
  });
  const requested = values.backend ?? readWorkerEnv(io.env).backend;
  if (!isBackendChoice(requested)) {
    throw new UsageError(`--backend ${requested}: expected auto, node-gpu, node, wasm or cpu`);
  }

  let backend: DoctorResult["backend"];
  try {
    backend = await initBackend(requested);
  } catch (error) {
    backend = { error: error instanceof Error ? error.message : String(error) };
  }
  const result: DoctorResult = {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    backend,
    programs: await checkPrograms(programSearchFromEnv(io.env)),
  };

  if (values.json) {
    io.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    io.stdout.write(formatDoctor(result));
  }
  return "error" in backend ? EXIT.failure : EXIT.ok;
}

function formatDoctor(result: DoctorResult): string {
  const lines = [`node ${result.node} on ${result.platform}`];
  lines.push(
    "error" in result.backend
      ? `backend: none can run: ${result.backend.error}`
      : formatBackendReport(result.backend),
  );
  lines.push("system programs:");
  for (const program of result.programs) {
    lines.push(
      program.found
        ? `  ok       ${program.name.padEnd(13)} ${program.path ?? ""}`
        : `  missing  ${program.name.padEnd(13)} ${program.usedBy}: ${program.purpose}`,
    );
  }
  if (result.programs.some((p) => !p.found)) {
    lines.push(`install the missing programs with: ${SYSTEM_DEPS_COMMAND}`);
  }
  return `${lines.join("\n")}\n`;
}
