import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "dashboard",
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "test/**/*.test.ts"],
  },
});
