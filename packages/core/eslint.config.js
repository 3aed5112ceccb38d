import { wakeforgeConfig } from "@wakeforge/eslint-config";

export default wakeforgeConfig({
  root: import.meta.dirname,
  kind: "package",
  self: "@wakeforge/core",
  browser: false,
  // The main entry is for Node; everything @wakeforge/core/browser reaches must run in browsers.
  browserEntries: ["src/browser.ts"],
});
