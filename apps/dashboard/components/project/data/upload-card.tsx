"use client";

import { useRef, useState, type DragEvent } from "react";
import { ApiError, api, type SampleList } from "../../../lib/client/api-client";
import { plural } from "../../../lib/format";
import type { SampleLabel } from "../../../lib/store/types";
import { DEFAULT_UPLOAD_LIMITS } from "../../../lib/uploads/upload-limits";
import { Card } from "../../card";
import { Message } from "../../message";

interface UploadCardProps {
  readonly projectId: string;
  readonly onAdded: (list: SampleList) => void;
}

interface UploadOutcome {
  readonly added: number;
  /** One message per refused file, naming it. */
  readonly refused: readonly string[];
}

const LIMIT_MIB = Math.round(DEFAULT_UPLOAD_LIMITS.maxWavBytes / 2 ** 20);
const COMPRESSED_LIMIT_MIB = Math.round(DEFAULT_UPLOAD_LIMITS.maxCompressedBytes / 2 ** 20);

/**
 * Uploads audio files one request each, so a bad file is refused on its own (the server changes
 * nothing for it) while the good ones are added; what was refused is listed with the reason.
 */
export function UploadCard({ projectId, onAdded }: UploadCardProps) {
  const input = useRef<HTMLInputElement>(null);
  const [label, setLabel] = useState<SampleLabel>("positive");
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>(undefined);
  const [outcome, setOutcome] = useState<UploadOutcome | undefined>(undefined);
  const [over, setOver] = useState(false);

  async function upload(files: readonly File[]) {
    if (files.length === 0) return;
    setOutcome(undefined);
    let added = 0;
    const refused: string[] = [];
    for (const [i, file] of files.entries()) {
      setProgress({ done: i, total: files.length });
      // Checked here too, so a huge file is not sent only to be refused.
      if (file.size > DEFAULT_UPLOAD_LIMITS.maxWavBytes) {
        refused.push(
          `${file.name}: is ${Math.round(file.size / 2 ** 20)} MiB, over the ${LIMIT_MIB} MiB limit`,
        );
        continue;
      }
      try {
        onAdded(await api.uploadSamples(projectId, [file], label));
        added += 1;
      } catch (failure) {
        refused.push(
          failure instanceof ApiError ? failure.message : `${file.name}: ${String(failure)}`,
        );
      }
    }
    setProgress(undefined);
    setOutcome({ added, refused });
    if (input.current) input.current.value = "";
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    void upload(Array.from(event.dataTransfer.files));
  }

  const busy = progress !== undefined;
  return (
    <Card
      titleId="upload-title"
      title="Upload recordings"
      sub={`WAV (up to ${LIMIT_MIB} MiB), MP3, OGG, WebM or FLAC (up to ${COMPRESSED_LIMIT_MIB} MiB), at most 15 minutes each; stored as 16 kHz mono WAV.`}
    >
      <div className="card-body">
        <div className="field-row" style={{ marginBottom: 12 }}>
          <label className="field">
            Add as
            <select
              className="select"
              value={label}
              onChange={(e) => setLabel(e.target.value as SampleLabel)}
              disabled={busy}
              data-testid="upload-label"
            >
              <option value="positive">positive (the phrase)</option>
              <option value="negative">negative (other speech)</option>
              <option value="background">background (noise, music)</option>
            </select>
          </label>
        </div>
        <div
          className="dropzone"
          data-over={over}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={drop}
        >
          <p style={{ margin: "0 0 10px" }}>Drop audio files here, or</p>
          <label className="button" aria-disabled={busy}>
            Choose files
            <input
              ref={input}
              type="file"
              multiple
              accept="audio/*,.wav,.mp3,.ogg,.oga,.opus,.webm,.flac"
              hidden
              disabled={busy}
              onChange={(e) => void upload(Array.from(e.target.files ?? []))}
              data-testid="upload-input"
            />
          </label>
        </div>
        {progress ? (
          <p className="hint" data-testid="upload-progress">
            Uploading {progress.done + 1} of {progress.total}…
          </p>
        ) : null}
        {outcome && outcome.added > 0 ? (
          <Message kind="ok" testId="upload-done">
            Added {plural(outcome.added, "file")} as {label}.
          </Message>
        ) : null}
        {outcome && outcome.refused.length > 0 ? (
          <div className="alert" role="alert" style={{ marginTop: 12 }} data-testid="upload-error">
            {outcome.refused.length === 1
              ? "This file was not added:"
              : `These ${outcome.refused.length} files were not added:`}
            <ul>
              {outcome.refused.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
