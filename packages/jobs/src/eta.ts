export interface EtaOptions {
  /**
   * Weight of the newest step of progress in the rate estimate, in (0, 1]: higher follows speed
   * changes sooner, lower rides out jitter. Default 0.2.
   */
  readonly smoothing?: number;
  /** Progress (0..1) to see before estimating at all; early rates mislead. Default 0.01. */
  readonly minProgress?: number;
}

export interface EtaEstimator {
  /**
   * Feeds the job's overall fraction done (0..1) at `nowMs`; returns the estimated seconds left,
   * or undefined while too little progress has been seen to judge.
   */
  update(fraction: number, nowMs: number): number | undefined;
}

const DEFAULT_SMOOTHING = 0.2;
const DEFAULT_MIN_PROGRESS = 0.01;
/**
 * A step may count as at most this many average steps. A step that spans a stall (or a jump in
 * progress) says little about the rate to come: it should nudge the average, not swamp it.
 */
const MAX_STEP_GROWTH = 3;

function checkUnitInterval(name: string, value: number, allowZero: boolean): void {
  const ok = Number.isFinite(value) && value <= 1 && (allowZero ? value >= 0 : value > 0);
  if (!ok) throw new RangeError(`${name} must be in ${allowZero ? "[0" : "(0"}, 1], got ${value}`);
}

/**
 * Estimates the time left from a stream of progress fractions.
 *
 * The rate is the ratio of two moving averages, of the size and of the duration of each step
 * forward, so updates that arrive often with no progress in between (progress that moves in
 * epochs, say) do not drag it down. The first step is not averaged: it holds start-up time (or,
 * for a watcher that joined late, part of a step). Fractions below the best seen are ignored: a
 * report that goes backwards is noise, not undone work. While no progress arrives for longer
 * than a usual step takes, the estimate grows by the overdue time, so a stalled job never counts
 * down to zero; once it moves again, the stall is behind it and the estimate returns quickly.
 */
export function createEtaEstimator(options: EtaOptions = {}): EtaEstimator {
  const smoothing = options.smoothing ?? DEFAULT_SMOOTHING;
  const minProgress = options.minProgress ?? DEFAULT_MIN_PROGRESS;
  checkUnitInterval("smoothing", smoothing, false);
  checkUnitInterval("minProgress", minProgress, true);

  let firstFraction: number | undefined;
  let advances = 0;
  let best = 0; // the highest fraction seen
  let lastAdvanceMs = 0; // when `best` last rose (or the first update)
  let stepFraction: number | undefined; // moving average of a step's size
  let stepSeconds: number | undefined; // moving average of a step's duration

  const average = (previous: number | undefined, sample: number) =>
    previous === undefined
      ? sample
      : previous + smoothing * (Math.min(sample, MAX_STEP_GROWTH * previous) - previous);

  function estimate(nowMs: number): number | undefined {
    if (best >= 1) return 0;
    if (firstFraction === undefined || best - firstFraction < minProgress) return undefined;
    if (stepFraction === undefined || stepSeconds === undefined) return undefined;
    const secondsPerFraction = stepSeconds / stepFraction;
    const overdueSeconds = Math.max(0, (nowMs - lastAdvanceMs) / 1000 - stepSeconds);
    return (1 - best) * secondsPerFraction + overdueSeconds;
  }

  return {
    update(fraction, nowMs) {
      if (!Number.isFinite(nowMs)) return undefined;
      if (Number.isNaN(fraction)) return estimate(nowMs);
      const clamped = Math.min(1, Math.max(0, fraction));
      if (firstFraction === undefined) {
        firstFraction = clamped;
        best = clamped;
        lastAdvanceMs = nowMs;
        return estimate(nowMs);
      }
      const stepMs = nowMs - lastAdvanceMs;
      // A step needs time to have a rate; progress reported within the same millisecond (or on
      // a clock that went back) is kept for the next step rather than lost.
      if (clamped > best && stepMs > 0) {
        if (advances > 0) {
          stepFraction = average(stepFraction, clamped - best);
          stepSeconds = average(stepSeconds, stepMs / 1000);
        }
        advances += 1;
        best = clamped;
        lastAdvanceMs = nowMs;
      }
      return estimate(nowMs);
    },
  };
}

const SECONDS_PER_MINUTE = 60;
const SECONDS_PER_HOUR = 3600;

const twoDigits = (value: number) => String(value).padStart(2, "0");

/**
 * A duration as a person reads it at a glance, to the precision that matters at its size:
 * `12s`, `3m 05s`, `1h 02m`. Negative durations read as `0s`; non-finite ones as `--`.
 */
export function formatDuration(seconds: number): string {
  if (Number.isNaN(seconds) || seconds === Infinity) return "--";
  const whole = Math.max(0, Math.round(seconds));
  if (whole < SECONDS_PER_MINUTE) return `${whole}s`;
  if (whole < SECONDS_PER_HOUR) {
    return `${Math.floor(whole / SECONDS_PER_MINUTE)}m ${twoDigits(whole % SECONDS_PER_MINUTE)}s`;
  }
  const minutes = Math.round(whole / SECONDS_PER_MINUTE);
  return `${Math.floor(minutes / 60)}h ${twoDigits(minutes % 60)}m`;
}
