// A stored sample's WAV bytes as the Float32Array training takes. The store keeps 16 kHz mono
// 16-bit WAV, so this is @wakeforge/audio's own parser (the one the server checked the upload
// with); it runs unchanged in the browser, a worker and Node.
import { SAMPLE_RATE_HZ, decodeWav } from "@wakeforge/audio";

export interface DecodedSample {
  /** Mono, −1…1. */
  readonly samples: Float32Array;
  readonly sampleRateHz: number;
}

/**
 * Decodes `bytes` (a stored sample, named `name` in errors). Audio at another rate is returned
 * with its rate (memoryDataset resamples it), so a file written by hand still trains.
 */
export function decodeSampleWav(bytes: Uint8Array, name: string): DecodedSample {
  const decoded = decodeWav(bytes, { fileName: name });
  return {
    samples: decoded.samples,
    sampleRateHz: decoded.sampleRateHz || SAMPLE_RATE_HZ,
  };
}
