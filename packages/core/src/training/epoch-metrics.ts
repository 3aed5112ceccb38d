/** One finished epoch of one training run (1-based `epoch`). */
export interface EpochMetrics {
  readonly epoch: number;
  /** Weighted binary cross-entropy on the training examples, averaged over the epoch. */
  readonly loss: number;
  /** Training accuracy at score 0.5 (weighted), over the epoch. */
  readonly accuracy: number;
  /** Held-out (speaker-disjoint) recall at the fixed clip false-accept rate. */
  readonly recallAtFar: number;
  /** The threshold that gives that false-accept rate on the held-out negatives. */
  readonly thresholdAtFar: number;
  /** Held-out clip accuracy at score 0.5. */
  readonly valAccuracy: number;
  /** Held-out unweighted binary cross-entropy over windows. */
  readonly valLoss: number;
  /** Wall time of the epoch (training and held-out scoring), in seconds. */
  readonly seconds: number;
  /** Of which scoring the held-out clips took. */
  readonly validationSeconds?: number;
}

/** Which training run a curve belongs to (the names of @wakeforge/jobs progress events). */
export type TrainingRunName = "transfer" | "scratch" | "finetune";
