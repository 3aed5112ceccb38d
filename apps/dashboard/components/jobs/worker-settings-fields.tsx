"use client";

import { WORKER_SETTING_LIMITS } from "../../lib/jobs/worker-training-settings";
import { NumberField } from "../number-field";

export interface WorkerAudioMinutes {
  readonly negativeMinutes: number;
  readonly backgroundMinutes: number;
}

interface WorkerSettingsFieldsProps {
  readonly minutes: WorkerAudioMinutes;
  readonly onChange: (minutes: WorkerAudioMinutes) => void;
  readonly disabled: boolean;
}

/** What only a worker run has: the minutes of audio it generates to train and calibrate on. */
export function WorkerSettingsFields({ minutes, onChange, disabled }: WorkerSettingsFieldsProps) {
  const { negativeMinutes, backgroundMinutes } = WORKER_SETTING_LIMITS;
  return (
    <details className="more-settings">
      <summary>More settings</summary>
      <div className="field-row" style={{ marginTop: 10 }}>
        <NumberField
          label="Negative audio, minutes"
          min={negativeMinutes.min}
          max={negativeMinutes.max}
          value={minutes.negativeMinutes}
          onChange={(value) => onChange({ ...minutes, negativeMinutes: value })}
          disabled={disabled}
          testId="worker-negative-minutes"
        />
        <NumberField
          label="Background audio, minutes"
          min={backgroundMinutes.min}
          max={backgroundMinutes.max}
          value={minutes.backgroundMinutes}
          onChange={(value) => onChange({ ...minutes, backgroundMinutes: value })}
          disabled={disabled}
          testId="worker-background-minutes"
        />
      </div>
      <p className="hint">
        The worker generates speech, music and noise: the background minutes train the detector not
        to wake on them, and the negative minutes set its threshold at a rate of false accepts per
        hour. Both are made once per phrase and kept in the worker&rsquo;s data directory.
      </p>
    </details>
  );
}
