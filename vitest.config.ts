// Root vitest: one project per workspace, so `pnpm vitest` runs every suite in one process tree.
// CI runs the same suites through turbo (`pnpm test`), which caches them per package.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*", "tooling/*"],
  },
});
