import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "../../../../components/empty-state";
import { LiveTab } from "../../../../components/project/live/live-tab";
import { StrokeIcon } from "../../../../components/stroke-icon";
import { serverRuntimeFileUrls } from "../../../../lib/runtime-files/runtime-files";
import { loadProjectOr404 } from "../../../../lib/store/load-project";

export const metadata: Metadata = { title: "Live test" };
export const dynamic = "force-dynamic";

/** The Live tab: a trained model listening to the microphone, and corrections kept as samples. */
export default async function LiveTestPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { store, project } = await loadProjectOr404((await params).projectId);
  const models = store.listModels(project.id);
  if (models.length === 0) {
    return (
      <EmptyState
        title="No model to test yet"
        icon={
          <StrokeIcon>
            <path d="M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3z" />
            <path d="M5 11a7 7 0 0 0 14 0M12 18v3" />
          </StrokeIcon>
        }
      >
        <p>
          The live test listens with a trained model. Train one for &ldquo;{project.phrase}&rdquo;
          on the{" "}
          <Link href={`/projects/${project.id}/train`} data-testid="live-train-link">
            Train
          </Link>{" "}
          tab, then come back to try it on the microphone.
        </p>
      </EmptyState>
    );
  }
  return <LiveTab project={project} models={models} files={await serverRuntimeFileUrls()} />;
}
