// Numeric command-line flags, checked the same way by every command: a bad value is a usage
// error (exit 2) that names the flag, the value and what was expected.
import { UsageError } from "./usage-error.js";

/** A whole number ≥ `min`, or `fallback` when the flag is absent. */
export function wholeNumberFlag(
  value: string | undefined,
  flag: string,
  fallback: number,
  min = 1,
): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min)
    throw new UsageError(`${flag} ${value}: expected a whole number ≥ ${min}`);
  return number;
}

/** A detection threshold in 0..1, or undefined when the flag is absent. */
export function thresholdFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 1) {
    throw new UsageError(`${flag} ${value}: expected a number between 0 and 1`);
  }
  return number;
}

/** A number ≥ 0 of `unit` (seconds, false accepts per hour), or undefined when absent. */
export function nonNegativeFlag(
  value: string | undefined,
  flag: string,
  unit: string,
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!(number >= 0) || !Number.isFinite(number))
    throw new UsageError(`${flag} ${value}: expected ${unit} ≥ 0`);
  return number;
}
