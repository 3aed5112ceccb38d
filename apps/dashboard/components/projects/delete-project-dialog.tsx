"use client";

import { useEffect, useState } from "react";
import { api } from "../../lib/client/api-client";
import { formatSeconds, plural } from "../../lib/format";
import type { Project, SampleCounts } from "../../lib/store/types";
import { Dialog } from "../dialog";
import { Message } from "../message";
import { useApiAction } from "../use-api-action";

interface DeleteProjectDialogProps {
  readonly project: Pick<Project, "id" | "name" | "phrase">;
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onDeleted: () => void;
}

export function DeleteProjectDialog({
  project,
  open,
  onClose,
  onDeleted,
}: DeleteProjectDialogProps) {
  const { busy, error, run } = useApiAction();
  // What will be lost, read when the dialog opens so it is never out of date.
  const [counts, setCounts] = useState<SampleCounts | undefined>(undefined);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setCounts(undefined);
    api.projectCounts(project.id).then(
      (c) => live && setCounts(c),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [open, project.id]);
  const seconds = counts
    ? counts.positive.seconds + counts.negative.seconds + counts.background.seconds
    : 0;

  function remove() {
    void run(
      async () => {
        await api.deleteProject(project.id);
        onDeleted();
      },
      { staysBusy: true },
    );
  }

  return (
    <Dialog open={open} onClose={onClose} labelledBy="delete-title" testId="delete-dialog">
      <div className="dialog-body">
        <h2 id="delete-title">Delete &ldquo;{project.name}&rdquo;?</h2>
        <p>
          {counts === undefined
            ? "Its samples are deleted from this machine with it."
            : counts.total > 0
              ? `Its ${plural(counts.total, "sample")} (${formatSeconds(seconds)} of audio) are deleted from this machine with it.`
              : "It has no samples yet."}{" "}
          This cannot be undone.
        </p>
        {error ? <Message kind="error">{error}</Message> : null}
      </div>
      <div className="dialog-foot">
        <button className="button" type="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button
          className="button button-danger"
          type="button"
          onClick={remove}
          disabled={busy}
          data-testid="delete-confirm"
        >
          {busy ? "Deleting…" : "Delete project"}
        </button>
      </div>
    </Dialog>
  );
}
