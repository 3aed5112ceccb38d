"use client";

import type { FormEvent, ReactNode } from "react";
import {
  BROWSER_BACKEND_CHOICES,
  SETTING_LIMITS,
  TRAINING_BASES,
  type BrowserBackendChoice,
  type TrainingBaseId,
  type TrainingSettings,
} from "../../../lib/training/training-protocol";
import { NumberField } from "../../number-field";
import { RadioChoices, type RadioChoice } from "./radio-choices";

const BACKEND_LABELS: Readonly<Record<BrowserBackendChoice, string>> = {
  auto: "best available (WebGPU → WebGL → WebAssembly → JavaScript)",
  webgl: "WebGL (the graphics card)",
  wasm: "WebAssembly (the processor, SIMD)",
  cpu: "plain JavaScript (slowest)",
};

/** The numbers under "More settings", each with its limits in SETTING_LIMITS. */
const ADVANCED_FIELDS: readonly {
  key: Exclude<keyof typeof SETTING_LIMITS, "epochs">;
  label: string;
  testId: string;
}[] = [
  {
    key: "scratchWindowsPerEpoch",
    label: "Scratch windows per epoch",
    testId: "training-scratch-windows",
  },
  { key: "ensembleSize", label: "Heads averaged", testId: "training-ensemble" },
  {
    key: "generatedNoiseSeconds",
    label: "Generated noise, s per kind",
    testId: "training-noise-seconds",
  },
  { key: "seed", label: "Seed", testId: "training-seed" },
];

/** Where a run trains: in this page, or as a job a worker takes from the queue. */
export type TrainingPlace = "browser" | "worker";

const PLACE_CHOICES: readonly RadioChoice<TrainingPlace>[] = [
  { value: "browser", label: "In this browser", testId: "training-place-browser" },
  {
    value: "worker",
    label: "On a worker, through the job queue (the page may close meanwhile)",
    testId: "training-place-worker",
  },
];

const COMPARE_CHOICES: readonly RadioChoice<boolean>[] = [
  {
    value: true,
    label: "Transfer and the same network from scratch (shows what the base bought; slower)",
    testId: "training-compare",
  },
  { value: false, label: "Transfer only", testId: "training-transfer-only" },
];

interface TrainingSettingsFormProps {
  readonly place: TrainingPlace;
  readonly onPlaceChange: (place: TrainingPlace) => void;
  /** The settings only a worker run has, shown instead of the browser's under "More settings". */
  readonly workerSettings: ReactNode;
  readonly settings: TrainingSettings;
  readonly onChange: (settings: TrainingSettings) => void;
  readonly onStart: () => void;
  /** Why training cannot start (too few samples); the button waits while set. */
  readonly blocked: string | undefined;
  readonly running: boolean;
}

/** Where to train, base, epochs, the comparison and the backend; the rest behind "More settings". */
export function TrainingSettingsForm({
  place,
  onPlaceChange,
  workerSettings,
  settings,
  onChange,
  onStart,
  blocked,
  running,
}: TrainingSettingsFormProps) {
  const set = <K extends keyof TrainingSettings>(key: K, value: TrainingSettings[K]) =>
    onChange({ ...settings, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onStart();
  };
  const { epochs } = SETTING_LIMITS;
  return (
    <form onSubmit={submit} data-testid="training-settings">
      <RadioChoices
        label="Where to train"
        name="place"
        choices={PLACE_CHOICES}
        value={place}
        onChange={onPlaceChange}
        disabled={running}
      />
      <div className="field-row" style={{ marginBottom: 12 }}>
        <label className="field field-grow">
          Base network
          <select
            className="select"
            value={settings.base}
            onChange={(e) => set("base", e.target.value as TrainingBaseId)}
            disabled={running}
            data-testid="training-base"
          >
            {TRAINING_BASES.map((base) => (
              <option key={base.id} value={base.id}>
                {base.label}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label="Epochs"
          min={epochs.min}
          max={epochs.max}
          value={settings.epochs}
          onChange={(value) => set("epochs", value)}
          disabled={running}
          testId="training-epochs"
        />
      </div>
      <RadioChoices
        label="What to train"
        name="compare"
        choices={COMPARE_CHOICES}
        value={settings.compareScratch}
        onChange={(value) => set("compareScratch", value)}
        disabled={running}
      />
      {place === "worker" ? (
        workerSettings
      ) : (
        <details className="more-settings">
          <summary>More settings</summary>
          <div className="field-row" style={{ marginTop: 10 }}>
            <label className="field field-grow">
              Backend
              <select
                className="select"
                value={settings.backend}
                onChange={(e) => set("backend", e.target.value as BrowserBackendChoice)}
                disabled={running}
                data-testid="training-backend"
              >
                {BROWSER_BACKEND_CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {BACKEND_LABELS[choice]}
                  </option>
                ))}
              </select>
            </label>
            {ADVANCED_FIELDS.map((field) => (
              <NumberField
                key={field.key}
                label={field.label}
                min={SETTING_LIMITS[field.key].min}
                max={SETTING_LIMITS[field.key].max}
                value={settings[field.key]}
                onChange={(value) => set(field.key, value)}
                disabled={
                  running || (field.key === "scratchWindowsPerEpoch" && !settings.compareScratch)
                }
                testId={field.testId}
              />
            ))}
          </div>
          <p className="hint">
            The scratch run trains the whole base network, about 0.2 s a window on two cores: fewer
            windows make the comparison quicker and rougher. Averaging heads trained from other
            seeds flattens the rare confident spikes one head has on everyday sound; each trains in
            seconds. Generated noise (white, pink, brown, hum, music) joins your background
            recordings as negatives.
          </p>
        </details>
      )}
      <div className="actions" style={{ marginTop: 14 }}>
        <button
          className="button button-primary"
          type="submit"
          disabled={running || blocked !== undefined}
          data-testid="training-start"
        >
          {running
            ? "Training…"
            : place === "worker"
              ? "Train on a worker"
              : "Train in this browser"}
        </button>
      </div>
    </form>
  );
}
