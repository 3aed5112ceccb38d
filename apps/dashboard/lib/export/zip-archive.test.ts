import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { zipArchive } from "./zip-archive";

const dir = mkdtempSync(join(tmpdir(), "wakeforge-zip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whether Info-ZIP's unzip is here to check the archive independently. */
function hasUnzip(): boolean {
  try {
    execFileSync("unzip", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("zipArchive", () => {
  const weights = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 37) % 256);
  const entries = [
    { name: "hey-nova/model.json", data: new TextEncoder().encode('{"a":1}') },
    { name: "hey-nova/weights.bin", data: weights },
    { name: "hey-nova/empty.txt", data: new Uint8Array(0) },
  ];
  const bytes = zipArchive(entries, new Date("2026-12-04T18:30:42Z"));

  it("ends with an end record that counts the entries and points at the central directory", () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = bytes.length - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    expect(view.getUint16(end + 10, true)).toBe(3);
    const centralSize = view.getUint32(end + 12, true);
    const centralStart = view.getUint32(end + 16, true);
    expect(centralStart + centralSize).toBe(end);
    expect(view.getUint32(centralStart, true)).toBe(0x02014b50);
  });

  it.runIf(hasUnzip())("is read back byte for byte by unzip, CRCs checked", () => {
    const path = join(dir, "model.zip");
    writeFileSync(path, bytes);
    expect(execFileSync("unzip", ["-t", path], { encoding: "utf8" })).toMatch(/No errors detected/);
    const out = join(dir, "out");
    execFileSync("unzip", ["-q", path, "-d", out]);
    expect(new Uint8Array(readFileSync(join(out, "hey-nova", "weights.bin")))).toEqual(weights);
    expect(readFileSync(join(out, "hey-nova", "model.json"), "utf8")).toBe('{"a":1}');
    expect(readFileSync(join(out, "hey-nova", "empty.txt")).length).toBe(0);
    const listing = execFileSync("unzip", ["-l", path], { encoding: "utf8" });
    expect(listing).toContain("2026-12-04 18:30");
  });
});
