// The progress-event protocol: what a worker reports while it runs a job, one JSON object per
// event. Unlike job specs, events tolerate unknown fields (they are dropped), so a frontend keeps
// working when a newer worker adds some.
import * as z from "zod";
import { isRecord } from "./is-record.js";
import { ProgressEventError } from "./errors.js";
import {
  expecting,
  fraction,
  intAtLeast,
  nonEmptyText,
  numberAtLeast,
  oneOf,
} from "./field-schemas.js";
import { toValidationIssues } from "./validation-issues.js";

/** The stages of a job, in the order a training job passes through them. */
export const JOB_STAGES = [
  "queued",
  "synthesizing",
  "augmenting",
  "embedding",
  "training",
  "evaluating",
  "exporting",
  "done",
] as const;
export type JobStage = (typeof JOB_STAGES)[number];

/** transfer: head on the frozen base; scratch: the same network untrained; finetune: top layers unfrozen. */
export const TRAINING_RUNS = ["transfer", "scratch", "finetune"] as const;
export type TrainingRun = (typeof TRAINING_RUNS)[number];

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const PROGRESS_EVENT_TYPES = [
  "stage",
  "progress",
  "epoch",
  "log",
  "artifacts",
  "error",
] as const;
export type ProgressEventType = (typeof PROGRESS_EVENT_TYPES)[number];

function eventSchema<const T extends ProgressEventType, S extends z.ZodRawShape>(
  type: T,
  shape: S,
) {
  return z.object({
    type: z.literal(type),
    jobId: nonEmptyText("a job id"),
    /** When the worker emitted the event, in milliseconds since the Unix epoch. */
    timeMs: numberAtLeast(0),
    ...shape,
  });
}

export const stageEventSchema = eventSchema("stage", { stage: oneOf(JOB_STAGES) });

export const progressFractionEventSchema = eventSchema("progress", {
  /** Of the whole job, 0..1. */
  fraction: fraction(),
  etaSeconds: numberAtLeast(0).optional(),
});

export const epochMetricsSchema = z.object(
  {
    loss: numberAtLeast(0),
    accuracy: fraction(),
    /** Recall at the target false-accept rate, on the validation stream. */
    recallAtFar: fraction().optional(),
    valLoss: numberAtLeast(0).optional(),
  },
  { error: expecting("an object with loss and accuracy") },
);

export const epochEventSchema = eventSchema("epoch", {
  run: oneOf(TRAINING_RUNS),
  /** 1-based: the first finished epoch is 1. */
  epoch: intAtLeast(1),
  metrics: epochMetricsSchema,
});

export const logEventSchema = eventSchema("log", {
  level: oneOf(LOG_LEVELS),
  message: z.string({ error: expecting("a string") }),
});

export const artifactsEventSchema = eventSchema("artifacts", {
  /** What each file is (`model`, `report`, `metrics`) → where it was written. */
  paths: z.record(z.string(), nonEmptyText("a file path"), {
    error: expecting("an object of name → path"),
  }),
});

export const errorEventSchema = eventSchema("error", {
  message: nonEmptyText("an error message"),
  /** Stable and machine-readable, e.g. `BACKEND_UNAVAILABLE`. */
  code: nonEmptyText("an error code"),
});

export const progressEventSchema = z.discriminatedUnion(
  "type",
  [
    stageEventSchema,
    progressFractionEventSchema,
    epochEventSchema,
    logEventSchema,
    artifactsEventSchema,
    errorEventSchema,
  ],
  {
    error: (issue) => {
      const { input } = issue;
      if (!isRecord(input)) return expecting('an object with a "type" field')(issue);
      return expecting(`one of ${PROGRESS_EVENT_TYPES.join(", ")}`)({ input: input["type"] });
    },
  },
);

/** Named apart from the DOM's `ProgressEvent`, which frontends also have in scope. */
export type JobProgressEvent = z.output<typeof progressEventSchema>;
export type StageEvent = z.output<typeof stageEventSchema>;
export type ProgressFractionEvent = z.output<typeof progressFractionEventSchema>;
export type EpochEvent = z.output<typeof epochEventSchema>;
export type EpochMetrics = z.output<typeof epochMetricsSchema>;
export type LogEvent = z.output<typeof logEventSchema>;
export type ArtifactsEvent = z.output<typeof artifactsEventSchema>;
export type JobErrorEvent = z.output<typeof errorEventSchema>;

/** Validates one event (e.g. a parsed JSON line from a worker); throws `ProgressEventError`. */
export function parseProgressEvent(input: unknown): JobProgressEvent {
  const result = progressEventSchema.safeParse(input);
  if (result.success) return result.data;
  throw new ProgressEventError(toValidationIssues(result.error.issues));
}
