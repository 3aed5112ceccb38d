// GET /api/runtime-files/:tag/:file: the files training in the browser needs and no bundler
// copies (the speech-embedding ONNX base, tfjs's three .wasm binaries).
//
// Why a route that reads them from node_modules rather than a build step copying them into
// public/: the files stay where pnpm installed them, so there is nothing to keep in step.
// `next build` and `next dev` need no extra step, and turbo's cached `.next/**` output
// restores a complete app (a copy in public/ would sit outside the declared outputs and be
// missing after a cache hit). The base model is also never committed or redistributed: its
// licence is for the user to judge (docs/core-models-and-detection.md). Only the names in
// runtime-file-names.ts are served; the tag in the path carries the tfjs version or the base's
// sha256, so a URL's bytes never change and browsers may keep them for a year.
import { fileResponse } from "../../../../../lib/api/file-response";
import { errorResponse, handle } from "../../../../../lib/api/responses";
import {
  isRuntimeFileName,
  runtimeFileContentType,
  runtimeFileTag,
} from "../../../../../lib/runtime-files/runtime-file-names";
import {
  runtimeFilePath,
  runtimeFileVersions,
} from "../../../../../lib/runtime-files/runtime-files";

export const dynamic = "force-dynamic";

const FOREVER = "public, max-age=31536000, immutable";

export function GET(
  request: Request,
  { params }: { params: Promise<{ tag: string; file: string }> },
): Promise<Response> {
  return handle(async () => {
    const { tag, file } = await params;
    if (!isRuntimeFileName(file) || tag !== runtimeFileTag(file, await runtimeFileVersions())) {
      return errorResponse(
        404,
        "RUNTIME_FILE_NOT_FOUND",
        `no runtime file ${JSON.stringify(`${tag}/${file}`)}: the page may be older than the server; reload it`,
      );
    }
    return fileResponse(
      request,
      await runtimeFilePath(file),
      runtimeFileContentType(file),
      FOREVER,
    );
  });
}
