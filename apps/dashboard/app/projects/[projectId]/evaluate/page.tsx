import type { Metadata } from "next";
import { StageComingNext } from "../../../../components/project/stage-coming-next";
import { loadProjectOr404 } from "../../../../lib/store/load-project";

export const metadata: Metadata = { title: "Evaluate" };

export default async function EvaluatePage({ params }: { params: Promise<{ projectId: string }> }) {
  await loadProjectOr404((await params).projectId);
  return (
    <StageComingNext title="Evaluation comes next">
      <p>Once a detector is trained, this tab will show how well it does:</p>
      <ul>
        <li>the DET curve: missed wake words against false accepts per hour</li>
        <li>the threshold calibrated for it, and which negatives set it</li>
        <li>per-sample scores, worst mistakes first, each playable</li>
      </ul>
    </StageComingNext>
  );
}
