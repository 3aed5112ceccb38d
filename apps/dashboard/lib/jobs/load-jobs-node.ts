// The dashboard's one door to @wakeforge/jobs/node (the queue adapters: better-sqlite3, BullMQ).
// Like lib/core.ts: Turbopack bundles pnpm workspace packages whatever serverExternalPackages
// says, and the adapters must load their native addon and sockets as installed, so the import
// is hidden from the bundler and runs as a plain Node.js import() from the server output.
import type * as JobsNode from "@wakeforge/jobs/node";

export type JobsNodeModule = typeof JobsNode;

let pending: Promise<JobsNodeModule> | undefined;

export function loadJobsNode(): Promise<JobsNodeModule> {
  pending ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "@wakeforge/jobs/node");
  return pending;
}
