import { getSystemStatus } from "../../../lib/system-status";

// Probes the machine answering the request; never prerendered or cached.
export const dynamic = "force-dynamic";

/** GET /api/status: the System page's data as JSON (see SystemStatus in lib/system-status.ts). */
export async function GET(): Promise<Response> {
  const status = await getSystemStatus();
  return Response.json(status, { headers: { "cache-control": "no-store" } });
}
