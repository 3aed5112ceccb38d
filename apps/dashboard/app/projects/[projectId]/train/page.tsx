import type { Metadata } from "next";
import { TrainTab } from "../../../../components/project/train/train-tab";
import { activeWorkerTraining } from "../../../../lib/jobs/active-worker-training";
import { serverRuntimeFileUrls } from "../../../../lib/runtime-files/runtime-files";
import { loadProjectOr404 } from "../../../../lib/store/load-project";

export const metadata: Metadata = { title: "Train" };
export const dynamic = "force-dynamic";

/** The Train tab: training in the browser or on a worker from the project's samples, and its models. */
export default async function TrainPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { store, project } = await loadProjectOr404((await params).projectId);
  return (
    <TrainTab
      project={project}
      samples={store.listSamples(project.id)}
      initialModels={store.listModels(project.id)}
      files={await serverRuntimeFileUrls()}
      activeWorkerTraining={await activeWorkerTraining(store, project.id)}
    />
  );
}
