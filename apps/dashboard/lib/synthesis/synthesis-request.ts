// What a person may ask of one synthesis run, checked before anything starts.

/** Clips of each kind one run may make; a bigger data set is several runs. */
export const MAX_CLIPS_PER_KIND = 500;

export interface SynthesisRequest {
  /** Clips of the phrase, each in another voice, rate or pitch. */
  readonly positives: number;
  /** Confusable phrases and everyday speech in the same voices. */
  readonly negatives: number;
}

export class SynthesisRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SynthesisRequestError";
  }
}

function count(body: Record<string, unknown>, name: keyof SynthesisRequest): number {
  const value = body[name];
  if (
    typeof value !== "number" ||
    !Number.isInteger(value) ||
    value < 0 ||
    value > MAX_CLIPS_PER_KIND
  ) {
    throw new SynthesisRequestError(
      `${name} must be a whole number from 0 to ${MAX_CLIPS_PER_KIND}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** `{ positives, negatives }` from a JSON body; throws SynthesisRequestError. */
export function parseSynthesisRequest(body: unknown): SynthesisRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new SynthesisRequestError(
      'send a JSON object such as {"positives": 50, "negatives": 50}',
    );
  }
  const record = body as Record<string, unknown>;
  const request = { positives: count(record, "positives"), negatives: count(record, "negatives") };
  if (request.positives + request.negatives === 0) {
    throw new SynthesisRequestError("ask for at least one clip (positives or negatives above 0)");
  }
  return request;
}
