// Paths in a job spec file are relative to the file's folder, as paths in a config file are, so
// `wakeforge submit examples/jobs/train-small.json` means the same from any working directory.
// They are made absolute at submit time: the worker that runs the job has its own working
// directory (and maybe its own machine), and the queue keeps the spec as submitted.
import { isAbsolute, resolve } from "node:path";
import { SPEECH_EMBEDDING } from "@wakeforge/core";
import type { JobKind, JobSpec } from "@wakeforge/jobs";

type SpecOf<K extends JobKind> = Extract<JobSpec, { kind: K }>;

/** The fields of each kind that name files or folders. */
export const SPEC_PATH_FIELDS = {
  train: ["positives", "negatives", "background", "out"],
  eval: ["model", "positives", "negatives", "out"],
  synthesize: ["out"],
  export: ["model", "out"],
  pretrain: ["corpus", "out"],
} as const satisfies { readonly [K in JobKind]: readonly (keyof SpecOf<K>)[] };

export function resolveSpecPaths<S extends JobSpec>(spec: S, folder: string): S {
  const resolved: Record<string, unknown> = { ...spec };
  for (const field of SPEC_PATH_FIELDS[spec.kind]) {
    const value = resolved[field];
    if (typeof value === "string" && !isAbsolute(value)) resolved[field] = resolve(folder, value);
  }
  // A train job's base is the zoo's by name, or else a word network's directory.
  if (spec.kind === "train" && spec.base !== SPEECH_EMBEDDING.id && !isAbsolute(spec.base)) {
    resolved.base = resolve(folder, spec.base);
  }
  return resolved as S;
}
