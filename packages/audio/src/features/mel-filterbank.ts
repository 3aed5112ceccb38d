// The Slaney-style mel filterbank of librosa (`librosa.filters.mel(htk=False, norm="slaney")`),
// which openWakeWord's melspectrogram.onnx bakes in as a 257×32 matrix. Built once from the
// formula and stored sparse: each band touches only a handful of FFT bins.

/** Slaney's mel scale: linear (3 mels per 200 Hz) below 1 kHz, logarithmic above. */
const SLANEY_HZ_PER_MEL = 200 / 3;
const SLANEY_LOG_START_HZ = 1_000;
const SLANEY_LOG_START_MEL = SLANEY_LOG_START_HZ / SLANEY_HZ_PER_MEL;
const SLANEY_LOG_STEP = Math.log(6.4) / 27;

/** Hz → mel on the Slaney scale (librosa `hz_to_mel(htk=False)`). */
export function hzToSlaneyMel(hz: number): number {
  return hz >= SLANEY_LOG_START_HZ
    ? SLANEY_LOG_START_MEL + Math.log(hz / SLANEY_LOG_START_HZ) / SLANEY_LOG_STEP
    : hz / SLANEY_HZ_PER_MEL;
}

/** Mel → Hz on the Slaney scale (librosa `mel_to_hz(htk=False)`). */
export function slaneyMelToHz(mel: number): number {
  return mel >= SLANEY_LOG_START_MEL
    ? SLANEY_LOG_START_HZ * Math.exp(SLANEY_LOG_STEP * (mel - SLANEY_LOG_START_MEL))
    : mel * SLANEY_HZ_PER_MEL;
}

export interface MelFilterbankOptions {
  readonly sampleRateHz: number;
  /** FFT length; the filterbank spans its fftSize / 2 + 1 non-negative-frequency bins. */
  readonly fftSize: number;
  readonly bandCount: number;
  readonly minFrequencyHz: number;
  readonly maxFrequencyHz: number;
}

/**
 * Triangular filters, area-normalised (each weighs 2 / (upper edge − lower edge) at its peak),
 * stored sparse: band b covers bins `firstBin[b] … firstBin[b] + binCount[b] − 1` with weights
 * `weights[weightOffset[b] …]`.
 */
export interface MelFilterbank {
  readonly bandCount: number;
  /** FFT bins per frame the filterbank was built for (fftSize / 2 + 1). */
  readonly spectrumBinCount: number;
  readonly firstBin: Int32Array;
  readonly binCount: Int32Array;
  readonly weightOffset: Int32Array;
  readonly weights: Float64Array;
  /** Lowest and highest bin any band touches. */
  readonly lowestBin: number;
  readonly highestBin: number;
  /** Peak frequency of each band (the middle of its three mel-spaced edges), in Hz. */
  readonly centreFrequenciesHz: Float64Array;
  /** Edges of all bands (bandCount + 2 values, mel-spaced), in Hz. */
  readonly edgeFrequenciesHz: Float64Array;
}

export function createMelFilterbank(options: MelFilterbankOptions): MelFilterbank {
  const { sampleRateHz, fftSize, bandCount, minFrequencyHz, maxFrequencyHz } = options;
  if (!(sampleRateHz > 0) || !Number.isInteger(fftSize) || fftSize < 2) {
    throw new RangeError(
      `need a positive sample rate and an integer FFT size >= 2, got sampleRateHz: ${sampleRateHz}, fftSize: ${fftSize}`,
    );
  }
  if (!Number.isInteger(bandCount) || bandCount < 1) {
    throw new RangeError(`bandCount must be a positive integer, got ${bandCount}`);
  }
  if (!(
    minFrequencyHz >= 0 &&
    minFrequencyHz < maxFrequencyHz &&
    maxFrequencyHz <= sampleRateHz / 2
  )) {
    throw new RangeError(
      `need 0 <= minFrequencyHz < maxFrequencyHz <= sampleRateHz / 2, got minFrequencyHz: ${minFrequencyHz}, maxFrequencyHz: ${maxFrequencyHz}, sampleRateHz: ${sampleRateHz}`,
    );
  }

  const spectrumBinCount = fftSize / 2 + 1;
  const minMel = hzToSlaneyMel(minFrequencyHz);
  const maxMel = hzToSlaneyMel(maxFrequencyHz);
  const edges = new Float64Array(bandCount + 2);
  for (let i = 0; i < edges.length; i += 1) {
    // librosa: np.linspace(min_mel, max_mel, n_mels + 2), then back to Hz.
    edges[i] = slaneyMelToHz(minMel + ((maxMel - minMel) * i) / (bandCount + 1));
  }

  const firstBin = new Int32Array(bandCount);
  const binCount = new Int32Array(bandCount);
  const weightOffset = new Int32Array(bandCount);
  const centreFrequenciesHz = new Float64Array(bandCount);
  const collected: number[] = [];
  let lowestBin = spectrumBinCount;
  let highestBin = -1;
  for (let band = 0; band < bandCount; band += 1) {
    const lower = edges[band] as number;
    const centre = edges[band + 1] as number;
    const upper = edges[band + 2] as number;
    centreFrequenciesHz[band] = centre;
    const norm = 2 / (upper - lower);
    weightOffset[band] = collected.length;
    let first = -1;
    let count = 0;
    for (let bin = 0; bin < spectrumBinCount; bin += 1) {
      const hz = (bin * sampleRateHz) / fftSize;
      // The same expression librosa evaluates: max(0, min(rising ramp, falling ramp)).
      const rising = (hz - lower) / (centre - lower);
      const falling = (upper - hz) / (upper - centre);
      const weight = Math.max(0, Math.min(rising, falling)) * norm;
      if (weight > 0) {
        if (first < 0) first = bin;
        // Bins between the first and last non-zero weight are contiguous for a triangle.
        collected.push(weight);
        count = bin - first + 1;
      }
    }
    if (first < 0) {
      throw new RangeError(
        `mel band ${band} (${lower.toFixed(1)}–${upper.toFixed(1)} Hz) falls between FFT bins; use fewer bands or a longer FFT`,
      );
    }
    firstBin[band] = first;
    binCount[band] = count;
    lowestBin = Math.min(lowestBin, first);
    highestBin = Math.max(highestBin, first + count - 1);
  }

  return {
    bandCount,
    spectrumBinCount,
    firstBin,
    binCount,
    weightOffset,
    weights: Float64Array.from(collected),
    lowestBin,
    highestBin,
    centreFrequenciesHz,
    edgeFrequenciesHz: edges,
  };
}

/** The filterbank as a dense bandCount × spectrumBinCount matrix (row-major), for inspection. */
export function melFilterbankToDense(filterbank: MelFilterbank): Float64Array {
  const { bandCount, spectrumBinCount } = filterbank;
  const dense = new Float64Array(bandCount * spectrumBinCount);
  for (let band = 0; band < bandCount; band += 1) {
    const first = filterbank.firstBin[band] as number;
    const offset = filterbank.weightOffset[band] as number;
    const count = filterbank.binCount[band] as number;
    for (let i = 0; i < count; i += 1) {
      dense[band * spectrumBinCount + first + i] = filterbank.weights[offset + i] as number;
    }
  }
  return dense;
}
