import { projectRoute } from "../../../../../../../../lib/api/project-route";
import { EvaluationError } from "../../../../../../../../lib/evaluation/evaluation-error";
import {
  EXPORT_FORMATS,
  exportFileName,
  type ExportFormat,
} from "../../../../../../../../lib/export/export-names";
import { onnxHead, tfjsModelZip } from "../../../../../../../../lib/export/model-export";

export const dynamic = "force-dynamic";

const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  tfjs: "application/zip",
  onnx: "application/octet-stream",
};

/**
 * GET …/models/:modelId/export/tfjs: the model directory as `<phrase>-tfjs.zip` (unzips to a
 * folder core's loadModelDirectory reads). GET …/export/onnx: the head as `<phrase>.onnx`. Both
 * check the model's files first: 404 MODEL_FILE_MISSING or 422 MODEL_FILE_CORRUPT name the file.
 */
export const GET = projectRoute<{ projectId: string; modelId: string; format: string }>(
  async ({ store, projectId, modelId, format }) => {
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new EvaluationError(
        "BAD_EVALUATION_REQUEST",
        `there is no export format ${JSON.stringify(format)}; use ${EXPORT_FORMATS.join(" or ")}`,
      );
    }
    const kind = format as ExportFormat;
    const bytes =
      kind === "tfjs"
        ? await tfjsModelZip(store, projectId, modelId)
        : await onnxHead(store, projectId, modelId);
    const name = exportFileName(store.getProject(projectId).phrase, kind);
    return new Response(bytes as BlobPart, {
      headers: {
        "content-type": CONTENT_TYPES[kind],
        "content-length": String(bytes.length),
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  },
);
