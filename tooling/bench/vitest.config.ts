import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    // Generous: the smoke test loads onnxruntime and the speech base on a shared two-core machine.
    testTimeout: 120_000,
    name: "bench",
    include: ["src/**/*.test.ts"],
  },
});
