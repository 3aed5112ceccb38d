import Link from "next/link";
import { formatSeconds, plural } from "../../lib/format";
import type { ProjectSummary } from "../../lib/store/types";
import { Card } from "../card";
import { ProjectActions } from "./project-actions";

/** Every project with what it holds; the name opens it. */
export function ProjectList({ projects }: { readonly projects: readonly ProjectSummary[] }) {
  return (
    <Card
      titleId="project-list-title"
      title="Your projects"
      sub={`${plural(projects.length, "project")}, newest first`}
    >
      <ul className="project-list" style={{ marginTop: 10 }}>
        {projects.map((project) => {
          const { counts } = project;
          const seconds =
            counts.positive.seconds + counts.negative.seconds + counts.background.seconds;
          return (
            <li key={project.id} data-testid="project-row" data-project-id={project.id}>
              <div>
                <Link className="project-name" href={`/projects/${project.id}`}>
                  {project.name}
                </Link>
                <div className="project-phrase">&ldquo;{project.phrase}&rdquo;</div>
              </div>
              <div className="project-counts">
                {counts.total === 0 ? (
                  "no samples yet"
                ) : (
                  <>
                    {counts.positive.count} positive · {counts.negative.count} negative ·{" "}
                    {counts.background.count} background
                    <br />
                    {formatSeconds(seconds)} of audio
                  </>
                )}
              </div>
              <ProjectActions project={project} afterDelete="refresh" />
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
