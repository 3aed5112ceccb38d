import type { Metadata } from "next";
import { StageComingNext } from "../../../../components/project/stage-coming-next";
import { loadProjectOr404 } from "../../../../lib/store/load-project";

export const metadata: Metadata = { title: "Train" };

export default async function TrainPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { project } = await loadProjectOr404((await params).projectId);
  return (
    <StageComingNext title="Training in the dashboard comes next">
      <p>This tab will train a detector for &ldquo;{project.phrase}&rdquo; from the Data tab:</p>
      <ul>
        <li>in this browser (WebGPU, WebGL or WebAssembly) or on a worker through the job queue</li>
        <li>live progress with the time left, and a way to cancel</li>
        <li>learning curves of transfer learning against the same network trained from scratch</li>
      </ul>
      <p>
        Meanwhile the command line trains one from synthetic speech:{" "}
        <code>
          pnpm wakeforge train --word &quot;{project.phrase}&quot; --synth 300 --compare-scratch
          --out models/my-word
        </code>
      </p>
    </StageComingNext>
  );
}
