import { fileResponse } from "../../../../../../../../lib/api/file-response";
import { projectRoute } from "../../../../../../../../lib/api/project-route";
import { errorResponse } from "../../../../../../../../lib/api/responses";

export const dynamic = "force-dynamic";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  json: "application/json",
  svg: "image/svg+xml",
};

/**
 * GET …/models/:modelId/files/:file: one file of the model directory (model.json, weights.bin,
 * wakeforge.json, metrics.json, head.onnx, learning-curves.svg), so a page can load the model
 * with core's `fetchModelDirectory(".../files/")`. A model never changes under its id.
 */
export const GET = projectRoute<{ projectId: string; modelId: string; file: string }>(
  ({ request, store, projectId, modelId, file }) => {
    const path = store.modelFile(projectId, modelId, file);
    const type = CONTENT_TYPES[file.split(".").pop() ?? ""] ?? "application/octet-stream";
    // A file the store lists but the disk lacks (removed by hand, a half-restored backup) is the
    // model's problem to report, not the server's: the Live tab says so to the person.
    return fileResponse(request, path, type).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      return errorResponse(
        404,
        "MODEL_FILE_MISSING",
        `model ${modelId} lists ${file}, but the file is missing from the data directory`,
      );
    });
  },
);
