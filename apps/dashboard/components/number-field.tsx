interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  /** Receives the typed value as a whole number clamped to [min, max] (empty or junk: min). */
  readonly onChange: (value: number) => void;
  readonly min: number;
  readonly max: number;
  readonly disabled?: boolean;
  readonly testId?: string;
}

/** A whole-number field that never hands out a value outside its range. */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  disabled,
  testId,
}: NumberFieldProps) {
  return (
    <label className="field">
      {label}
      <input
        className="input input-number"
        type="number"
        min={min}
        max={max}
        value={value}
        onChange={(e) =>
          onChange(Math.min(max, Math.max(min, Math.floor(Number(e.target.value) || min))))
        }
        disabled={disabled}
        data-testid={testId}
      />
    </label>
  );
}
