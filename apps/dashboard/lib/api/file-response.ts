// Serves a file with HTTP range support: <audio> elements ask for byte ranges to seek.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";

/** A sample's bytes never change under its id (moving it changes only its label). */
export const IMMUTABLE = "private, max-age=31536000, immutable";

interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The one range of a `Range: bytes=…` header within `size` bytes; null when there is no header
 * or it is not a single byte range (the whole file is sent); "unsatisfiable" when it misses.
 */
export function parseRange(
  header: string | null,
  size: number,
): ByteRange | null | "unsatisfiable" {
  if (header === null) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from = "", to = ""] = match;
  if (from === "" && to === "") return null;
  if (from === "") {
    const length = Number(to);
    if (length === 0) return "unsatisfiable";
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(from);
  const end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

export async function fileResponse(
  request: Request,
  path: string,
  contentType: string,
  cacheControl: string = IMMUTABLE,
): Promise<Response> {
  const { size } = await stat(path);
  const range = parseRange(request.headers.get("range"), size);
  const headers = {
    "content-type": contentType,
    "accept-ranges": "bytes",
    "cache-control": cacheControl,
  };
  if (range === "unsatisfiable") {
    return new Response(null, {
      status: 416,
      headers: { ...headers, "content-range": `bytes */${size}` },
    });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const body = Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: range ? 206 : 200,
    headers: {
      ...headers,
      "content-length": String(end - start + 1),
      ...(range ? { "content-range": `bytes ${start}-${end}/${size}` } : {}),
    },
  });
}
