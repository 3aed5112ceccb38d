"use client";

import { useCallback, useState } from "react";
import {
  api,
  errorMessage,
  type SampleList as SampleListData,
} from "../../../lib/client/api-client";
import type {
  Project,
  Sample,
  SampleCounts as Counts,
  SampleLabel,
} from "../../../lib/store/types";
import type { SynthesisStatus } from "../../../lib/synthesis/synthesis-status";
import { RoomRecorderCard } from "./room-recorder-card";
import { SampleCounts } from "./sample-counts";
import { SampleList } from "./sample-list";
import { SynthesizeCard } from "./synthesize-card";
import { UploadCard } from "./upload-card";
import { VoiceRecorderCard } from "./voice-recorder-card";

interface DataTabProps {
  readonly project: Project;
  readonly initialSamples: readonly Sample[];
  readonly initialCounts: Counts;
  readonly initialRun: SynthesisStatus | null;
}

/** The project's data: ways to add samples above, the samples and their counts below. */
export function DataTab({ project, initialSamples, initialCounts, initialRun }: DataTabProps) {
  const [samples, setSamples] = useState(initialSamples);
  const [counts, setCounts] = useState(initialCounts);
  const [busyId, setBusyId] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const reload = useCallback(async () => {
    try {
      const list = await api.listSamples(project.id);
      setSamples(list.samples);
      setCounts(list.counts);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [project.id]);

  const added = useCallback((list: SampleListData) => {
    setSamples((current) => [...list.samples, ...current]);
    setCounts(list.counts);
  }, []);

  async function change(
    sample: Sample,
    action: () => Promise<{ counts: Counts }>,
    apply: () => void,
  ) {
    setBusyId(sample.id);
    setError(undefined);
    try {
      const result = await action();
      apply();
      setCounts(result.counts);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusyId(undefined);
    }
  }

  const move = (sample: Sample, label: SampleLabel) =>
    void change(
      sample,
      () => api.relabelSample(project.id, sample.id, label),
      () => setSamples((all) => all.map((s) => (s.id === sample.id ? { ...s, label } : s))),
    );

  const remove = (sample: Sample) =>
    void change(
      sample,
      () => api.deleteSample(project.id, sample.id),
      () => setSamples((all) => all.filter((s) => s.id !== sample.id)),
    );

  return (
    <div className="stack" style={{ gap: 0 }}>
      <SampleCounts counts={counts} />
      <div className="grid" style={{ marginBottom: 18 }}>
        <VoiceRecorderCard projectId={project.id} phrase={project.phrase} onAdded={added} />
        <RoomRecorderCard projectId={project.id} onAdded={added} />
        <UploadCard projectId={project.id} onAdded={added} />
        <SynthesizeCard
          projectId={project.id}
          phrase={project.phrase}
          initialRun={initialRun}
          onFinished={() => void reload()}
        />
      </div>
      {error ? (
        <p className="alert" role="alert" style={{ marginBottom: 18 }} data-testid="samples-error">
          {error}
        </p>
      ) : null}
      <SampleList
        samples={samples}
        counts={counts}
        busyId={busyId}
        onMove={move}
        onDelete={remove}
      />
    </div>
  );
}
