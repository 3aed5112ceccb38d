"use client";

import { useState } from "react";
import { api, errorMessage, modelMedia } from "../../../lib/client/api-client";
import { formatBytes, formatDuration } from "../../../lib/format";
import type { TrainedModel, TransferVerdictKind } from "../../../lib/store/types";
import { Card } from "../../card";
import { Message } from "../../message";

const VERDICT: Readonly<Record<TransferVerdictKind, { text: string; badge: string }>> = {
  "transfer-helped": { text: "transfer helped", badge: "badge badge-ok" },
  mixed: { text: "mixed", badge: "badge" },
  "negative-transfer": { text: "negative transfer", badge: "badge badge-bad" },
};

const percent = (x: number) => `${Math.round(100 * x)} %`;

interface ModelListProps {
  readonly projectId: string;
  readonly models: readonly TrainedModel[];
  readonly onDeleted: (model: TrainedModel) => void;
}

/** The project's trained models, newest first: what each measured, its files, Delete. */
export function ModelList({ projectId, models, onDeleted }: ModelListProps) {
  const [busyId, setBusyId] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  async function remove(model: TrainedModel) {
    setBusyId(model.id);
    setError(undefined);
    try {
      await api.deleteModel(projectId, model.id);
      onDeleted(model);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusyId(undefined);
    }
  }

  return (
    <Card
      titleId="models-title"
      title="Trained models"
      sub="Kept on this server with their curves and calibrated threshold; Evaluate, Live test and Export use them."
      data-testid="model-list"
    >
      <div className="card-body table-wrap">
        {models.length === 0 ? (
          <p className="hint" data-testid="model-list-empty" style={{ margin: 0 }}>
            No model yet: train one above.
          </p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>Trained</th>
                <th>Held-out recall</th>
                <th>From scratch</th>
                <th>Verdict</th>
                <th>Threshold</th>
                <th>Run</th>
                <th>Files</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {models.map((model) => (
                <tr key={model.id} data-testid="model-row" data-model-id={model.id}>
                  <td className="nowrap">
                    <time dateTime={model.createdAt}>
                      {new Date(model.createdAt).toLocaleString()}
                    </time>
                  </td>
                  <td className="nowrap" data-testid="model-recall">
                    {percent(model.recallAtFar)}
                    <div className="muted">at {percent(model.falseAcceptRate)} false accepts</div>
                  </td>
                  <td className="nowrap">
                    {model.scratchRecallAtFar === null ? "–" : percent(model.scratchRecallAtFar)}
                  </td>
                  <td>
                    {model.verdict ? (
                      <span
                        className={VERDICT[model.verdict].badge}
                        title={model.verdictSummary ?? ""}
                      >
                        {VERDICT[model.verdict].text}
                      </span>
                    ) : (
                      <span className="muted">not compared</span>
                    )}
                  </td>
                  <td className="mono" data-testid="model-threshold">
                    {model.threshold.toFixed(3)}
                  </td>
                  <td className="muted">
                    {model.epochs} epochs · {model.backend} in the {model.trainedIn}
                    <br />
                    {formatDuration(model.trainingSeconds)} · {formatBytes(model.byteSize)}
                  </td>
                  <td className="muted">
                    {model.files.includes("learning-curves.svg") ? (
                      <>
                        <a
                          href={modelMedia.file(projectId, model.id, "learning-curves.svg")}
                          target="_blank"
                          rel="noreferrer"
                        >
                          curves
                        </a>{" "}
                        ·{" "}
                      </>
                    ) : null}
                    <a
                      href={modelMedia.file(projectId, model.id, "metrics.json")}
                      target="_blank"
                      rel="noreferrer"
                    >
                      metrics
                    </a>
                  </td>
                  <td>
                    <button
                      className="button button-small button-quiet danger"
                      type="button"
                      onClick={() => void remove(model)}
                      disabled={busyId === model.id}
                      data-testid="model-delete"
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {error ? <Message kind="error">{error}</Message> : null}
      </div>
    </Card>
  );
}
