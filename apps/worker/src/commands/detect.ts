import { parseArgs } from "node:util";
import { open } from "node:fs/promises";
import { sniffAudioContainer } from "@wakeforge/audio";
import { readAudioFile, streamWavFile } from "@wakeforge/audio/node";
import { basename } from "node:path";
import {
  StreamingDetector,
  loadDetectorDirectory,
  type DetectorHead,
  type Embedder,
} from "@wakeforge/core";
import { startBackend } from "../backend-choice.js";
import { EXIT } from "../exit-codes.js";
import { nonNegativeFlag, thresholdFlag } from "../flags.js";
import { describeFailure, isExpectedFailure } from "../failures.js";
import type { CommandIo } from "../io.js";
import { UsageError } from "../usage-error.js";

export const DETECT_HELP = `wakeforge detect --model DIR [--model DIR ...] [--threshold T] [--refractory SECONDS] [--scores] [--backend B] [--json] FILE...

Runs the wake-word detector in DIR over each audio file (WAV, MP3, FLAC, OGG, WebM; WAV files of
any length are streamed) and prints every detection: the time in seconds from the start of the
file to the end of the audio that fired, and the score. Several --model directories listen
together; those trained on the same base share one embedding pass per 80 ms.
  --json      one JSON line per detection: {"file","word","time","score"}
  --scores    one line per 80 ms step and word instead: {"file","word","time","score"}
  --threshold override the model's calibrated threshold (0..1)
A file that cannot be read is reported on stderr; the others are still processed, and the exit
code is then 1.`;

const BLOCK_SECONDS = 10;

async function* audioBlocks(
  path: string,
): AsyncGenerator<{ samples: Float32Array; sampleRateHz: number }> {
  const handle = await open(path, "r");
  const head = new Uint8Array(64);
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (sniffAudioContainer(head) === "wav") {
    yield* streamWavFile(path, { blockFrames: 16_000 * BLOCK_SECONDS });
    return;
  }
  const decoded = await readAudioFile(path);
  yield { samples: decoded.samples, sampleRateHz: decoded.sampleRateHz };
}

export async function detect(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      model: { type: "string", multiple: true },
      threshold: { type: "string" },
      refractory: { type: "string" },
      scores: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      backend: { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  const modelDirs = values.model ?? [];
  if (modelDirs.length === 0) throw new UsageError("--model DIR is required");
  if (positionals.length === 0) throw new UsageError("name at least one audio FILE");
  const threshold = thresholdFlag(values.threshold, "--threshold");
  const refractory = nonNegativeFlag(values.refractory, "--refractory", "seconds");

  await startBackend(values.backend, io.env);
  const groups = await listeningGroups(modelDirs, {
    ...(threshold === undefined ? {} : { threshold }),
    ...(refractory === undefined ? {} : { refractorySeconds: refractory }),
  });
  const several = modelDirs.length > 1;
  const print = (file: string, word: string, time: number, score: number) =>
    io.stdout.write(
      values.json
        ? `${JSON.stringify({ file, word, time: Number(time.toFixed(3)), score: Number(score.toFixed(6)) })}\n`
        : `${file}\t${several ? `${word}\t` : ""}${time.toFixed(2)}\t${score.toFixed(4)}\n`,
    );

  let failed = 0;
  let detections = 0;
  for (const file of positionals) {
    let detectors: StreamingDetector[] | undefined;
    try {
      for await (const block of audioBlocks(file)) {
        detectors ??= groups.map(
          ({ embedder, heads }) =>
            new StreamingDetector(embedder, heads, { inputSampleRateHz: block.sampleRateHz }),
        );
        for (const detector of detectors) {
          const out = detector.push(block.samples);
          if (values.scores) {
            for (const step of out.steps) {
              for (const head of detector.heads) {
                const score = step.scores[head.name];
                if (score !== undefined) print(file, head.name, step.timeSeconds, score);
              }
            }
          } else {
            for (const detection of out.detections)
              print(file, detection.head, detection.timeSeconds, detection.score);
          }
          detections += out.detections.length;
        }
      }
    } catch (error) {
      if (!isExpectedFailure(error)) throw error;
      failed += 1;
      io.stderr.write(`wakeforge detect: ${describeFailure(error, file)}\n`);
    } finally {
      // Frees the tensors the incremental embedding pass keeps between pushes.
      detectors?.forEach((detector) => detector.reset());
    }
  }
  if (!values.json && !values.scores) {
    io.stderr.write(
      `${positionals.length - failed} of ${positionals.length} files processed, ${detections} detections` +
        (failed > 0 ? `, ${failed} unreadable` : "") +
        "\n",
    );
  }
  return failed > 0 ? EXIT.failure : EXIT.ok;
}

/**
 * The heads of `dirs`, grouped by the base they read: heads on the same base (the zoo's
 * speech-embedding base is one instance per process) share one embedding pass. A phrase heard
 * by two directories is told apart by the directory's name.
 */
async function listeningGroups(
  dirs: readonly string[],
  overrides: Parameters<Awaited<ReturnType<typeof loadDetectorDirectory>>["head"]>[0],
): Promise<{ embedder: Embedder; heads: DetectorHead[] }[]> {
  const loaded = await Promise.all(dirs.map((dir) => loadDetectorDirectory(dir)));
  const groups = new Map<Embedder, DetectorHead[]>();
  const names = new Set<string>();
  loaded.forEach((detector, i) => {
    const head = detector.head(overrides);
    const name = names.has(head.name) ? `${head.name} (${basename(dirs[i] as string)})` : head.name;
    names.add(name);
    const heads = groups.get(detector.embedder) ?? [];
    heads.push({ ...head, name });
    groups.set(detector.embedder, heads);
  });
  return [...groups].map(([embedder, heads]) => ({ embedder, heads }));
}
