import type { NextConfig } from "next";

const config: NextConfig = {
  // TensorFlow.js and its backends load native addons and .wasm files from their package
  // folders at run time: Node must import them as installed, never from a bundle. Turbopack
  // ignores this list for pnpm workspace packages such as @wakeforge/core, so lib/core.ts also
  // imports core with a bundler-ignored `import()`; keep both. The same holds for
  // @wakeforge/synth (Flite's .wasm file and espeak-ng, lib/synthesis/load-synth.ts).
  // better-sqlite3 is a native addon: Node must load its .node file from node_modules.
  serverExternalPackages: [
    "better-sqlite3",
    "@wakeforge/core",
    "@wakeforge/synth",
    "@tensorflow/tfjs",
    "@tensorflow/tfjs-node",
    "@tensorflow/tfjs-node-gpu",
    "@tensorflow/tfjs-backend-wasm",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
