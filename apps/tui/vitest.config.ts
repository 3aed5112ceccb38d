import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "tui",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
  },
});
