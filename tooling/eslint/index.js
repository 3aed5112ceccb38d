// One lint setup for every workspace. Each package's eslint.config.js calls
// `wakeforgeConfig({ kind })` so the import rules of the house apply where the code lives:
// packages never import apps, apps never import each other.
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";
import { browserImportGraph } from "./import-graph.js";

export const APP_PACKAGES = ["@wakeforge/worker", "@wakeforge/dashboard", "@wakeforge/tui"];

/** Packages that only run on Node, whatever code imports them. */
const NODE_ONLY_PACKAGES = [
  "@tensorflow/tfjs-node",
  "@tensorflow/tfjs-node-gpu",
  "onnxruntime-node",
  "@wakeforge/*/node",
  "@wakeforge/*/testing",
];

/** The rules of code that must run in browsers unchanged: no Node built-ins or globals. */
function browserRules(restrictedPatterns) {
  return {
    "no-restricted-globals": [
      "error",
      { name: "Buffer", message: "browsers have no Buffer: use Uint8Array" },
      { name: "process", message: "browsers have no process: take options instead" },
      { name: "require", message: "use import" },
    ],
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          ...restrictedPatterns,
          {
            group: ["node:*", ...builtinModules.flatMap((name) => [name, `${name}/*`])],
            message: "this code runs in browsers too: no Node built-ins outside tests",
          },
          {
            group: NODE_ONLY_PACKAGES,
            message: "this code runs in browsers too: no Node-only packages outside tests",
          },
        ],
      },
    ],
  };
}

/**
 * @param {{ root: string, kind: "package" | "app", self?: string, browser?: boolean, isomorphic?: boolean, browserEntries?: string[] }} options
 *   root: the workspace folder (import.meta.dirname); kind: where the code lives;
 *   self: this workspace's package name (an app may import itself);
 *   browser: code that also runs in the browser (adds browser globals);
 *   isomorphic: library code that must run in browsers unchanged: Node built-ins are forbidden
 *   outside tests;
 *   browserEntries: for a package that is Node-first but has browser entries (paths relative to
 *   root, e.g. "src/browser.ts"): every file those entries reach at run time is held to the
 *   browser's rules, found by walking the imports each time lint runs.
 */
export function wakeforgeConfig({
  root,
  kind,
  self,
  browser = false,
  isomorphic = false,
  browserEntries = [],
}) {
  const forbidden = APP_PACKAGES.filter((name) => name !== self);
  const message =
    kind === "package"
      ? "packages never import apps (see docs/architecture.md)"
      : "apps never import other apps; move shared code into a package";
  const restrictedPatterns = [
    {
      group: forbidden.flatMap((name) => [name, `${name}/*`]),
      message,
    },
    {
      group: ["**/apps/*", "../../apps/**", "../../../apps/**"],
      message: "reach other workspaces through their package name and exports, not relative paths",
    },
  ];
  return tseslint.config(
    { ignores: ["dist/**", ".next/**", "coverage/**", "next-env.d.ts", "*.config.*js"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
      languageOptions: {
        // Several workspaces' configs may load in one process (the repo checks do): each names its root.
        parserOptions: { tsconfigRootDir: root },
        globals: browser ? { ...globals.browser, ...globals.node } : globals.node,
      },
      rules: {
        "no-restricted-imports": ["error", { patterns: restrictedPatterns }],
        "@typescript-eslint/no-unused-vars": [
          "error",
          { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
        ],
        "@typescript-eslint/consistent-type-imports": "error",
        "no-console": kind === "package" ? "error" : "off",
      },
    },
    isomorphic
      ? {
          files: ["src/**"],
          // src/node/ is the package's Node-only entry (`<package>/node`); src/testing/ its
          // Node-only tools for tests of code built on it (`<package>/testing`).
          ignores: ["**/*.test.ts", "**/test-*.ts", "src/node/**", "src/testing/**"],
          rules: browserRules(restrictedPatterns),
        }
      : {},
    browserEntries.length > 0
      ? {
          // Files of other workspaces on the graph are their own lint's business.
          files: browserImportGraph(browserEntries.map((entry) => join(root, entry)))
            .files.map((file) => relative(root, file))
            .filter((file) => !file.startsWith("..")),
          rules: browserRules(restrictedPatterns),
        }
      : {},
    {
      // Tests and benchmark scripts report to the terminal; libraries never do.
      files: ["**/*.test.ts", "**/*.test.tsx", "test/**", "bench/**"],
      rules: { "no-console": "off" },
    },
  );
}
