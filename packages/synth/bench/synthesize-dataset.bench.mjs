#!/usr/bin/env node
// Benchmark (not a test): how long a data set of synthetic speech takes on this machine.
// Run after `pnpm build`:
//   node bench/synthesize-dataset.bench.mjs [--positives 300] [--negatives 300] [--phrase "hey nova"] [--json]
// Writes into a temporary folder and removes it afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { synthesizeDataset } from "../dist/index.js";

const { values } = parseArgs({
  options: {
    positives: { type: "string", default: "300" },
    negatives: { type: "string", default: "300" },
    phrase: { type: "string", default: "hey nova" },
    json: { type: "boolean", default: false },
  },
});
const outDir = mkdtempSync(join(tmpdir(), "wakeforge-synth-bench-"));
try {
  const result = await synthesizeDataset({
    phrase: values.phrase,
    positives: Number(values.positives),
    negatives: Number(values.negatives),
    seed: 1,
    outDir,
    onProgress: (p) => {
      if (!values.json && process.stderr.isTTY) {
        const eta = p.etaMs === undefined ? "…" : `${(p.etaMs / 1000).toFixed(0)} s`;
        process.stderr.write(`\r${p.done}/${p.total} clips, ETA ${eta}   `);
      }
    },
  });
  const clips = result.manifest.clips;
  const audioSeconds = clips.reduce((sum, c) => sum + c.durationSeconds, 0);
  const summary = {
    phrase: values.phrase,
    clips: clips.length,
    failures: result.failures.length,
    seconds: Number((result.elapsedMs / 1000).toFixed(1)),
    audioSeconds: Number(audioSeconds.toFixed(1)),
    speakers: new Set(clips.map((c) => c.speakerId)).size,
    perEngine: Object.fromEntries(
      result.manifest.engines.map((e) => [e, clips.filter((c) => c.engine === e).length]),
    ),
  };
  process.stdout.write(
    values.json
      ? `${JSON.stringify(summary)}\n`
      : `\n${summary.clips} clips (${summary.audioSeconds} s of audio, ${summary.speakers} speakers) in ${summary.seconds} s; ${summary.failures} failed\n`,
  );
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
