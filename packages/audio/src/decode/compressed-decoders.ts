// The compressed-audio decoders (WebAssembly builds of mpg123, libFLAC, libvorbis, libopus and a
// Matroska demuxer, from the @audio/decode-* packages). Each is imported only when a file of its
// kind arrives, so a page that only handles WAV never downloads them.
import type { AudioContainer } from "./sniff-container.js";

export interface DecodedChannels {
  readonly channelData: readonly Float32Array[];
  readonly sampleRate: number;
}

type Decoder = (bytes: Uint8Array) => Promise<DecodedChannels>;

const DECODERS: Readonly<Record<Exclude<AudioContainer, "wav">, () => Promise<Decoder>>> = {
  mp3: async () => (await import("@audio/decode-mp3")).default,
  flac: async () => (await import("@audio/decode-flac")).default,
  "ogg-vorbis": async () => (await import("@audio/decode-vorbis")).default,
  "ogg-opus": async () => (await import("@audio/decode-opus")).default,
  webm: async () => (await import("@audio/decode-webm")).default,
};

export async function decodeCompressed(
  container: Exclude<AudioContainer, "wav">,
  bytes: Uint8Array,
): Promise<DecodedChannels> {
  const decode = await DECODERS[container]();
  return decode(bytes);
}
