import type { JobSpec } from "./job-spec.js";

/** A job in a few words, for a person reading a log or a table. */
export function describeJob(spec: JobSpec): string {
  switch (spec.kind) {
    case "train":
      return `train "${spec.word}" → ${spec.out}`;
    case "eval":
      return `eval ${spec.model}`;
    case "synthesize":
      return `synthesize ${spec.count} × "${spec.word}" → ${spec.out}`;
    case "export":
      return `export ${spec.model} as ${spec.format} → ${spec.out}`;
    case "pretrain":
      return `pretrain on ${spec.corpus} → ${spec.out}`;
  }
}
