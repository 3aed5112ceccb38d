import { wakeforgeConfig } from "@wakeforge/eslint-config";

export default wakeforgeConfig({ kind: "package", self: "@wakeforge/synth", browser: false });
