// Recognises an audio container from its first bytes, never from a file name or a MIME type a
// browser or user supplied: uploads are named and typed by whoever sent them.

export type AudioContainer = "wav" | "mp3" | "flac" | "ogg-vorbis" | "ogg-opus" | "webm";

/** Formats decodeAudio handles, in words for error messages. */
export const SUPPORTED_CONTAINERS_TEXT =
  "WAV, MP3, FLAC, OGG (Vorbis or Opus) and WebM (Opus, as browsers record)";

function startsWithAscii(bytes: Uint8Array, text: string, at = 0): boolean {
  if (bytes.length < at + text.length) return false;
  for (let i = 0; i < text.length; i += 1) {
    if (bytes[at + i] !== text.charCodeAt(i)) return false;
  }
  return true;
}

function containsAscii(bytes: Uint8Array, text: string, from: number, to: number): boolean {
  const end = Math.min(to, bytes.length - text.length);
  for (let at = from; at <= end; at += 1) if (startsWithAscii(bytes, text, at)) return true;
  return false;
}

/** An MPEG audio frame header: 11 sync bits, a defined version and layer, a usable bitrate. */
function isMpegFrameHeader(bytes: Uint8Array): boolean {
  const [b0 = 0, b1 = 0, b2 = 0] = bytes;
  const sync = b0 === 0xff && (b1 & 0xe0) === 0xe0;
  const version = (b1 >> 3) & 0x03;
  const layer = (b1 >> 1) & 0x03;
  const bitrate = b2 >> 4;
  return sync && version !== 0x01 && layer !== 0x00 && bitrate !== 0x0f;
}

/** The container of `bytes`, or undefined when it is not one wakeforge decodes. */
export function sniffAudioContainer(bytes: Uint8Array): AudioContainer | undefined {
  if (
    startsWithAscii(bytes, "RIFF") ||
    startsWithAscii(bytes, "RIFX") ||
    startsWithAscii(bytes, "RF64")
  ) {
    // Non-WAVE RIFF forms (AVI, WebP) and the unsupported WAV variants get decodeWav's precise error.
    return "wav";
  }
  if (startsWithAscii(bytes, "fLaC")) return "flac";
  if (startsWithAscii(bytes, "OggS")) {
    // The first Ogg page carries the codec's identification header within its first few dozen bytes.
    if (containsAscii(bytes, "OpusHead", 26, 80)) return "ogg-opus";
    if (containsAscii(bytes, "vorbis", 26, 80)) return "ogg-vorbis";
    return undefined;
  }
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
    return "webm";
  }
  if (startsWithAscii(bytes, "ID3") || isMpegFrameHeader(bytes)) return "mp3";
  return undefined;
}

/** The first bytes in hex, so an error says what the file starts with. */
export function leadingBytesHex(bytes: Uint8Array, count = 8): string {
  return Array.from(bytes.subarray(0, count), (b) => b.toString(16).padStart(2, "0")).join(" ");
}
