import type { Metadata } from "next";
import { StageComingNext } from "../../../../components/project/stage-coming-next";
import { loadProjectOr404 } from "../../../../lib/store/load-project";

export const metadata: Metadata = { title: "Live test" };

export default async function LiveTestPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { project } = await loadProjectOr404((await params).projectId);
  return (
    <StageComingNext title="The live test comes next">
      <p>This tab will listen to the microphone and wake on &ldquo;{project.phrase}&rdquo;:</p>
      <ul>
        <li>a scrolling score chart with the threshold line, adjustable</li>
        <li>a flash and a log entry on each detection</li>
        <li>one click to keep a false wake as a negative, or the missed phrase as a positive</li>
      </ul>
    </StageComingNext>
  );
}
