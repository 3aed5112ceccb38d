import { DataTab } from "../../../components/project/data/data-tab";
import { loadProjectOr404 } from "../../../lib/store/load-project";
import { synthesisStatus } from "../../../lib/synthesis/synthesis-runs";

export const dynamic = "force-dynamic";

/** The Data tab: the project's samples and the ways to add more. */
export default async function ProjectDataPage({
  params,
}: {
  params: Promise<{ projectId: string }>;
}) {
  const { store, project } = await loadProjectOr404((await params).projectId);
  return (
    <DataTab
      project={project}
      initialSamples={store.listSamples(project.id)}
      initialCounts={store.countSamples(project.id)}
      initialRun={synthesisStatus(project.id)}
    />
  );
}
