import { wakeforgeConfig } from "@wakeforge/eslint-config";

export default wakeforgeConfig({ kind: "app", self: "@wakeforge/dashboard", browser: true });
