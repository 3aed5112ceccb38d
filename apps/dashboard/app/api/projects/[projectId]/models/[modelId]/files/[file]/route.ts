import { fileResponse } from "../../../../../../../../lib/api/file-response";
import { projectRoute } from "../../../../../../../../lib/api/project-route";

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
    return fileResponse(request, path, type);
  },
);
