import type { ReactNode } from "react";

export interface RadioChoice<T> {
  readonly value: T;
  readonly label: ReactNode;
  readonly testId: string;
}

interface RadioChoicesProps<T> {
  /** The group's name, for assistive technology ("Where to train"). */
  readonly label: string;
  readonly name: string;
  readonly choices: readonly RadioChoice<T>[];
  readonly value: T;
  readonly onChange: (value: T) => void;
  readonly disabled: boolean;
}

/** One setting as a row of radio buttons. */
export function RadioChoices<T>({
  label,
  name,
  choices,
  value,
  onChange,
  disabled,
}: RadioChoicesProps<T>) {
  return (
    <div className="actions" role="radiogroup" aria-label={label} style={{ marginBottom: 12 }}>
      {choices.map((choice) => (
        <label className="actions" key={choice.testId}>
          <input
            type="radio"
            name={name}
            checked={choice.value === value}
            onChange={() => onChange(choice.value)}
            disabled={disabled}
            data-testid={choice.testId}
          />
          {choice.label}
        </label>
      ))}
    </div>
  );
}
