"use client";

import { useState, type FormEvent } from "react";
import { api } from "../../lib/client/api-client";
import { NAME_MAX_CHARS } from "../../lib/store/project-fields";
import type { Project } from "../../lib/store/types";
import { Dialog } from "../dialog";
import { Message } from "../message";
import { useApiAction } from "../use-api-action";

interface RenameProjectDialogProps {
  readonly project: Pick<Project, "id" | "name" | "phrase">;
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onRenamed: (project: Project) => void;
}

export function RenameProjectDialog({
  project,
  open,
  onClose,
  onRenamed,
}: RenameProjectDialogProps) {
  const [name, setName] = useState(project.name);
  const { busy, error, run } = useApiAction();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => onRenamed(await api.renameProject(project.id, name)));
  }

  return (
    <Dialog open={open} onClose={onClose} labelledBy="rename-title" testId="rename-dialog">
      <form onSubmit={submit}>
        <div className="dialog-body">
          <h2 id="rename-title">Rename project</h2>
          <p>
            The phrase stays &ldquo;{project.phrase}&rdquo;: the data and models of this project are
            made for it.
          </p>
          <label className="field">
            Name
            <input
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={NAME_MAX_CHARS}
              required
              autoFocus
              data-testid="rename-input"
            />
          </label>
          {error ? <Message kind="error">{error}</Message> : null}
        </div>
        <div className="dialog-foot">
          <button className="button" type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            className="button button-primary"
            type="submit"
            disabled={busy || name.trim() === ""}
            data-testid="rename-confirm"
          >
            {busy ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
