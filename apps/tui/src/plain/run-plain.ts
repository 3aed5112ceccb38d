// The line output, screen by screen: what runs instead of the screen when nothing can be drawn.
import { BackendUnavailableError, initBackend } from "@wakeforge/core";
import { describeQueueLocation, openQueue, queueMayExist } from "@wakeforge/jobs/node";
import type { TuiConfig } from "../components/App.js";
import type { Interrupts } from "../interrupts.js";
import { ModelRecordError } from "../model/model-record.js";
import type { TuiServices } from "../services.js";
import { formatPlainReport } from "../plain-report.js";
import { specFromForm, trainingFields, formValuesOf } from "../training/training-form.js";
import { runPlainDetection } from "./plain-detection.js";
import { evaluationLines } from "./plain-evaluation.js";
import { EXIT, writeLines, type PlainIo } from "./plain-io.js";
import { jobLines } from "./plain-jobs.js";
import { overviewLines } from "./plain-overview.js";
import { runPlainTraining } from "./plain-training.js";

function usage(io: PlainIo, message: string): number {
  io.stderr.write(`wakeforge-tui: ${message}\n`);
  return EXIT.usage;
}

export async function runPlain(
  config: TuiConfig,
  services: TuiServices,
  io: PlainIo,
  interrupts: Interrupts,
): Promise<number> {
  switch (config.screen) {
    case "overview": {
      const summary = await services.readDataDir(
        config.dataDir,
        config.model ? [config.model] : [],
      );
      writeLines(io.stdout, overviewLines(summary));
      return EXIT.ok;
    }
    case "train": {
      const values = formValuesOf(config.training);
      const result = specFromForm(
        values,
        trainingFields(config.dataDir, config.training.word),
        config.dataDir,
      );
      if ("problem" in result) return usage(io, `train: ${result.problem}`);
      return runPlainTraining(result.spec, services, io, interrupts);
    }
    case "eval": {
      if (!config.model) return usage(io, "eval needs --model DIR");
      try {
        writeLines(io.stdout, evaluationLines(await services.readModelRecord(config.model)));
        return EXIT.ok;
      } catch (error) {
        if (!(error instanceof ModelRecordError)) throw error;
        io.stderr.write(`wakeforge-tui: ${error.message}\n`);
        return EXIT.failure;
      }
    }
    case "detect": {
      if (!config.model) return usage(io, "detect needs --model DIR");
      if (!config.file && !config.mic) return usage(io, "detect needs --file FILE or --mic");
      const source = config.file
        ? { kind: "file" as const, path: config.file }
        : { kind: "mic" as const };
      return runPlainDetection(config.model, source, services, io, interrupts);
    }
    case "jobs": {
      const where = describeQueueLocation(config.queue);
      if (!queueMayExist(config.queue)) {
        writeLines(io.stdout, [`queue: ${where}`, "no queue there yet: nothing was submitted"]);
        return EXIT.ok;
      }
      const queue = await openQueue(config.queue);
      try {
        writeLines(io.stdout, jobLines(where, await queue.list()));
      } finally {
        await queue.close();
      }
      return EXIT.ok;
    }
    case "system":
      try {
        const report = await initBackend(config.backend);
        writeLines(io.stdout, [formatPlainReport(report, config.system)]);
        return EXIT.ok;
      } catch (error) {
        if (!(error instanceof BackendUnavailableError)) throw error;
        io.stderr.write(`wakeforge-tui: ${error.message}\n`);
        return EXIT.failure;
      }
  }
}
