import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    // Generous: turbo runs several suites at once on two cores, and a slow machine is not a bug.
    testTimeout: 30_000,
    name: "core",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
  },
});
