// What an upload may be. Compressed formats get a lower byte limit than WAV because a few
// megabytes of Opus or MP3 decode to tens of minutes of audio, and decoding holds it all in memory.

export interface UploadLimits {
  /** Largest WAV file, in bytes. */
  readonly maxWavBytes: number;
  /** Largest MP3, OGG, FLAC or WebM file, in bytes. */
  readonly maxCompressedBytes: number;
  /** Longest audio kept, in seconds ("a few minutes of the room" fits with room to spare). */
  readonly maxDurationSeconds: number;
  /** Shortest audio kept, in seconds: anything shorter holds no word. */
  readonly minDurationSeconds: number;
  /** Files in one request. */
  readonly maxFiles: number;
  /** Bytes of one request, multipart framing included. */
  readonly maxRequestBytes: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxWavBytes: 64 * 1024 * 1024,
  maxCompressedBytes: 10 * 1024 * 1024,
  maxDurationSeconds: 15 * 60,
  minDurationSeconds: 0.2,
  maxFiles: 50,
  maxRequestBytes: 128 * 1024 * 1024,
};
