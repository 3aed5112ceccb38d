// Timing on a shared, noisy machine: the wakeforge side and the reference run in alternating
// rounds (A, B, A, B, …) in one process, so load from other programs falls on both alike, and
// figures come from medians of rounds, which shrug off stray spikes.
import { performance } from "node:perf_hooks";
import type { Comparison, Latency } from "./bench-result.js";

export interface AlternateOptions {
  /** Measured time each side gets at least, in ms. */
  readonly minMeasureMs: number;
  /** Unmeasured rounds of each side first (JIT, caches, lazy allocation). */
  readonly warmUpRounds: number;
  /** Measured rounds each side gets at least, however long they take. */
  readonly minRounds?: number;
}

/** Round times in ms of two sides run alternately. */
export interface AlternateTimes {
  readonly ours: number[];
  readonly reference: number[];
}

type Round = () => unknown;

export async function alternate(
  ours: Round,
  reference: Round,
  options: AlternateOptions,
): Promise<AlternateTimes> {
  for (let i = 0; i < options.warmUpRounds; i += 1) {
    await ours();
    await reference();
  }
  const times: AlternateTimes = { ours: [], reference: [] };
  let totalOurs = 0;
  let totalReference = 0;
  const minRounds = options.minRounds ?? 3;
  while (
    totalOurs < options.minMeasureMs ||
    totalReference < options.minMeasureMs ||
    times.ours.length < minRounds
  ) {
    totalOurs += await timed(ours, times.ours);
    totalReference += await timed(reference, times.reference);
  }
  return times;
}

async function timed(round: Round, into: number[]): Promise<number> {
  const before = performance.now();
  await round();
  const elapsed = performance.now() - before;
  into.push(elapsed);
  return elapsed;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The value below which a fraction `p` (0…1) of `values` lie (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError("percentile of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Audio-seconds processed per second of work. */
export function throughput(audioSeconds: number, roundMs: number): number {
  return audioSeconds / (roundMs / 1_000);
}

/** CPU seconds this process has used (all its threads), for shares of a core. */
export function processCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Figures of two sides that processed `audioSeconds` per round. */
export function comparison(
  audioSeconds: number,
  oursMs: readonly number[],
  referenceMs: readonly number[],
): Comparison {
  return {
    wakeforgeAudioSecondsPerSecond: throughput(audioSeconds, median(oursMs)),
    referenceAudioSecondsPerSecond: throughput(audioSeconds, median(referenceMs)),
    ratio: pairedRatio(oursMs, referenceMs),
    rounds: oursMs.length,
  };
}

/**
 * wakeforge ÷ reference throughput as the median of each round's ratio to the reference round
 * next to it: neighbours in time share the machine's load of the moment, so drifting load
 * cancels out better than in a ratio of two medians.
 */
export function pairedRatio(oursMs: readonly number[], referenceMs: readonly number[]): number {
  const pairs = Math.min(oursMs.length, referenceMs.length);
  if (pairs === 0) throw new RangeError("paired ratio of no rounds");
  return median(
    Array.from({ length: pairs }, (_, i) => (referenceMs[i] as number) / (oursMs[i] as number)),
  );
}

export function latencySummary(values: readonly number[]): Latency {
  return { p50: percentile(values, 0.5), p99: percentile(values, 0.99) };
}
