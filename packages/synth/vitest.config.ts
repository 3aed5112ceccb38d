import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "synth",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
  },
});
