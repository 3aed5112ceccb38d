import { wakeforgeConfig } from "@wakeforge/eslint-config";

export default wakeforgeConfig({
  root: import.meta.dirname,
  kind: "app",
  self: "@wakeforge/bench",
  browser: false,
});
