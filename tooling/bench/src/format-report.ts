// The bench result for people: a terminal report and the README's table, both from the same
// JSON, so the README shows exactly what `wakeforge bench --json` printed.
import { isSkipped, type BenchResult } from "./bench-result.js";

const fixed = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : String(value);
const rate = (value: number) => fixed(value, value >= 100 ? 0 : 1);
const times = (value: number) => `${fixed(value, 2)}×`;

interface Row {
  readonly figure: string;
  readonly wakeforge: string;
  readonly reference: string;
  readonly ratio: string;
}

/** One row per measured figure: audio-seconds per second (or time) and the ratio. */
export function reportRows(result: BenchResult): Row[] {
  const rows: Row[] = [];
  const { logmel, embedding, streaming, headTraining, train } = result;
  if (!isSkipped(logmel)) {
    rows.push({
      figure: `log-mel, ${logmel.clipSeconds} s clips (audio-s/s)`,
      wakeforge: rate(logmel.clips.wakeforgeAudioSecondsPerSecond),
      reference: rate(logmel.clips.referenceAudioSecondsPerSecond),
      ratio: times(logmel.ratio),
    });
    rows.push({
      figure: "log-mel, 80 ms chunks (audio-s/s)",
      wakeforge: rate(logmel.stream.wakeforgeAudioSecondsPerSecond),
      reference: rate(logmel.stream.referenceAudioSecondsPerSecond),
      ratio: times(logmel.streamRatio),
    });
  }
  if (!isSkipped(embedding)) {
    for (const run of embedding.runs) {
      rows.push({
        figure: `embeddings, ${run.name}, ${run.clips} × ${embedding.clipSeconds} s clips (audio-s/s)`,
        wakeforge: rate(run.wakeforgeAudioSecondsPerSecond),
        reference: rate(run.referenceAudioSecondsPerSecond),
        ratio: times(run.ratio),
      });
    }
  }
  if (!isSkipped(streaming)) {
    rows.push({
      figure: `streaming detector, ${streaming.backend} (audio-s/s)`,
      wakeforge: rate(streaming.wakeforge.audioSecondsPerSecond),
      reference: rate(streaming.reference.audioSecondsPerSecond),
      ratio: times(streaming.ratio),
    });
    rows.push({
      figure: "  share of one core",
      wakeforge: `${fixed(streaming.coreFraction * 100, 2)} %`,
      reference: `${fixed(streaming.reference.cpuSecondsPerAudioSecond * 100, 2)} %`,
      ratio: "",
    });
    rows.push({
      figure: "  chunk latency p50 / p99 (ms)",
      wakeforge: `${fixed(streaming.wakeforge.chunkMillis.p50, 2)} / ${fixed(streaming.wakeforge.chunkMillis.p99, 2)}`,
      reference: `${fixed(streaming.reference.chunkMillis.p50, 2)} / ${fixed(streaming.reference.chunkMillis.p99, 2)}`,
      ratio: "",
    });
  }
  if (!isSkipped(headTraining)) {
    rows.push({
      figure: `head training, ${headTraining.backend} vs tfjs-${headTraining.referenceBackend} (s/epoch)`,
      wakeforge: fixed(headTraining.secondsPerEpoch, 2),
      reference: fixed(headTraining.referenceSecondsPerEpoch, 2),
      ratio: times(headTraining.ratio),
    });
  }
  if (!isSkipped(train)) {
    rows.push({
      figure: `wakeforge train, small job (audio-s/s; ${fixed(train.wallSeconds, 1)} s wall)`,
      wakeforge: rate(train.audioSecondsPerSecond),
      reference: rate(train.referenceAudioSecondsPerSecond),
      ratio: times(train.ratio),
    });
  }
  return rows;
}

function machineLine(result: BenchResult): string {
  const m = result.machine;
  return (
    `${m.cpuModel}, ${m.logicalCores} logical cores, ${m.memoryGiB} GiB, ${m.platform}-${m.arch}, ` +
    `Node ${m.node}, onnxruntime-node ${m.onnxruntime} (1 thread), tfjs ${m.tfjs}; ` +
    `backends here: ${m.backends.available.join(", ")}; load average ${fixed(m.loadAverage, 2)} at start`
  );
}

function goalLines(result: BenchResult): string[] {
  return result.goals.map((goal) => {
    const verdict = goal.met === null ? "not measured" : goal.met ? "met" : "NOT met";
    const value =
      goal.value === null ? "" : ` (${fixed(goal.value, goal.figure.includes("core") ? 4 : 2)})`;
    return `${goal.figure} ${goal.target}: ${verdict}${value}`;
  });
}

function skippedLines(result: BenchResult): string[] {
  const sections = {
    logmel: result.logmel,
    embedding: result.embedding,
    streaming: result.streaming,
    headTraining: result.headTraining,
    train: result.train,
  };
  return Object.entries(sections).flatMap(([name, section]) =>
    isSkipped(section) && section.skipped !== "not requested"
      ? [`${name}: ${section.skipped}`]
      : [],
  );
}

/** The terminal report: machine, a table of figures, the goals. */
export function formatReport(result: BenchResult): string {
  const rows = reportRows(result);
  const header: Row = {
    figure: "",
    wakeforge: "wakeforge",
    reference: "reference",
    ratio: "ratio",
  };
  const widths = {
    figure: Math.max(...[header, ...rows].map((r) => r.figure.length)),
    wakeforge: Math.max(...[header, ...rows].map((r) => r.wakeforge.length)),
    reference: Math.max(...[header, ...rows].map((r) => r.reference.length)),
  };
  const line = (r: Row) =>
    `${r.figure.padEnd(widths.figure)}  ${r.wakeforge.padStart(widths.wakeforge)}  ${r.reference.padStart(widths.reference)}  ${r.ratio}`.trimEnd();
  return [
    machineLine(result),
    "reference: onnxruntime-node running openWakeWord's ONNX models, same process, rounds alternated, medians",
    "",
    line(header),
    ...rows.map(line),
    "",
    ...goalLines(result),
    ...skippedLines(result),
  ].join("\n");
}

/** The README's table (GitHub markdown) with the machine line under it. */
export function formatReadmeTable(result: BenchResult): string {
  const rows = reportRows(result);
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  return [
    "| figure | wakeforge | reference | ratio |",
    "| --- | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${cell(r.figure.trim())} | ${cell(r.wakeforge)} | ${cell(r.reference)} | ${r.ratio} |`,
    ),
    "",
    `Measured ${result.startedAt.slice(0, 10)} on ${machineLine(result)}.`,
  ].join("\n");
}
