// The last stretch of what the microphone heard, kept so a detection's audio, or the phrase the
// detector missed, can still be saved after the fact. A ring over one fixed buffer: listening
// for an hour costs no more memory than listening for a minute.

export class AudioHistory {
  private readonly ring: Float32Array;
  /** Samples pushed since the stream began (the ring holds the last `ring.length` of them). */
  private pushed = 0;

  constructor(
    readonly sampleRateHz: number,
    readonly capacitySeconds: number,
  ) {
    if (!(sampleRateHz > 0) || !(capacitySeconds > 0)) {
      throw new RangeError(
        `an audio history needs a positive rate and length, got ${sampleRateHz} Hz and ${capacitySeconds} s`,
      );
    }
    this.ring = new Float32Array(Math.ceil(sampleRateHz * capacitySeconds));
  }

  /** Seconds heard since the stream began. */
  get heardSeconds(): number {
    return this.pushed / this.sampleRateHz;
  }

  push(samples: Float32Array): void {
    const size = this.ring.length;
    // Only the newest `size` samples of a long block can stay.
    const kept = samples.length > size ? samples.subarray(samples.length - size) : samples;
    const skipped = samples.length - kept.length;
    let at = (this.pushed + skipped) % size;
    let from = 0;
    while (from < kept.length) {
      const count = Math.min(kept.length - from, size - at);
      this.ring.set(kept.subarray(from, from + count), at);
      from += count;
      at = (at + count) % size;
    }
    this.pushed += samples.length;
  }

  /**
   * The audio from `fromSeconds` to `toSeconds` (stream time), cut to what is still held: the
   * part before the ring's start or after the latest sample is left out.
   */
  slice(fromSeconds: number, toSeconds: number): { samples: Float32Array; fromSeconds: number } {
    const size = this.ring.length;
    const oldest = Math.max(0, this.pushed - size);
    const from = Math.min(
      this.pushed,
      Math.max(oldest, Math.round(fromSeconds * this.sampleRateHz)),
    );
    const to = Math.max(from, Math.min(this.pushed, Math.round(toSeconds * this.sampleRateHz)));
    const out = new Float32Array(to - from);
    for (let i = 0; i < out.length; i += 1) out[i] = this.ring[(from + i) % size] ?? 0;
    return { samples: out, fromSeconds: from / this.sampleRateHz };
  }

  reset(): void {
    this.pushed = 0;
    this.ring.fill(0);
  }
}
