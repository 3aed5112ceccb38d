// Reads a multipart upload request without trusting its size: the body is counted as it
// arrives and the read stops at the limit, so a huge request costs at most the limit in memory.
import { parseLabel, type SampleLabel } from "../store";
import { UploadError } from "./upload-error";
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from "./upload-limits";

export interface UploadedFile {
  /** As the sender named it, cleaned for display; never used in a path. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type UploadSource = "uploaded" | "recorded";

export interface UploadForm {
  readonly files: readonly UploadedFile[];
  readonly label: SampleLabel;
  readonly source: UploadSource;
}

const NAME_MAX_CHARS = 200;

/** The last path segment without control characters, at most 200 characters; "upload" if none. */
export function displayFileName(raw: string): string {
  const base = raw.split(/[\\/]/u).pop() ?? "";
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/gu, "").trim();
  return clean === "" ? "upload" : clean.slice(0, NAME_MAX_CHARS);
}

async function readBodyLimited(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () =>
    new UploadError(
      "REQUEST_TOO_LARGE",
      `the upload is over ${Math.round(maxBytes / 2 ** 20)} MiB; send fewer or smaller files at a time`,
    );
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.length;
  }
  return body;
}

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

/** A multipart/form-data body read with at most `maxBytes` in memory. Throws UploadError. */
export async function readMultipartForm(request: Request, maxBytes: number): Promise<FormData> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw new UploadError(
      "NOT_MULTIPART",
      `send the files as multipart/form-data (field "file"), not ${contentType || "a body without a content type"}`,
    );
  }
  const body = await readBodyLimited(request, maxBytes);
  try {
    return await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch (error) {
    throw new UploadError("NOT_MULTIPART", "the multipart body could not be read", undefined, {
      cause: error,
    });
  }
}

/** The form's `file` fields (repeatable), as File objects. */
export function formFiles(form: FormData): File[] {
  return form.getAll("file").filter((value): value is File => typeof value !== "string");
}

/**
 * The files (field `file`, repeatable), the `label` they get and their `source` ("uploaded",
 * the default, or "recorded" for the page's microphone recorder). Throws UploadError.
 */
export async function readUploadForm(
  request: Request,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<UploadForm> {
  const form = await readMultipartForm(request, limits.maxRequestBytes);

  let label: SampleLabel;
  try {
    label = parseLabel(field(form, "label"));
  } catch (error) {
    throw new UploadError("BAD_FIELD", (error as Error).message);
  }
  const rawSource = field(form, "source") ?? "uploaded";
  if (rawSource !== "uploaded" && rawSource !== "recorded") {
    throw new UploadError(
      "BAD_FIELD",
      `source must be "uploaded" or "recorded", got ${JSON.stringify(rawSource)}`,
    );
  }

  const entries = formFiles(form);
  if (entries.length === 0)
    throw new UploadError("NO_FILE", 'no file in the upload (field "file")');
  if (entries.length > limits.maxFiles) {
    throw new UploadError(
      "TOO_MANY_FILES",
      `${entries.length} files in one upload; send at most ${limits.maxFiles} at a time`,
    );
  }
  const files = await Promise.all(
    entries.map(async (file) => ({
      name: displayFileName(file.name),
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
  return { files, label, source: rawSource };
}
