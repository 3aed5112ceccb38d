// Band-limited sample-rate conversion: a Kaiser-windowed sinc evaluated through a polyphase
// table. One engine serves the one-shot call and the streaming form, so the two agree exactly.
import {
  RESAMPLER_PASSBAND_FRACTION,
  RESAMPLER_STOPBAND_ATTENUATION_DB,
  SAMPLE_RATE_HZ,
} from "../constants.js";
import { assertFiniteSamples, assertInRange, assertSampleRate } from "./arguments.js";
import { designResampler, rateRatio, type ResamplerDesign } from "./design.js";

export interface ResampleOptions {
  /**
   * Passband edge as a fraction of the lower Nyquist frequency, in [0.01, 0.98]; the transition band
   * runs from there up to that Nyquist frequency. Default 0.875 (7 kHz at 16 kHz output).
   */
  readonly passbandFraction?: number;
  /** Stopband attenuation in dB, in [40, 180]. Default 80. */
  readonly stopbandAttenuationDb?: number;
}

/** A resampler fed chunk by chunk (a microphone at 48 kHz, a decoder's pages). */
export interface StreamingResampler {
  readonly fromHz: number;
  readonly toHz: number;
  /**
   * Input samples the output lags behind: output appears once this many later input samples
   * have arrived (the filter's half-length; 0 for the identity).
   */
  readonly latencyInputSamples: number;
  /** Feeds the next chunk; returns the output samples it completes (possibly none). */
  push(chunk: Float32Array): Float32Array;
  /**
   * Ends the stream: returns the remaining output, so that everything returned adds up to
   * round(inputLength · toHz / fromHz) samples, and readies the resampler for a new stream.
   */
  flush(): Float32Array;
}

/**
 * Resamples mono `samples` from `fromHz` to `toHz` (default 16 kHz) with a band-limited filter:
 * everything above the lower Nyquist frequency is removed (≥ 80 dB by default), the band below
 * 0.875 of it passes flat. The output has round(samples.length · toHz / fromHz) samples, and
 * output sample n is the input's value at time n / toHz (no delay). Equal rates give a copy.
 */
export function resample(
  samples: Float32Array,
  fromHz: number,
  toHz: number = SAMPLE_RATE_HZ,
  options?: ResampleOptions,
): Float32Array {
  const resampler = createResampler(fromHz, toHz, options);
  assertFiniteSamples(samples, "samples");
  const body = resampler.push(samples);
  const tail = resampler.flush();
  if (tail.length === 0) return body;
  const output = new Float32Array(body.length + tail.length);
  output.set(body);
  output.set(tail, body.length);
  return output;
}

/**
 * A streaming resampler whose concatenated output (every `push` and the final `flush`) equals
 * `resample` over the whole input, sample for sample, for any chunk sizes.
 */
export function createResampler(
  fromHz: number,
  toHz: number = SAMPLE_RATE_HZ,
  options?: ResampleOptions,
): StreamingResampler {
  assertSampleRate(fromHz, "fromHz");
  assertSampleRate(toHz, "toHz");
  const passbandFraction = options?.passbandFraction ?? RESAMPLER_PASSBAND_FRACTION;
  const stopbandAttenuationDb = options?.stopbandAttenuationDb ?? RESAMPLER_STOPBAND_ATTENUATION_DB;
  assertInRange(passbandFraction, "passbandFraction", 0.01, 0.98);
  assertInRange(stopbandAttenuationDb, "stopbandAttenuationDb", 40, 180);
  if (fromHz === toHz) return identityResampler(fromHz);
  const { up, down } = rateRatio(fromHz, toHz);
  const design = designResampler(up, down, { passbandFraction, stopbandAttenuationDb });
  return new PolyphaseResampler(fromHz, toHz, design);
}

function identityResampler(rateHz: number): StreamingResampler {
  return {
    fromHz: rateHz,
    toHz: rateHz,
    latencyInputSamples: 0,
    push(chunk) {
      assertFiniteSamples(chunk, "chunk");
      return chunk.slice();
    },
    flush() {
      return new Float32Array(0);
    },
  };
}

class PolyphaseResampler implements StreamingResampler {
  readonly fromHz: number;
  readonly toHz: number;
  readonly latencyInputSamples: number;
  readonly #design: ResamplerDesign;
  readonly #stepWhole: number;
  readonly #stepPhase: number;
  /** Input held for the filter: `#buffer[i]` is input sample `#bufferStart + i`. */
  #buffer: Float32Array;
  #bufferStart = 0;
  #bufferLength = 0;
  /** Input samples received since the stream began. */
  #received = 0;
  /** Output samples produced since the stream began. */
  #produced = 0;
  /** The next output lies at input position #base + #phase / upFactor. */
  #base = 0;
  #phase = 0;

