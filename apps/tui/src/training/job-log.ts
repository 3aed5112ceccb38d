// A job's progress events as its worker writes them: one JSON object per line in
// `<data dir>/jobs/<id>.log` (docs/workers.md), read here as the lines arrive.
import { open } from "node:fs/promises";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { parseProgressEvent, type JobProgressEvent } from "@wakeforge/jobs";

/** The log's file name for a job id, encoded as the worker encodes it. */
export function jobLogPath(dataDir: string, jobId: string): string {
  const name = encodeURIComponent(jobId).replace(/^\.+/, (dots) => "%2E".repeat(dots.length));
  return join(dataDir, "jobs", `${name}.log`);
}

export interface JobLogReader {
  /** Events written since the last call (none while the file does not exist yet). */
  read(): Promise<JobProgressEvent[]>;
}

/**
 * Reads a growing log from where it left off. A line is used once it is whole (ends in a
 * newline); one that does not follow the protocol is passed to `onBadLine` and skipped.
 */
export function readJobLog(
  path: string,
  onBadLine: (line: string) => void = () => {},
): JobLogReader {
  let offset = 0;
  let partial = "";
  // Keeps a character split across two reads whole.
  const decoder = new StringDecoder("utf8");
  return {
    async read() {
      let handle;
      try {
        handle = await open(path, "r");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw error;
      }
      let text: string;
      try {
        const { size } = await handle.stat();
        if (size <= offset) return [];
        const bytes = Buffer.alloc(size - offset);
        const { bytesRead } = await handle.read(bytes, 0, bytes.length, offset);
        offset += bytesRead;
        text = decoder.write(bytes.subarray(0, bytesRead));
      } finally {
        await handle.close();
      }
      const lines = (partial + text).split("\n");
      partial = lines.pop() ?? "";
      const events: JobProgressEvent[] = [];
      for (const line of lines) {
        if (line.trim() === "") continue;
        try {
          events.push(parseProgressEvent(JSON.parse(line)));
        } catch {
          onBadLine(line);
        }
      }
      return events;
    },
  };
}
