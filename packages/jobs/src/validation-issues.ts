import type * as z from "zod";
import type { ValidationIssue } from "./errors.js";

/** `["metrics", "loss"]` → `metrics.loss`; `["paths", 0]` → `paths[0]`. */
function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text ? `.${String(segment)}` : String(segment);
  }
  return text;
}

/**
 * zod issues as one issue per field: the first message for a path wins (a value can fail several
 * checks of one field, and they all carry the same message), and an object's unknown keys become
 * one issue each, described by `describeUnknownField`.
 */
export function toValidationIssues(
  issues: readonly z.core.$ZodIssue[],
  describeUnknownField: (key: string) => string = () => "is not a known field",
): ValidationIssue[] {
  const byPath = new Map<string, ValidationIssue>();
  const add = (path: readonly PropertyKey[], message: string) => {
    const text = formatPath(path);
    if (!byPath.has(text)) byPath.set(text, { path: text, message });
  };
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add([...issue.path, key], describeUnknownField(key));
    } else {
      add(issue.path, issue.message);
    }
  }
  return [...byPath.values()];
}
