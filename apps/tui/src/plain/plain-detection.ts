// Detection without a screen: a line per detection (seconds into the audio, score), then a count.
import type { Interrupts } from "../interrupts.js";
import type { DetectionSource, TuiServices } from "../services.js";
import { EXIT, type PlainIo } from "./plain-io.js";

export async function runPlainDetection(
  model: string,
  source: DetectionSource,
  services: TuiServices,
  io: PlainIo,
  interrupts: Interrupts,
): Promise<number> {
  const abort = new AbortController();
  const unsubscribe = interrupts.subscribe(() => abort.abort());
  let count = 0;
  try {
    await services.detect(
      {
        model,
        source,
        realTime: false,
        onListening: (what) => io.stderr.write(`listening to ${what}\n`),
      },
      {
        signal: abort.signal,
        onScore: () => {},
        onDetection: (d) => {
          count += 1;
          io.stdout.write(`${d.timeSeconds.toFixed(2)}\t${d.score.toFixed(4)}\n`);
        },
      },
    );
  } catch (error) {
    io.stderr.write(`detection failed: ${(error as Error).message}\n`);
    return EXIT.failure;
  } finally {
    unsubscribe();
  }
  io.stderr.write(`${count} detection${count === 1 ? "" : "s"}\n`);
  return abort.signal.aborted ? EXIT.interrupted : EXIT.ok;
}
