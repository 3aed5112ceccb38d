// `wakeforge bench`: runs the benchmarks of this checkout (`wakeforge-bench`, tooling/bench).
// They need onnxruntime-node as the reference and are a development tool, so they live beside the
// command line rather than inside it; this command finds them, runs them and passes their output
// on. It tells them where this `wakeforge` is (WAKEFORGE_CLI) for the end-to-end train figure.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { EXIT } from "../exit-codes.js";
import type { CommandIo } from "../io.js";
import { workspaceRoot } from "../workspace-root.js";

export const BENCH_HELP = `wakeforge bench [--json] [--quick] [--only SECTION,…] [--backend B]

Measures wakeforge against onnxruntime-node running openWakeWord's ONNX models in the same
process: log-mel on whole clips and 80 ms chunks, embeddings per tfjs backend, the streaming
detector (share of one core, chunk latency p50/p99), head training per epoch and a small
\`wakeforge train\` job end to end, each as audio-seconds per second and as a ratio to the
reference. --json prints one object (logmel.ratio, logmel.streamRatio, embedding.ratio,
streaming.coreFraction, …). Takes a few minutes; docs/bench.md explains the figures.

  --json          one JSON object on stdout
  --quick         tiny workloads: checks that everything runs; figures are rough
  --only S,…      logmel, embedding, streaming, headTraining, train
  --backend B     backend for streaming, head training and train (default: the best here)`;

const WAKEFORGE_BIN = fileURLToPath(new URL("../../bin/wakeforge.js", import.meta.url));

/** `wakeforge-bench`: WAKEFORGE_BENCH, else the bench of the checkout this program is part of. */
export function locateBench(env: NodeJS.ProcessEnv): { path: string } | { missing: string } {
  const given = env.WAKEFORGE_BENCH?.trim();
  if (given) {
    return existsSync(given)
      ? { path: given }
      : { missing: `WAKEFORGE_BENCH is set to ${given}, which does not exist` };
  }
  const root = workspaceRoot(dirname(WAKEFORGE_BIN));
  if (!root) {
    return {
      missing:
        "the benchmarks ship with the wakeforge repository (tooling/bench), not with the npm package",
    };
  }
  const built = join(root, "tooling", "bench", "dist", "cli.js");
  return existsSync(built)
    ? { path: built }
    : {
        missing:
          "the bench of this checkout is not built: pnpm turbo run build --filter=@wakeforge/bench...",
      };
}

export async function bench(argv: readonly string[], io: CommandIo): Promise<number> {
  const located = locateBench(io.env);
  if ("missing" in located) {
    io.stderr.write(`wakeforge bench: ${located.missing}\n`);
    return EXIT.failure;
  }
  const child = spawn(process.execPath, [located.path, ...argv], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...io.env, WAKEFORGE_CLI: WAKEFORGE_BIN },
  });
  child.stdout.setEncoding("utf8").on("data", (text: string) => io.stdout.write(text));
  child.stderr.setEncoding("utf8").on("data", (text: string) => io.stderr.write(text));
  return new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve(code ?? EXIT.failure));
  });
}
