import type { Metadata } from "next";
import { BrowserBackends } from "../../components/system/browser-backends";
import { DataDirCard } from "../../components/system/data-dir-card";
import { ProgramsCard } from "../../components/system/programs-card";
import { RuntimeCard } from "../../components/system/runtime-card";
import { ServerBackendCard } from "../../components/system/server-backend-card";
import { getSystemStatus } from "../../lib/system-status";

export const metadata: Metadata = { title: "System" };

// The backend probe and the PATH lookup describe the machine serving the request, not the one
// that built the app: never prerender this page.
export const dynamic = "force-dynamic";

export default async function SystemPage() {
  const status = await getSystemStatus();
  const checkedAt = status.checkedAt.replace("T", " ").slice(0, 19);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>System</h1>
          <p>
            What this machine offers wakeforge: the TensorFlow.js backend that trains and runs
            models, the runtime, where data lives, and the programs some features need.
          </p>
        </div>
        <div className="page-head-meta">
          <div>
            Checked <time dateTime={status.checkedAt}>{checkedAt} UTC</time>
          </div>
          <a href="/api/status">View as JSON</a>
        </div>
      </div>
      <div className="grid">
        <ServerBackendCard backend={status.backend} />
        <BrowserBackends order={status.browserBackendOrder} />
        <RuntimeCard runtime={status.runtime} />
        <DataDirCard dataDir={status.dataDir} />
        <ProgramsCard programs={status.programs} installCommand={status.installCommand} />
      </div>
    </>
  );
}
