import { existsSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { WASM_BINARY_FILES } from "@wakeforge/core/browser";
import { describe, expect, it } from "vitest";
import {
  BASE_MODEL_FILE_NAME,
  WASM_FILE_NAMES,
  isRuntimeFileName,
  runtimeFileUrls,
} from "./runtime-file-names";
import { runtimeFilePath, runtimeFileVersions } from "./runtime-files";
import { GET } from "../../app/api/runtime-files/[tag]/[file]/route";

describe("runtime files", () => {
  it("serve exactly core's wasm binaries and the base model", () => {
    expect([...WASM_FILE_NAMES]).toEqual([...WASM_BINARY_FILES]);
    expect(isRuntimeFileName(BASE_MODEL_FILE_NAME)).toBe(true);
    expect(isRuntimeFileName("alexa_v0.1.onnx")).toBe(false);
    expect(isRuntimeFileName("../package.json")).toBe(false);
  });

  it("are found where core installed them, the base with the sha256 core checks", async () => {
    const versions = await runtimeFileVersions();
    const base = await runtimeFilePath(BASE_MODEL_FILE_NAME);
    expect(createHash("sha256").update(readFileSync(base)).digest("hex")).toBe(versions.baseSha256);
    for (const name of WASM_FILE_NAMES) expect(existsSync(await runtimeFilePath(name))).toBe(true);
  });

  it("are answered by the route under their current tag only, cached for good", async () => {
    const urls = runtimeFileUrls(await runtimeFileVersions());
    const call = (path: string) => {
      const [tag = "", file = ""] = path.split("/").slice(-2);
      return GET(new Request(`http://x${path}`), { params: Promise.resolve({ tag, file }) });
    };
    const wasm = await call(`${urls.wasmPrefix}tfjs-backend-wasm-simd.wasm`);
    expect(wasm.status).toBe(200);
    expect(wasm.headers.get("content-type")).toBe("application/wasm");
    expect(wasm.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const bytes = new Uint8Array(await wasm.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0, 0x61, 0x73, 0x6d]);

    expect((await call(urls.baseModel)).status).toBe(200);
    expect((await call("/api/runtime-files/tfjs-0.0.1/tfjs-backend-wasm.wasm")).status).toBe(404);
    const outside = await call(`${urls.wasmPrefix}package.json`);
    expect(outside.status).toBe(404);
    expect(((await outside.json()) as { error: { code: string } }).error.code).toBe(
      "RUNTIME_FILE_NOT_FOUND",
    );
  });
});
