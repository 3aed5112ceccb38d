// A minimal PNG writer for 8-bit palette images (colour type 3): enough for a spectrogram
// thumbnail, with no image library to install. Chunks: IHDR, PLTE, IDAT (zlib), IEND.
import { crc32, deflateSync } from "node:zlib";

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const COLOUR_TYPE_PALETTE = 3;

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i += 1) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  // The CRC covers the type and the data, not the length.
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)) >>> 0);
  return out;
}

/**
 * Encodes `indices` (row-major, one byte per pixel, `width × height`) as a PNG whose colours
 * are `palette` (RGB triples, at most 256).
 */
export function encodePalettePng(
  width: number,
  height: number,
  indices: Uint8Array,
  palette: Uint8Array,
): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`image size must be whole and positive, got ${width}×${height}`);
  }
  if (indices.length !== width * height) {
    throw new RangeError(`expected ${width * height} pixels, got ${indices.length}`);
  }
  if (palette.length % 3 !== 0 || palette.length === 0 || palette.length > 768) {
    throw new RangeError(`palette must hold 1–256 RGB triples, got ${palette.length} bytes`);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bits per index
  header[9] = COLOUR_TYPE_PALETTE;
  // compression, filter and interlace methods: 0 (the only defined ones, and no interlace)

  // Each row is preceded by its filter type, 0 (none).
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw.set(indices.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const parts = [
    SIGNATURE,
    chunk("IHDR", header),
    chunk("PLTE", palette),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return png;
}
