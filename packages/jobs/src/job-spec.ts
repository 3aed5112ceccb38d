// Job specs: what a person (or a frontend) asks a worker to do, as a versioned JSON document.
// Unknown fields are errors, not ignored: in a hand-written file they are almost always typos
// (`epoch` for `epochs`) that would otherwise silently run with a default.
import * as z from "zod";
import { isRecord } from "./is-record.js";
import { expecting, intAtLeast, intBetween, nonEmptyText, oneOf } from "./field-schemas.js";

/** The only job spec version this package reads; bumped when a change would misread old files. */
export const JOB_SPEC_VERSION = 1;

export const JOB_KINDS = ["train", "eval", "synthesize", "export", "pretrain"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** Backends a Node worker can be asked for (browser backends do not run jobs). */
export const JOB_BACKENDS = ["auto", "node-gpu", "node", "wasm", "cpu"] as const;
export type JobBackend = (typeof JOB_BACKENDS)[number];

export const EXPORT_FORMATS = ["tfjs", "onnx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What a `train` spec gets for each field it leaves out. */
export const TRAIN_DEFAULTS = {
  synth: 0,
  base: "speech-embedding",
  epochs: 10,
  seed: 0,
  compareScratch: false,
  fineTune: false,
  /** Generated speech, music and noise mixed into training (0: none). */
  backgroundMinutes: 60,
  /** Generated negative audio the detection threshold is calibrated on. */
  negativeMinutes: 60,
  backend: "auto",
} as const satisfies Record<string, string | number | boolean>;

export const SYNTHESIZE_DEFAULTS = { language: "en", negatives: false } as const;
/** What a `pretrain` spec gets for each field it leaves out (as `wakeforge pretrain`). */
export const PRETRAIN_DEFAULTS = { epochs: 20 } as const;

const MAX_EPOCHS = 1000;
const MAX_SEED = 2 ** 32 - 1; // seeds feed 32-bit generators

const phrase = () => nonEmptyText('a non-empty phrase such as "hey nova"');
/** `what` carries its article: "a model", "an output". */
const directory = (what: string) => nonEmptyText(`${what} directory path`);
const epochs = () => intBetween(1, MAX_EPOCHS);

/** The fields every spec shares; `kind` selects the rest. */
function jobSchema<const K extends JobKind, S extends z.ZodRawShape>(kind: K, shape: S) {
  return z.strictObject({
    version: z
      .literal(JOB_SPEC_VERSION, {
        error: expecting(`${JOB_SPEC_VERSION} (the job spec version this wakeforge reads)`),
      })
      .default(JOB_SPEC_VERSION),
    kind: z.literal(kind),
    ...shape,
  });
}

export const trainJobSpecSchema = jobSchema("train", {
  word: phrase(),
  positives: directory("a positive recordings").optional(),
  negatives: directory("a negative recordings").optional(),
  background: directory("a background noise").optional(),
  /** Synthetic positives to generate on top of (or instead of) recordings. */
  synth: intAtLeast(0).default(TRAIN_DEFAULTS.synth),
  base: nonEmptyText("speech-embedding or a word network's directory").default(TRAIN_DEFAULTS.base),
  epochs: epochs().default(TRAIN_DEFAULTS.epochs),
  seed: intBetween(0, MAX_SEED).default(TRAIN_DEFAULTS.seed),
  /** Also train the same network from scratch, to show whether transfer paid off. */
  compareScratch: z
    .boolean({ error: expecting("true or false") })
    .default(TRAIN_DEFAULTS.compareScratch),
  /** Afterwards fine-tune the top base layer too. */
  fineTune: z.boolean({ error: expecting("true or false") }).default(TRAIN_DEFAULTS.fineTune),
  backgroundMinutes: intAtLeast(0).default(TRAIN_DEFAULTS.backgroundMinutes),
  /** At least a minute: a threshold set on less says little about false accepts per hour. */
  negativeMinutes: intAtLeast(1).default(TRAIN_DEFAULTS.negativeMinutes),
  backend: oneOf(JOB_BACKENDS).default(TRAIN_DEFAULTS.backend),
  out: directory("an output"),
}).refine((spec) => spec.positives !== undefined || spec.synth > 0, {
  path: ["synth"],
  message: "must be at least 1 when no positives directory is given (the word needs examples)",
});

export const evalJobSpecSchema = jobSchema("eval", {
  model: directory("a model"),
  positives: directory("a positive recordings"),
  negatives: directory("a negative recordings"),
  /** Where the result (evaluation.json, report.html) goes; a worker defaults to <model>/evaluation. */
  out: directory("an output").optional(),
});

export const synthesizeJobSpecSchema = jobSchema("synthesize", {
  word: phrase(),
  count: intAtLeast(1),
  /** BCP 47 language tag of the voices to use. */
  language: z
    .string({ error: expecting("a language tag such as en or en-GB") })
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
      error: expecting("a language tag such as en or en-GB"),
    })
    .default(SYNTHESIZE_DEFAULTS.language),
  /** Confusable negatives too: `true` for the engine's default number, or how many. */
  negatives: z
    .union([z.boolean(), intAtLeast(0)], {
      error: expecting("true, false or an integer of at least 0"),
    })
    .default(SYNTHESIZE_DEFAULTS.negatives),
  out: directory("an output"),
});

export const exportJobSpecSchema = jobSchema("export", {
  model: directory("a model"),
  format: oneOf(EXPORT_FORMATS),
  out: nonEmptyText("an output path"),
});

/** Reserved: pre-training a base of wakeforge's own on a labelled word corpus. */
export const pretrainJobSpecSchema = jobSchema("pretrain", {
  corpus: directory("a corpus"),
  out: directory("an output"),
  epochs: epochs().default(PRETRAIN_DEFAULTS.epochs),
});

const JOB_SCHEMAS = {
  train: trainJobSpecSchema,
  eval: evalJobSpecSchema,
  synthesize: synthesizeJobSpecSchema,
  export: exportJobSpecSchema,
  pretrain: pretrainJobSpecSchema,
} as const satisfies Record<JobKind, z.ZodType>;

/** The fields a spec of `kind` may have, for suggesting what a typo meant. */
export function jobSpecFields(kind: JobKind): readonly string[] {
  return Object.keys(JOB_SCHEMAS[kind].shape);
}

export function isJobKind(value: unknown): value is JobKind {
  return (JOB_KINDS as readonly unknown[]).includes(value);
}

export const jobSpecSchema = z.discriminatedUnion(
  "kind",
  [
    trainJobSpecSchema,
    evalJobSpecSchema,
    synthesizeJobSpecSchema,
    exportJobSpecSchema,
    pretrainJobSpecSchema,
  ],
  {
    error: (issue) => {
      const { input } = issue;
      if (!isRecord(input)) return expecting('a JSON object with a "kind" field')(issue);
      return expecting(`one of ${JOB_KINDS.join(", ")}`)({ input: input["kind"] });
    },
  },
);

/** A validated job spec with defaults applied. */
export type JobSpec = z.output<typeof jobSpecSchema>;
/** What may be written in a spec file: defaulted fields are optional. */
export type JobSpecInput = z.input<typeof jobSpecSchema>;
export type TrainJobSpec = z.output<typeof trainJobSpecSchema>;
export type EvalJobSpec = z.output<typeof evalJobSpecSchema>;
export type SynthesizeJobSpec = z.output<typeof synthesizeJobSpecSchema>;
export type ExportJobSpec = z.output<typeof exportJobSpecSchema>;
export type PretrainJobSpec = z.output<typeof pretrainJobSpecSchema>;
