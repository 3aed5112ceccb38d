import {
  MU_LAW_MU,
  TELEPHONE_BAND_HIGH_HZ,
  TELEPHONE_BAND_LOW_HZ,
  TELEPHONE_SAMPLE_RATE_HZ,
} from "../constants.js";
import { AudioArgumentError } from "../errors.js";
import { assertFiniteSamples, assertSampleRate } from "../resample/arguments.js";
import { resample } from "../resample/resampler.js";
import { butterworth, filterCascade } from "./biquad.js";

/** Order of each Butterworth edge of the telephone band (36 dB per octave). */
const TELEPHONE_FILTER_ORDER = 6;

export interface TelephoneBandOptions {
  /**
   * Also pass the signal through an 8 kHz channel: resample to 8 kHz, band-limit there, and
   * resample back (nothing above 4 kHz survives). Default false.
   */
  readonly narrowband?: boolean;
  /**
   * Also apply G.711 μ-law companding with 8-bit quantisation (samples are clipped to ±1 first).
   * Default false.
   */
  readonly muLaw?: boolean;
}

/**
 * Telephone-channel simulation: a 300–3400 Hz band-pass (6th-order Butterworth high-pass at
 * 300 Hz and low-pass at 3400 Hz, biquad cascades), optionally through an 8 kHz channel and μ-law.
 * Returns audio at `sampleRateHz` (≥ 8000 Hz) of the input's length.
 */
export function telephoneBand(
  samples: Float32Array,
  sampleRateHz: number,
  options?: TelephoneBandOptions,
): Float32Array {
  assertFiniteSamples(samples);
  assertSampleRate(sampleRateHz, "sampleRateHz");
  if (sampleRateHz < TELEPHONE_SAMPLE_RATE_HZ) {
    throw new AudioArgumentError(
      "BAD_SAMPLE_RATE",
      `telephoneBand needs a sample rate of at least ${TELEPHONE_SAMPLE_RATE_HZ} Hz, got ${sampleRateHz}`,
    );
  }
  const narrowband = options?.narrowband === true;
  const channelRateHz = narrowband ? TELEPHONE_SAMPLE_RATE_HZ : sampleRateHz;
  let channel = narrowband ? resample(samples, sampleRateHz, channelRateHz) : samples;
  channel = filterCascade(channel, [
    ...butterworth("highpass", TELEPHONE_FILTER_ORDER, TELEPHONE_BAND_LOW_HZ, channelRateHz),
    ...butterworth("lowpass", TELEPHONE_FILTER_ORDER, TELEPHONE_BAND_HIGH_HZ, channelRateHz),
  ]);
  if (options?.muLaw === true) channel = muLawRoundTrip(channel);
  if (!narrowband) return channel;
  const back = resample(channel, channelRateHz, sampleRateHz);
  if (back.length === samples.length) return back;
  // Rounding in the two length rules can leave a sample more or less: match the input.
  const output = new Float32Array(samples.length);
  output.set(back.subarray(0, samples.length));
  return output;
}

/** G.711-style μ-law: compress, quantise to 8 bits (255 levels), expand. Clips to ±1 first. */
export function muLawRoundTrip(samples: Float32Array): Float32Array {
  const output = new Float32Array(samples.length);
  const logOnePlusMu = Math.log1p(MU_LAW_MU);
  const levels = 127;
  for (let i = 0; i < samples.length; i += 1) {
    const x = Math.max(-1, Math.min(1, samples[i] as number));
    const compressed = (Math.sign(x) * Math.log1p(MU_LAW_MU * Math.abs(x))) / logOnePlusMu;
    const quantised = Math.round(compressed * levels) / levels;
    output[i] = (Math.sign(quantised) * ((1 + MU_LAW_MU) ** Math.abs(quantised) - 1)) / MU_LAW_MU;
  }
  return output;
}
