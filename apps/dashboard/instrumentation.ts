// Runs once when the Next.js server starts. Node-only work lives in instrumentation-node.ts,
// imported only in the Node.js runtime (Next's documented pattern).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvironmentAtStart, resumeJobs } = await import("./instrumentation-node");
    await checkEnvironmentAtStart();
    await resumeJobs();
  }
}
