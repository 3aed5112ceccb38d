// Analysis windows, generated from their formula (never copied tables).

/**
 * A periodic Hann window of `length` samples: `0.5 − 0.5·cos(2πi/length)` for i = 0…length−1
 * (what `scipy.signal.get_window("hann", length)` and librosa use for spectral analysis).
 */
export function periodicHann(length: number): Float64Array {
  if (!Number.isInteger(length) || length < 1) {
    throw new RangeError(`window length must be a positive integer, got ${length}`);
  }
  const window = new Float64Array(length);
  for (let i = 0; i < length; i += 1) {
    window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / length);
  }
  return window;
}

/**
 * `window` centred inside `frameLength` zeros, as librosa's `pad_center` places it: the window
 * starts at `floor((frameLength − window.length) / 2)`.
 */
export function centreInFrame(window: Float64Array, frameLength: number): Float64Array {
  if (!Number.isInteger(frameLength) || frameLength < window.length) {
    throw new RangeError(
      `frame length must be an integer >= the window length ${window.length}, got ${frameLength}`,
    );
  }
  const frame = new Float64Array(frameLength);
  frame.set(window, windowOffsetInFrame(window.length, frameLength));
  return frame;
}

/** Where `centreInFrame` puts a window of `windowLength` inside `frameLength` (56 for 400 in 512). */
export function windowOffsetInFrame(windowLength: number, frameLength: number): number {
  return Math.floor((frameLength - windowLength) / 2);
}
