import type { Metadata } from "next";
import { EmptyState } from "../../components/empty-state";
import { StrokeIcon } from "../../components/stroke-icon";
import { CreateProjectForm } from "../../components/projects/create-project-form";
import { ProjectList } from "../../components/projects/project-list";
import { getStore } from "../../lib/store/server-store";

export const metadata: Metadata = { title: "Projects" };

// The list is read from this machine's data directory on every request.
export const dynamic = "force-dynamic";

export default async function ProjectsPage() {
  const projects = (await getStore()).listProjects();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Projects</h1>
          <p>One project per wake word: its phrase, its data, and the detectors trained from it.</p>
        </div>
      </div>
      <div className="stack">
        <CreateProjectForm />
        {projects.length === 0 ? (
          <EmptyState
            title="No projects yet"
            icon={
              <StrokeIcon>
                <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
              </StrokeIcon>
            }
          >
            <p>
              Type a phrase above to start. A project gathers what a detector for it learns from:
            </p>
            <ul>
              <li>your own recordings of the phrase, made in the browser or uploaded</li>
              <li>synthetic speech of the phrase and of phrases that sound like it</li>
              <li>other speech and a few minutes of your room, so it learns what not to wake on</li>
            </ul>
          </EmptyState>
        ) : (
          <ProjectList projects={projects} />
        )}
      </div>
    </>
  );
}
