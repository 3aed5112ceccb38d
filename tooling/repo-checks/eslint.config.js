import { wakeforgeConfig } from "@wakeforge/eslint-config";

export default wakeforgeConfig({ kind: "app", self: "@wakeforge/repo-checks" });
