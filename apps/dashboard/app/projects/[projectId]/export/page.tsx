import type { Metadata } from "next";
import { StageComingNext } from "../../../../components/project/stage-coming-next";
import { loadProjectOr404 } from "../../../../lib/store/load-project";

export const metadata: Metadata = { title: "Export" };

export default async function ExportPage({ params }: { params: Promise<{ projectId: string }> }) {
  await loadProjectOr404((await params).projectId);
  return (
    <StageComingNext title="Export comes next">
      <p>Once a detector is trained, this tab will hand it over:</p>
      <ul>
        <li>the TensorFlow.js model and the ONNX head, to download</li>
        <li>
          a short snippet that runs the detector from <code>@wakeforge/core</code> in your app
        </li>
      </ul>
    </StageComingNext>
  );
}
