import type { Metadata } from "next";
import { EvaluateTab } from "../../../../components/project/evaluate/evaluate-tab";
import { loadProjectOr404 } from "../../../../lib/store/load-project";

export const metadata: Metadata = { title: "Evaluate" };
export const dynamic = "force-dynamic";

/** The Evaluate tab: a trained model measured on the project's held-out audio. */
export default async function EvaluatePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { store, project } = await loadProjectOr404((await params).projectId);
  return <EvaluateTab project={project} models={store.listModels(project.id)} />;
}
