// Clip-level metrics for the per-epoch curves: recall at a fixed false-accept rate and accuracy
// at a threshold. A clip is accepted when its score is >= the threshold.

function sortedDescending(scores: ArrayLike<number>): number[] {
  return Array.from(scores).sort((a, b) => b - a);
}

/** The smallest double above `x` (accepting `score >= nextUp(x)` rejects `x` itself). */
function nextUp(x: number): number {
  if (x === Infinity || Number.isNaN(x)) return x;
  if (x === 0) return Number.MIN_VALUE;
  const buffer = new DataView(new ArrayBuffer(8));
  buffer.setFloat64(0, x);
  const bits = buffer.getBigUint64(0);
  buffer.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return buffer.getFloat64(0);
}

/**
 * Recall on positives at the lowest threshold that accepts at most `falseAcceptRate` (0..1) of
 * the negatives. `threshold` is that threshold (a clip is accepted when score >= threshold).
 * With no negatives every positive is accepted; with no positives recall is 0.
 */
export function recallAtFalseAcceptRate(
  positiveScores: ArrayLike<number>,
  negativeScores: ArrayLike<number>,
  falseAcceptRate: number,
): { recall: number; threshold: number } {
  if (!(falseAcceptRate >= 0 && falseAcceptRate <= 1)) {
    throw new RangeError(`falseAcceptRate must be in [0, 1], got ${falseAcceptRate}`);
  }
  const negatives = sortedDescending(negativeScores);
  const allowed = Math.floor(falseAcceptRate * negatives.length + 1e-9);
  let threshold: number;
  if (allowed >= negatives.length) {
    let lowest = Infinity;
    for (let i = 0; i < positiveScores.length; i += 1) {
      lowest = Math.min(lowest, positiveScores[i] as number);
    }
    for (const score of negatives) lowest = Math.min(lowest, score);
    threshold = Number.isFinite(lowest) ? lowest : 0;
  } else {
    threshold = nextUp(negatives[allowed] as number);
  }
  if (positiveScores.length === 0) return { recall: 0, threshold };
  let accepted = 0;
  for (let i = 0; i < positiveScores.length; i += 1) {
    if ((positiveScores[i] as number) >= threshold) accepted += 1;
  }
  return { recall: accepted / positiveScores.length, threshold };
}

/** Fraction of clips classified correctly at `threshold` (positives >= it, negatives below). */
export function accuracyAt(
  positiveScores: ArrayLike<number>,
  negativeScores: ArrayLike<number>,
  threshold: number,
): number {
  const total = positiveScores.length + negativeScores.length;
  if (total === 0) return 0;
  let correct = 0;
  for (let i = 0; i < positiveScores.length; i += 1) {
    if ((positiveScores[i] as number) >= threshold) correct += 1;
  }
  for (let i = 0; i < negativeScores.length; i += 1) {
    if ((negativeScores[i] as number) < threshold) correct += 1;
  }
  return correct / total;
}
