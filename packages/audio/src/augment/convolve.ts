// Linear convolution: direct for short kernels, otherwise FFT overlap-add that transforms two
// blocks at once (one in the real part, one in the imaginary part: the kernel is real, so the
// two results come back separated the same way).
import { createFft, nextPowerOfTwo } from "../dsp/fft.js";

/** Kernels up to this long are convolved directly; the FFT pays off above. */
const DIRECT_KERNEL_LIMIT = 64;

/**
 * The full linear convolution of `signal` and `kernel` (length signal + kernel − 1), or its
 * first `outputLength` samples.
 */
export function convolve(
  signal: Float32Array,
  kernel: Float32Array,
  outputLength = signal.length + kernel.length - 1,
): Float32Array {
  const output = new Float32Array(Math.max(0, outputLength));
  if (signal.length === 0 || kernel.length === 0 || output.length === 0) return output;
  if (kernel.length <= DIRECT_KERNEL_LIMIT) {
    convolveDirect(signal, kernel, output);
    return output;
  }
  // Blocks overlap in the output: add them up in double precision.
  const sum = new Float64Array(output.length);
  convolveOverlapAdd(signal, kernel, sum);
  output.set(sum);
  return output;
}

function convolveDirect(signal: Float32Array, kernel: Float32Array, output: Float32Array): void {
  for (let n = 0; n < output.length; n += 1) {
    let sum = 0;
    const first = Math.max(0, n - signal.length + 1);
    const last = Math.min(kernel.length - 1, n);
    for (let k = first; k <= last; k += 1) {
      sum += (kernel[k] as number) * (signal[n - k] as number);
    }
    output[n] = sum;
  }
}

function convolveOverlapAdd(
  signal: Float32Array,
  kernel: Float32Array,
  output: Float64Array,
): void {
  const size = Math.max(nextPowerOfTwo(2 * kernel.length), 1024);
  const block = size - kernel.length + 1;
  const fft = createFft(size);
  const kernelReal = new Float64Array(size);
  const kernelImag = new Float64Array(size);
  for (let i = 0; i < kernel.length; i += 1) kernelReal[i] = kernel[i] as number;
  fft.transform(kernelReal, kernelImag);

  const real = new Float64Array(size);
  const imag = new Float64Array(size);
  // Only signal blocks that reach the requested output matter.
  const usefulSignal = Math.min(signal.length, output.length);
  for (let start = 0; start < usefulSignal; start += 2 * block) {
    const secondStart = start + block;
    real.fill(0);
    imag.fill(0);
    for (let i = 0; i < block && start + i < usefulSignal; i += 1) {
      real[i] = signal[start + i] as number;
    }
    for (let i = 0; i < block && secondStart + i < usefulSignal; i += 1) {
      imag[i] = signal[secondStart + i] as number;
    }
    fft.transform(real, imag);
    for (let k = 0; k < size; k += 1) {
      const xr = real[k] as number;
      const xi = imag[k] as number;
      const hr = kernelReal[k] as number;
      const hi = kernelImag[k] as number;
      real[k] = xr * hr - xi * hi;
      imag[k] = xr * hi + xi * hr;
    }
    fft.transform(real, imag, true);
    for (let i = 0; i < size; i += 1) {
      const first = start + i;
      if (first < output.length) output[first] = (output[first] as number) + (real[i] as number);
      const second = secondStart + i;
      if (second < output.length && secondStart < usefulSignal) {
        output[second] = (output[second] as number) + (imag[i] as number);
      }
    }
  }
}
