// The main entry of @wakeforge/audio must bundle for browsers as it is: no Node built-ins in it
// or in anything it imports (the Node-only code lives behind "@wakeforge/audio/node").
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("./index.ts", import.meta.url));
const nodeOnlyEntry = fileURLToPath(new URL("./node/index.ts", import.meta.url));
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

async function bundleForBrowser(entryPoint: string) {
  return build({
    entryPoints: [entryPoint],
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
}

describe("browser build", () => {
  it("bundles the main entry, decoders included, for browsers without Node built-ins", async () => {
    const result = await bundleForBrowser(entry);
    const imports = Object.values(result.metafile.inputs).flatMap((input) =>
      input.imports.map((i) => i.path),
    );
    expect(imports.filter((path) => BUILTINS.has(path))).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    // The compressed-audio decoders are part of the browser build, not left out by accident.
    expect(inputs.some((path) => path.includes("@audio/decode-webm"))).toBe(true);
    expect(inputs.some((path) => path.includes("/src/node/"))).toBe(false);
  });

  it("would catch a Node built-in: the Node-only entry fails to bundle for browsers", async () => {
    await expect(bundleForBrowser(nodeOnlyEntry)).rejects.toThrow(/node:fs/);
  });
});
