"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Project } from "../../lib/store/types";
import { DeleteProjectDialog } from "./delete-project-dialog";
import { RenameProjectDialog } from "./rename-project-dialog";

interface ProjectActionsProps {
  readonly project: Pick<Project, "id" | "name" | "phrase">;
  /** Where to go once the project is deleted: stay on the list, or leave its own page. */
  readonly afterDelete: "refresh" | "list";
}

/** Rename and Delete for one project, each behind its dialog. */
export function ProjectActions({ project, afterDelete }: ProjectActionsProps) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"rename" | "delete" | undefined>(undefined);
  const close = () => setDialog(undefined);

  return (
    <div className="actions">
      <button
        className="button button-small"
        type="button"
        onClick={() => setDialog("rename")}
        data-testid="rename-project"
      >
        Rename
      </button>
      <button
        className="button button-small button-quiet danger"
        type="button"
        onClick={() => setDialog("delete")}
        data-testid="delete-project"
      >
        Delete
      </button>
      <RenameProjectDialog
        key={`${project.id}-${project.name}`}
        project={project}
        open={dialog === "rename"}
        onClose={close}
        onRenamed={() => {
          close();
          router.refresh();
        }}
      />
      <DeleteProjectDialog
        project={project}
        open={dialog === "delete"}
        onClose={close}
        onDeleted={() => {
          close();
          if (afterDelete === "list") router.push("/projects");
          router.refresh();
        }}
      />
    </div>
  );
}
