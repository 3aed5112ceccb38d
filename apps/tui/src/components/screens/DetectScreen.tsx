import { Box, Text } from "ink";
import { useKeys } from "../../use-keys.js";
import { useEffect, useState } from "react";
import { useForm } from "../../form/use-form.js";
import type { TuiServices } from "../../services.js";
import { useDetection, type DetectionView } from "../../use-detection.js";
import { useModelRecord } from "../../use-model-record.js";
import { useTheme } from "../../use-theme.js";
import { DetectionLog } from "../DetectionLog.js";
import { Form } from "../Form.js";
import type { KeyHint } from "../KeyHints.js";
import { ScoreMeter } from "../ScoreMeter.js";
import { ScreenFrame } from "../ScreenFrame.js";

export interface DetectScreenProps {
  readonly model: string | undefined;
  readonly file: string | undefined;
  /** Start listening to the microphone as soon as the screen opens (--mic). */
  readonly micAtStart: boolean;
  readonly readModelRecord: TuiServices["readModelRecord"];
  readonly detect: TuiServices["detect"];
  readonly width: number;
  readonly height: number;
  readonly onCaptureChange: (capturing: boolean) => void;
}

const FILE_FIELD = [
  {
    key: "file",
    label: "audio file",
    kind: "text" as const,
    placeholder: "(press enter to type a path)",
  },
];

function statusText(view: DetectionView): string {
  switch (view.status) {
    case "idle":
      return "Not listening.";
    case "loading":
      return "Loading the model and the pre-trained base…";
    case "listening":
      return `Listening to ${view.listeningTo ?? "audio"}`;
    case "finished":
      return `Finished ${view.listeningTo ?? "the audio"}`;
    case "stopped":
      return "Stopped.";
    case "failed":
      return view.message ?? "Detection failed.";
  }
}

/** Live detection on a file or the microphone: a score meter against the threshold, a log. */
export function DetectScreen(props: DetectScreenProps) {
  const { width, height, onCaptureChange } = props;
  const theme = useTheme();
  const { view: record } = useModelRecord(props.readModelRecord, props.model);
  const { view, start, stop } = useDetection(props.detect, props.model);
  const { form, current, set, press } = useForm({ file: props.file ?? "" });
  const file = typeof form.values["file"] === "string" ? form.values["file"] : "";
  const running = view.status === "loading" || view.status === "listening";

  useEffect(() => {
    onCaptureChange(form.draft !== undefined);
  }, [form.draft, onCaptureChange]);
  useEffect(
    () => () => {
      onCaptureChange(false);
    },
    [onCaptureChange],
  );
  const [micStarted, setMicStarted] = useState(false);
  useEffect(() => {
    if (props.micAtStart && !micStarted && props.model) {
      setMicStarted(true);
      start({ kind: "mic" });
    }
  }, [props.micAtStart, micStarted, props.model, start]);

  useKeys((input, key) => {
    if (current.current.draft !== undefined) {
      press(FILE_FIELD, input, key);
      // Enter on the path keeps it and plays it at once.
      const path = current.current.values["file"];
      if (key.return && typeof path === "string" && path) start({ kind: "file", path });
      return;
    }
    const path = current.current.values["file"];
    if (input === "f") set({ ...current.current, draft: typeof path === "string" ? path : "" });
    else if (key.return && typeof path === "string" && path) start({ kind: "file", path });
    else if (input === "m") start({ kind: "mic" });
    else if (input === "x" && running) stop();
  });

  const hints: KeyHint[] =
    form.draft !== undefined
      ? [
          { key: "enter", action: "play" },
          { key: "esc", action: "undo" },
        ]
      : [
          { key: "f", action: "file path" },
          ...(file ? [{ key: "enter", action: "play file" }] : []),
          { key: "m", action: "microphone" },
          ...(running ? [{ key: "x", action: "stop" }] : []),
        ];

  if (!props.model) {
    return (
      <ScreenFrame height={height} hints={[]}>
        <Text>No model chosen: pick one on the Overview (1), or start with --model DIR.</Text>
      </ScreenFrame>
    );
  }
  const manifest = record.status === "ready" ? record.record.manifest : undefined;
  const threshold = manifest?.threshold ?? 0.5;
  return (
    <ScreenFrame height={height} hints={hints}>
      <Text bold wrap="truncate-end">{`"${manifest?.phrase ?? "wake word"}"  ${props.model}`}</Text>
      <Form fields={FILE_FIELD} state={form} />
      <Box marginTop={1} flexDirection="column">
        <Text color={view.status === "failed" ? theme.error : undefined} wrap="wrap">
          {statusText(view)}
        </Text>
        <ScoreMeter
          score={view.latest?.score}
          threshold={threshold}
          width={Math.min(50, Math.max(0, width - 30))}
        />
        <Text dimColor>
          {view.latest
            ? `at ${view.latest.timeSeconds.toFixed(2)} s · peak ${view.peak.toFixed(2)} · threshold ${threshold.toFixed(2)}`
            : `threshold ${threshold.toFixed(2)} (calibrated in training)`}
        </Text>
      </Box>
      <Box marginTop={1}>
        <DetectionLog detections={view.detections} rows={Math.max(1, height - 11)} />
      </Box>
    </ScreenFrame>
  );
}
