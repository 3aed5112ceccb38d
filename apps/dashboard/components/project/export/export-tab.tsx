"use client";

import { useState } from "react";
import { phraseSlug } from "../../../lib/export/export-names";
import type { Project, TrainedModel } from "../../../lib/store/types";
import { Card } from "../../card";
import { ModelPicker } from "../evaluate/model-picker";
import { NoModelYet } from "../evaluate/no-model-yet";
import { DownloadCard } from "./download-card";
import { UsageSnippetCard } from "./usage-snippet-card";

interface ExportTabProps {
  readonly project: Project;
  /** Newest first. */
  readonly models: readonly TrainedModel[];
}

/** The Export tab: a trained model's downloads and the code that runs it. */
export function ExportTab({ project, models }: ExportTabProps) {
  const [modelId, setModelId] = useState(models[0]?.id ?? "");
  if (models.length === 0) {
    return <NoModelYet title="Export" then="download it here" testId="export-empty" />;
  }
  const model = models.find((m) => m.id === modelId) ?? models[0]!;
  return (
    <div className="stack">
      <Card titleId="export-title" title="Export a model" data-testid="export-controls">
        <div className="card-body">
          <ModelPicker
            models={models}
            value={model.id}
            onChange={setModelId}
            testId="export-model"
          />
          <p className="hint">
            Threshold {model.threshold.toFixed(3)} (calibrated in training), held-out recall{" "}
            {Math.round(model.recallAtFar * 100)} %. Check it on the Evaluate tab before shipping.
          </p>
        </div>
      </Card>
      <DownloadCard projectId={project.id} modelId={model.id} phrase={project.phrase} />
      <UsageSnippetCard folder={phraseSlug(project.phrase)} />
    </div>
  );
}
