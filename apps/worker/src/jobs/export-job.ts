// An `export` job: `wakeforge export`. The result is the ONNX file, or the tfjs directory.
import type { ExportJobSpec } from "@wakeforge/jobs";
import { writeExport } from "../model/write-export.js";
import type { JobContext, JobResult } from "./job-context.js";

export async function runExportJob(spec: ExportJobSpec, context: JobContext): Promise<JobResult> {
  context.report.stage("exporting");
  context.signal.throwIfAborted();
  await writeExport(spec.model, spec.format, spec.out);
  return { artifactsDir: spec.out };
}
