import { wakeforgeConfig } from "@wakeforge/eslint-config";

export default wakeforgeConfig({ kind: "package", self: "@wakeforge/jobs", browser: false });
