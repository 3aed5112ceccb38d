import type { TrainedModel } from "../../../lib/store/types";

interface ModelPickerProps {
  readonly models: readonly TrainedModel[];
  readonly value: string;
  readonly onChange: (modelId: string) => void;
  readonly disabled?: boolean;
  readonly testId: string;
}

/** Which trained model a tab works on, newest first (the list is already in that order). */
export function ModelPicker({ models, value, onChange, disabled, testId }: ModelPickerProps) {
  return (
    <label className="field">
      Model
      <select
        className="select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
        data-testid={testId}
      >
        {models.map((model, i) => (
          <option key={model.id} value={model.id}>
            {new Date(model.createdAt).toLocaleString()} · threshold {model.threshold.toFixed(3)}
            {i === 0 ? " (newest)" : ""}
          </option>
        ))}
      </select>
    </label>
  );
}
