#!/usr/bin/env node
// wakeforge-bench: what `wakeforge bench` runs. Prints the report, or with --json one object.
import { parseArgs } from "node:util";
import { isBackendChoice, type NodeBackendName } from "@wakeforge/core";
import { SECTIONS, isSkipped, type SectionName } from "./bench-result.js";
import { formatReport } from "./format-report.js";
import { runBench } from "./run-bench.js";

export const BENCH_USAGE = `wakeforge bench [--json] [--quick] [--only SECTION,…] [--backend B]

Measures wakeforge against onnxruntime-node running openWakeWord's ONNX models, in this process,
rounds alternated, medians of rounds: (a) log-mel on whole clips and on 80 ms chunks,
(b) embeddings per tfjs backend, (c) the streaming detector (share of a core, chunk latency),
(d) head training per epoch, (e) a small \`wakeforge train\` job end to end. Takes a few minutes.

  --json          one JSON object on stdout (logmel.ratio, logmel.streamRatio, embedding.ratio,
                  streaming.coreFraction, … beside the raw figures)
  --quick         tiny workloads: checks that everything runs; figures are rough
  --only S,…      sections: ${SECTIONS.join(", ")}
  --backend B     backend for streaming, head training and train (default: the best here)`;

function parseSections(value: string | undefined): SectionName[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(",").map((name) => name.trim());
  for (const name of names) {
    if (!(SECTIONS as readonly string[]).includes(name)) {
      throw new RangeError(
        `--only: unknown section "${name}" (choose from ${SECTIONS.join(", ")})`,
      );
    }
  }
  return names as SectionName[];
}

async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        json: { type: "boolean", default: false },
        quick: { type: "boolean", default: false },
        only: { type: "string" },
        backend: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`wakeforge bench: ${(error as Error).message}\n\n${BENCH_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return 0;
  }
  let only: SectionName[] | undefined;
  try {
    only = parseSections(values.only);
    if (
      values.backend !== undefined &&
      (!isBackendChoice(values.backend) || values.backend === "auto")
    ) {
      throw new RangeError(`--backend: "${values.backend}" is not a Node backend`);
    }
  } catch (error) {
    process.stderr.write(`wakeforge bench: ${(error as Error).message}\n\n${BENCH_USAGE}\n`);
    return 2;
  }
  const result = await runBench({
    ...(only ? { only } : {}),
    quick: values.quick,
    ...(values.backend ? { backend: values.backend as NodeBackendName } : {}),
    onStage: values.json ? undefined : (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${formatReport(result)}\n`);
  const failed = [
    result.logmel,
    result.embedding,
    result.streaming,
    result.headTraining,
    result.train,
  ].some((section) => isSkipped(section) && section.skipped.startsWith("failed"));
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
