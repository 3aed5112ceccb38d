import { Box, Text } from "ink";
import { useKeys } from "../../use-keys.js";
import { useEffect, useMemo, useRef, useState } from "react";
import type { FormState } from "../../form/form-state.js";
import { useForm } from "../../form/use-form.js";
import type { ModelRecord } from "../../model/model-record.js";
import type { TuiServices } from "../../services.js";
import { formValuesOf, specFromForm, trainingFields } from "../../training/training-form.js";
import type { TrainingSettings } from "../../training/training-settings.js";
import { isTrainingActive } from "../../training/training-state.js";
import type { TrainingController } from "../../use-training.js";
import { useTheme } from "../../use-theme.js";
import { Form } from "../Form.js";
import type { KeyHint } from "../KeyHints.js";
import { ScreenFrame } from "../ScreenFrame.js";
import { TrainingView } from "../TrainingView.js";

export interface TrainScreenProps {
  readonly training: TrainingController;
  readonly initial: TrainingSettings;
  readonly dataDir: string;
  /** Start training with `initial` as soon as the screen opens (--start). */
  readonly autoStart: boolean;
  readonly readModelRecord: TuiServices["readModelRecord"];
  readonly width: number;
  readonly height: number;
  /** True while a field is being edited: keys are text then, not commands. */
  readonly onCaptureChange: (capturing: boolean) => void;
  /** Opens another screen on the model just trained. */
  readonly onOpenModel: (screen: "eval" | "detect", model: string) => void;
}

function hintsFor(form: FormState, status: string | undefined): KeyHint[] {
  if (status === "starting" || status === "running") return [{ key: "x", action: "stop training" }];
  if (status === "stopping") return [{ key: "x", action: "kill the worker now" }];
  if (status === "completed") {
    return [
      { key: "e", action: "evaluate" },
      { key: "d", action: "detect" },
      { key: "n", action: "new training" },
    ];
  }
  if (status) return [{ key: "n", action: "new training" }];
  if (form.draft !== undefined) {
    return [
      { key: "enter", action: "keep" },
      { key: "esc", action: "undo" },
    ];
  }
  return [
    { key: "↑↓", action: "field" },
    { key: "enter", action: "edit" },
    { key: "s", action: "start training" },
  ];
}

/** The training form, then the run: progress with ETA, the learning curves, the log, the result. */
export function TrainScreen(props: TrainScreenProps) {
  const { training, dataDir, width, height, onCaptureChange } = props;
  const theme = useTheme();
  const { form, current, press } = useForm(formValuesOf(props.initial));
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [record, setRecord] = useState<ModelRecord | undefined>(undefined);
  const word = typeof form.values["word"] === "string" ? form.values["word"] : "";
  const fields = useMemo(() => trainingFields(dataDir, word), [dataDir, word]);
  const state = training.state;
  const status = state?.status;

  const start = (values = current.current.values) => {
    const result = specFromForm(values, fields, dataDir);
    if ("problem" in result) return setProblem(result.problem);
    setProblem(undefined);
    setRecord(undefined);
    training.start(result.spec);
  };

  const autoStarted = useRef(false);
  useEffect(() => {
    if (props.autoStart && !autoStarted.current && !training.state) {
      autoStarted.current = true;
      start();
    }
  });

  useEffect(() => {
    onCaptureChange(form.draft !== undefined);
  }, [form.draft, onCaptureChange]);
  useEffect(
    () => () => {
      onCaptureChange(false);
    },
    [onCaptureChange],
  );

  const model = status === "completed" ? state?.model : undefined;
  useEffect(() => {
    if (!model) return;
    let current = true;
    props.readModelRecord(model).then(
      (read) => current && setRecord(read),
      () => current && setRecord(undefined),
    );
    return () => {
      current = false;
    };
  }, [model, props.readModelRecord]);

  useKeys((input, key) => {
    if (state) {
      if (input === "x" && isTrainingActive(state)) training.stop();
      else if (input === "n" && !isTrainingActive(state)) training.clear();
      else if (model && (input === "e" || input === "d"))
        props.onOpenModel(input === "e" ? "eval" : "detect", model);
      return;
    }
    if (press(fields, input, key)) return;
    if (input === "s") start();
  });

  return (
    <ScreenFrame height={height} hints={hintsFor(form, status)}>
      {state ? (
        <TrainingView
          state={state}
          etaSeconds={training.etaSeconds}
          record={record}
          width={width}
          height={height - 1}
        />
      ) : (
        <Box flexDirection="column" rowGap={1}>
          <Text bold>Train a wake word</Text>
          <Form fields={fields} state={form} />
          {problem && <Text color={theme.error}>{problem}</Text>}
          <Text dimColor wrap="wrap">
            Training runs as `wakeforge train` does (a job on a worker of its own), with synthetic
            speech in many voices, generated background and negative audio; the threshold is
            calibrated on the negative audio.
          </Text>
        </Box>
      )}
    </ScreenFrame>
  );
}
