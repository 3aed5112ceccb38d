import { wakeforgeConfig } from "@wakeforge/eslint-config";

export default wakeforgeConfig({
  root: import.meta.dirname,
  kind: "package",
  self: "@wakeforge/jobs",
  browser: false,
  // The main entry is imported by frontends: Node built-ins only under src/node/ and in tests.
  isomorphic: true,
});
