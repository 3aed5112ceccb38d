// Field schemas shared by job specs and progress events. Each states its expectation once, and
// every failure of that field (wrong type, too small, too big) reports it with the value received,
// so a person fixing a spec file reads one message per field, not zod's per-check wording.
import * as z from "zod";
import { describeValue } from "./describe-value.js";

/** A zod error function: `is required (…)` when the field is missing, else `must be …, got …`. */
export function expecting(expectation: string): (issue: { readonly input?: unknown }) => string {
  return (issue) =>
    issue.input === undefined
      ? `is required (${expectation})`
      : `must be ${expectation}, got ${describeValue(issue.input)}`;
}

export function intBetween(min: number, max: number) {
  const error = expecting(`an integer between ${min} and ${max}`);
  return z.int({ error }).min(min, { error }).max(max, { error });
}

export function intAtLeast(min: number) {
  const error = expecting(`an integer of at least ${min}`);
  return z.int({ error }).min(min, { error });
}

export function numberAtLeast(min: number) {
  const error = expecting(`a number of at least ${min}`);
  return z.number({ error }).min(min, { error });
}

/** A share of something, 0 (none) to 1 (all). */
export function fraction() {
  const error = expecting("a number between 0 and 1");
  return z.number({ error }).min(0, { error }).max(1, { error });
}

/** A non-empty string, trimmed; `what` names it in messages (`a model directory`). */
export function nonEmptyText(what: string) {
  const error = expecting(what);
  return z.string({ error }).trim().min(1, { error });
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: expecting(`one of ${values.join(", ")}`) });
}