  constructor(fromHz: number, toHz: number, design: ResamplerDesign) {
    this.fromHz = fromHz;
    this.toHz = toHz;
    this.latencyInputSamples = design.halfTaps;
    this.#design = design;
    this.#stepWhole = Math.floor(design.downFactor / design.upFactor);
    this.#stepPhase = design.downFactor % design.upFactor;
    this.#buffer = new Float32Array(Math.max(4096, 4 * design.tapCount));
    this.#reset();
  }

  push(chunk: Float32Array): Float32Array {
    assertFiniteSamples(chunk, "chunk");
    this.#append(chunk, chunk.length);
    this.#received += chunk.length;
    return this.#produce(Number.POSITIVE_INFINITY);
  }

  flush(): Float32Array {
    const { upFactor, downFactor, halfTaps } = this.#design;
    // round(received · up / down), half up, in integers.
    const target = Math.floor((2 * this.#received * upFactor + downFactor) / (2 * downFactor));
    // Silence after the end lets the last outputs see a whole filter's worth of input.
    const lastBase = Math.floor(((target - 1) * downFactor) / upFactor);
    const padding = Math.max(0, lastBase + halfTaps + 1 - this.#bufferEnd());
    this.#append(undefined, padding);
    const output = this.#produce(target);
    this.#reset();
    return output;
  }

  #bufferEnd(): number {
    return this.#bufferStart + this.#bufferLength;
  }

  #reset(): void {
    const { halfTaps } = this.#design;
    // The stream is preceded by silence: input samples −halfTaps … −1 are zero.
    this.#buffer.fill(0, 0, halfTaps);
    this.#bufferStart = -halfTaps;
    this.#bufferLength = halfTaps;
    this.#received = 0;
    this.#produced = 0;
    this.#base = 0;
    this.#phase = 0;
  }

  /** Appends `count` samples of `chunk` (zeros when undefined), dropping input no longer needed. */
  #append(chunk: Float32Array | undefined, count: number): void {
    if (count === 0) return;
    const keepFrom = this.#base - this.#design.halfTaps + 1;
    const drop = Math.max(0, Math.min(this.#bufferLength, keepFrom - this.#bufferStart));
    const kept = this.#bufferLength - drop;
    const needed = kept + count;
    if (needed > this.#buffer.length) {
      const grown = new Float32Array(Math.max(needed, 2 * this.#buffer.length));
      grown.set(this.#buffer.subarray(drop, this.#bufferLength));
      this.#buffer = grown;
    } else if (drop > 0) {
      this.#buffer.copyWithin(0, drop, this.#bufferLength);
    }
    this.#bufferStart += drop;
    if (chunk === undefined) this.#buffer.fill(0, kept, needed);
    else this.#buffer.set(chunk.subarray(0, count), kept);
    this.#bufferLength = needed;
  }

  /** Computes every output whose taps are all in the buffer, up to output index `limit`. */
  #produce(limit: number): Float32Array {
    const { upFactor, halfTaps, tapCount, table, interpolated, phaseCount } = this.#design;
    const bufferEnd = this.#bufferEnd();
    // Output n needs input up to base + halfTaps; count the outputs available.
    const lastUsableBase = bufferEnd - 1 - halfTaps;
    let available = 0;
    if (lastUsableBase >= this.#base) {
      // Outputs with base ≤ lastUsableBase: position (n·down)/up < lastUsableBase + 1.
      const span = (lastUsableBase + 1 - this.#base) * upFactor - this.#phase;
      available = Math.ceil(span / this.#design.downFactor);
    }
    const count = Math.max(0, Math.min(available, limit - this.#produced));
    const output = new Float32Array(count);
    const buffer = this.#buffer;
    const phases = phaseCount - 1;
    let base = this.#base;
    let phase = this.#phase;
    for (let n = 0; n < count; n += 1) {
      const start = base - halfTaps + 1 - this.#bufferStart;
      let sum = 0;
      if (interpolated) {
        const position = (phase / upFactor) * phases;
        const row = Math.min(phases - 1, Math.floor(position));
        const weight = position - row;
        const lower = row * tapCount;
        const upper = lower + tapCount;
        let sumLower = 0;
        let sumUpper = 0;
        for (let tap = 0; tap < tapCount; tap += 1) {
          const x = buffer[start + tap] as number;
          sumLower += x * (table[lower + tap] as number);
          sumUpper += x * (table[upper + tap] as number);
        }
        sum = sumLower + weight * (sumUpper - sumLower);
      } else {
        const row = phase * tapCount;
        for (let tap = 0; tap < tapCount; tap += 1) {
          sum += (buffer[start + tap] as number) * (table[row + tap] as number);
        }
      }
      output[n] = sum;
      base += this.#stepWhole;
      phase += this.#stepPhase;
      if (phase >= upFactor) {
        phase -= upFactor;
        base += 1;
      }
    }
    this.#base = base;
    this.#phase = phase;
    this.#produced += count;
    return output;
  }
}
