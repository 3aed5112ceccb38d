import { wakeforgeConfig } from "@wakeforge/eslint-config";

export default wakeforgeConfig({
  root: import.meta.dirname,
  kind: "package",
  self: "@wakeforge/audio",
  browser: true,
  isomorphic: true,
});
