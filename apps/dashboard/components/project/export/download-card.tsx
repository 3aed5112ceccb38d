import { modelMedia } from "../../../lib/client/api-client";
import { exportFileName, type ExportFormat } from "../../../lib/export/export-names";
import { Card } from "../../card";

interface DownloadCardProps {
  readonly projectId: string;
  readonly modelId: string;
  readonly phrase: string;
}

const DOWNLOADS: readonly { format: ExportFormat; title: string; about: string }[] = [
  {
    format: "tfjs",
    title: "TensorFlow.js model",
    about:
      "The model directory zipped: model.json and weights.bin (the trigger-word head), wakeforge.json (phrase, base, calibrated threshold) and metrics.json (the training record). @wakeforge/core loads the unzipped folder; it runs on the speech-embedding base core brings.",
  },
  {
    format: "onnx",
    title: "ONNX head",
    about:
      'The head alone in openWakeWord\'s contract: input "embeddings" [batch, 16, 96] (the last 16 speech embeddings, one every 80 ms), output "score" [batch, 1]. Runs in onnxruntime or openWakeWord behind the same speech-embedding base.',
  },
];

/** The two downloads of a model, each named after the phrase. */
export function DownloadCard({ projectId, modelId, phrase }: DownloadCardProps) {
  return (
    <Card
      titleId="downloads-title"
      title="Download"
      sub="Files are checked on the server before they are sent: a missing or damaged model file is named instead of downloading something broken."
    >
      <ul className="card-body download-list">
        {DOWNLOADS.map(({ format, title, about }) => (
          <li key={format}>
            <a
              className="button button-primary"
              href={modelMedia.export(projectId, modelId, format)}
              download={exportFileName(phrase, format)}
              data-testid={`export-${format}`}
            >
              {title}
            </a>
            <span className="mono muted">{exportFileName(phrase, format)}</span>
            <p className="hint">{about}</p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
