import { closestName } from "./closest-name.js";
import { JobSpecError } from "./errors.js";
import { isRecord } from "./is-record.js";
import { isJobKind, jobSpecFields, jobSpecSchema, type JobSpec } from "./job-spec.js";
import { parseJson } from "./parse-json.js";
import { toValidationIssues } from "./validation-issues.js";

const DEFAULT_SOURCE = "job spec";

function unknownFieldMessage(input: unknown): (key: string) => string {
  const kind = isRecord(input) ? input["kind"] : undefined;
  if (!isJobKind(kind)) return () => "is not a known field";
  const known = jobSpecFields(kind);
  return (key) => {
    const guess = closestName(key, known);
    return `is not a field of a ${kind} job${guess ? ` (did you mean "${guess}"?)` : ""}`;
  };
}

/**
 * Validates a job spec and applies its defaults. Throws `JobSpecError` naming `source` (a file
 * name, say) and every bad field with what was received.
 */
export function parseJobSpec(input: unknown, source = DEFAULT_SOURCE): JobSpec {
  const result = jobSpecSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = toValidationIssues(result.error.issues, unknownFieldMessage(input));
  throw new JobSpecError(source, issues, { cause: result.error });
}

/** `parseJobSpec` for JSON text; malformed JSON is reported with its line and column. */
export function parseJobSpecJson(text: string, source = DEFAULT_SOURCE): JobSpec {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const where = parsed.location
      ? ` at line ${parsed.location.line}, column ${parsed.location.column}`
      : "";
    throw new JobSpecError(
      source,
      [{ path: "", message: `invalid JSON${where}: ${parsed.reason}` }],
      {
        cause: parsed.error,
        ...(parsed.location ? { location: parsed.location } : {}),
      },
    );
  }
  return parseJobSpec(parsed.value, source);
}
