import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    // Generous: turbo runs several suites at once on two cores, and a slow machine is not a bug.
    testTimeout: 30_000,
    name: "tui",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
    // Colour on, whatever runs the tests, so tests can check where colour is used and where not.
    env: { FORCE_COLOR: "1" },
    // The CLI test runs the built dist/cli.js; this rebuilds it when src is newer.
    globalSetup: ["./test/build-if-stale.ts"],
  },
});
