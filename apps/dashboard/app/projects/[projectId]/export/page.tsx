import type { Metadata } from "next";
import { ExportTab } from "../../../../components/project/export/export-tab";
import { loadProjectOr404 } from "../../../../lib/store/load-project";

export const metadata: Metadata = { title: "Export" };
export const dynamic = "force-dynamic";

/** The Export tab: a trained model's tfjs and ONNX downloads, and how to use them. */
export default async function ExportPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { store, project } = await loadProjectOr404((await params).projectId);
  return <ExportTab project={project} models={store.listModels(project.id)} />;
}
