import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileResponse, parseRange } from "./file-response";

const dir = mkdtempSync(join(tmpdir(), "wakeforge-range-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("parseRange", () => {
  it.each([
    [null, null],
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=10-", { start: 10, end: 999 }],
    ["bytes=-100", { start: 900, end: 999 }],
    ["bytes=900-5000", { start: 900, end: 999 }],
    ["bytes=1000-", "unsatisfiable"],
    ["bytes=50-10", "unsatisfiable"],
    ["bytes=0-1,5-9", null],
    ["items=0-1", null],
  ])("%j of 1000 bytes → %j", (header, range) => {
    expect(parseRange(header, 1000)).toEqual(range);
  });
});

describe("fileResponse", () => {
  const path = join(dir, "clip.wav");
  writeFileSync(
    path,
    Uint8Array.from({ length: 100 }, (_, i) => i),
  );

  it("sends the whole file, or the range asked for", async () => {
    const whole = await fileResponse(new Request("http://x/"), path, "audio/wav");
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect((await whole.arrayBuffer()).byteLength).toBe(100);

    const part = await fileResponse(
      new Request("http://x/", { headers: { range: "bytes=10-19" } }),
      path,
      "audio/wav",
    );
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 10-19/100");
    expect(Array.from(new Uint8Array(await part.arrayBuffer()))).toEqual(
      Array.from({ length: 10 }, (_, i) => 10 + i),
    );

    const missed = await fileResponse(
      new Request("http://x/", { headers: { range: "bytes=200-" } }),
      path,
      "audio/wav",
    );
    expect(missed.status).toBe(416);
    expect(missed.headers.get("content-range")).toBe("bytes */100");
  });
});
