// @wakeforge/core/browser must run in browsers as it is: nothing it reaches at run time may
// import a Node built-in or a package that only runs on Node. The walk follows the runtime
// imports of the sources (type-only imports are erased by the compiler), through workspace
// packages' sources too, and names the chain of files that leads to each offending import.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import {
  browserImportGraph,
  formatImportProblems,
  runtimeImports,
} from "@wakeforge/eslint-config/import-graph";
import { describe, expect, it } from "vitest";

const packageRoot = fileURLToPath(new URL("..", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const browserEntry = fileURLToPath(new URL("./browser.ts", import.meta.url));
const nodeEntry = fileURLToPath(new URL("./index.ts", import.meta.url));
const compiledEntry = fileURLToPath(new URL("../dist/browser.js", import.meta.url));
const require = createRequire(import.meta.url);

/** Installed packages the browser entry may reach, and why each runs in browsers. */
const BROWSER_PACKAGES: Readonly<Record<string, string>> = {
  "@tensorflow/tfjs":
    "bundlers take its `module` build; its `browser` field maps node-fetch, util and crypto away",
  "@tensorflow/tfjs-backend-wasm":
    "its `browser` field maps fs, path, os, worker_threads and perf_hooks away",
  protobufjs: "plain JavaScript; it looks Node modules up at run time only where they exist",
  "@audio/decode-flac": "@wakeforge/audio's browser-build test bundles it for browsers",
  "@audio/decode-mp3": "@wakeforge/audio's browser-build test bundles it for browsers",
  "@audio/decode-opus": "@wakeforge/audio's browser-build test bundles it for browsers",
  "@audio/decode-vorbis": "@wakeforge/audio's browser-build test bundles it for browsers",
  "@audio/decode-webm": "@wakeforge/audio's browser-build test bundles it for browsers",
};

describe("the browser entry's import graph", () => {
  it("reaches no Node built-in and no package that is not known to run in browsers", () => {
    const graph = browserImportGraph([browserEntry], { allowedPackages: BROWSER_PACKAGES });
    expect(formatImportProblems(graph.problems, repoRoot)).toEqual([]);
    // The walk is not vacuous: it went through training, into @wakeforge/audio's sources, and
    // reached the tfjs packages.
    const reached = graph.files.map((file) => file.slice(repoRoot.length));
    expect(reached).toEqual(
      expect.arrayContaining([
        "packages/core/src/training/train-wake-word.ts",
        "packages/core/src/backends/browser-backends.ts",
        "packages/audio/src/index.ts",
      ]),
    );
    expect([...graph.packages.keys()]).toEqual(
      expect.arrayContaining(["@tensorflow/tfjs", "@tensorflow/tfjs-backend-wasm", "protobufjs"]),
    );
  });

  // What is published: the build's own output, when this checkout has been built.
  it.skipIf(!existsSync(compiledEntry))("holds for the compiled entry in dist/ too", () => {
    const graph = browserImportGraph([compiledEntry], { allowedPackages: BROWSER_PACKAGES });
    expect(formatImportProblems(graph.problems, repoRoot)).toEqual([]);
    expect(graph.files).toContain(
      fileURLToPath(new URL("../dist/io/model-files.js", import.meta.url)),
    );
  });

  it("would catch a Node import, naming the chain: the main entry fails", () => {
    const graph = browserImportGraph([nodeEntry], { allowedPackages: BROWSER_PACKAGES });
    const lines = formatImportProblems(graph.problems, repoRoot);
    expect(lines).toContain(
      'packages/core/src/index.ts → packages/core/src/backends/index.ts → packages/core/src/backends/node-backends.ts → "node:fs" is a Node built-in',
    );
    // Node-only workspace subpaths are walked too, down to the built-in they use.
    expect(lines.some((line) => /dataset\/embedding-cache\.ts → "node:crypto"/.test(line))).toBe(
      true,
    );
    expect(lines.some((line) => /packages\/audio\/src\/node\//.test(line))).toBe(true);
  });

  it("reads runtime imports only: type-only imports are erased, `import { type X }` is not", () => {
    const source = [
      'import type { A } from "node:fs";',
      'import { type B } from "./kept.js";',
      'export type { C } from "node:path";',
      'export * from "./all.js";',
      'export { d } from "./named.js";',
      'import "./side-effect.js";',
      'const e = await import("./lazy.js");',
      'let f: import("node:os").Platform;',
    ].join("\n");
    expect(runtimeImports(source, "probe.ts")).toEqual([
      "./kept.js",
      "./all.js",
      "./named.js",
      "./side-effect.js",
      "./lazy.js",
    ]);
  });

  it("the allowed packages' own browser mappings are what the list claims", () => {
    const wasm = JSON.parse(
      readFileSync(require.resolve("@tensorflow/tfjs-backend-wasm/package.json"), "utf8"),
    ) as { browser: Record<string, unknown> };
    for (const name of ["fs", "path", "os", "worker_threads", "perf_hooks"]) {
      expect(wasm.browser[name], name).toBe(false);
    }
  });

  it("lint holds every reachable file, and only those, to the browser's rules", async () => {
    const eslint = new ESLint({ cwd: packageRoot });
    const probe =
      'import { readFile } from "node:fs";\nexport const x = process.env.X ?? readFile;\n';
    const rulesHit = async (filePath: string) => {
      const [result] = await eslint.lintText(probe, { filePath });
      return (result?.messages ?? []).map((m) => m.ruleId);
    };
    expect(await rulesHit("src/features/embedder.ts")).toEqual([
      "no-restricted-imports",
      "no-restricted-globals",
    ]);
    expect(await rulesHit("src/training/train-wake-word.ts")).toContain("no-restricted-imports");
    // Node-only modules stay free to use Node.
    expect(await rulesHit("src/io/model-directory.ts")).toEqual([]);
  }, 60_000);

  it("is published as @wakeforge/core/browser, types first, built from src/browser.ts", () => {
    const manifest = JSON.parse(readFileSync(`${packageRoot}package.json`, "utf8")) as {
      exports: Record<string, Record<string, string>>;
    };
    const entry = manifest.exports["./browser"];
    expect(entry).toEqual({ types: "./dist/browser.d.ts", default: "./dist/browser.js" });
    expect(Object.keys(entry ?? {})[0]).toBe("types");
  });
});
