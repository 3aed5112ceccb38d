import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { ProjectTabs } from "../../../components/project/project-tabs";
import { ProjectActions } from "../../../components/projects/project-actions";
import { loadProjectOr404 } from "../../../lib/store/load-project";

export const dynamic = "force-dynamic";

interface LayoutProps {
  readonly children: ReactNode;
  readonly params: Promise<{ projectId: string }>;
}

export async function generateMetadata({
  params,
}: Omit<LayoutProps, "children">): Promise<Metadata> {
  const { project } = await loadProjectOr404((await params).projectId);
  return { title: project.name };
}

/** The project's name, phrase and actions above the tabs every stage shares. */
export default async function ProjectLayout({ children, params }: LayoutProps) {
  const { project } = await loadProjectOr404((await params).projectId);
  return (
    <>
      <div className="breadcrumbs">
        <Link href="/projects">Projects</Link> / {project.name}
      </div>
      <div className="page-head">
        <div>
          <h1 data-testid="project-name">{project.name}</h1>
          <p>
            Wake phrase <strong data-testid="project-phrase">&ldquo;{project.phrase}&rdquo;</strong>
          </p>
        </div>
        <ProjectActions project={project} afterDelete="list" />
      </div>
      <ProjectTabs projectId={project.id} />
      {children}
    </>
  );
}
