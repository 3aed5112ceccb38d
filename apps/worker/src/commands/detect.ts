import { parseArgs } from "node:util";
import { open } from "node:fs/promises";
import { sniffAudioContainer } from "@wakeforge/audio";
import { readAudioFile, streamWavFile } from "@wakeforge/audio/node";
import { StreamingDetector, loadDetectorDirectory } from "@wakeforge/core";
import { startBackend } from "../backend-choice.js";
import { EXIT } from "../exit-codes.js";
import { nonNegativeFlag, thresholdFlag } from "../flags.js";
import { describeFailure, isExpectedFailure } from "../failures.js";
import type { CommandIo } from "../io.js";
import { UsageError } from "../usage-error.js";

export const DETECT_HELP = `wakeforge detect --model DIR [--threshold T] [--refractory SECONDS] [--scores] [--backend B] [--json] FILE...

Runs the wake-word detector in DIR over each audio file (WAV, MP3, FLAC, OGG, WebM; WAV files of
any length are streamed) and prints every detection: the time in seconds from the start of the
file to the end of the audio that fired, and the score.
  --json      one JSON line per detection: {"file","time","score"}
  --scores    one line per 80 ms step instead: {"file","time","score"}
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
      model: { type: "string" },
      threshold: { type: "string" },
      refractory: { type: "string" },
      scores: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      backend: { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (!values.model) throw new UsageError("--model DIR is required");
  if (positionals.length === 0) throw new UsageError("name at least one audio FILE");
  const threshold = thresholdFlag(values.threshold, "--threshold");
  const refractory = nonNegativeFlag(values.refractory, "--refractory", "seconds");

  await startBackend(values.backend, io.env);
  const loaded = await loadDetectorDirectory(values.model);
  const head = loaded.head({
    ...(threshold === undefined ? {} : { threshold }),
    ...(refractory === undefined ? {} : { refractorySeconds: refractory }),
  });
  const print = (file: string, time: number, score: number) =>
    io.stdout.write(
      values.json
        ? `${JSON.stringify({ file, time: Number(time.toFixed(3)), score: Number(score.toFixed(6)) })}\n`
        : `${file}\t${time.toFixed(2)}\t${score.toFixed(4)}\n`,
    );

  let failed = 0;
  let detections = 0;
  for (const file of positionals) {
    let detector: StreamingDetector | undefined;
    try {
      for await (const block of audioBlocks(file)) {
        detector ??= new StreamingDetector(loaded.embedder, [head], {
          inputSampleRateHz: block.sampleRateHz,
        });
        const out = detector.push(block.samples);
        if (values.scores) {
          for (const step of out.steps) {
            const score = step.scores[head.name];
            if (score !== undefined) print(file, step.timeSeconds, score);
          }
        } else {
          for (const detection of out.detections)
            print(file, detection.timeSeconds, detection.score);
        }
        detections += out.detections.length;
      }
    } catch (error) {
      if (!isExpectedFailure(error)) throw error;
      failed += 1;
      io.stderr.write(`wakeforge detect: ${describeFailure(error, file)}\n`);
    } finally {
      // Frees the tensors the incremental embedding pass keeps between pushes.
      detector?.reset();
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
