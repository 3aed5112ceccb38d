// A ZIP archive of a few files, stored without compression: a model's weights are float32 and
// barely compress, and a stored archive is a few headers around the bytes, which every unzip
// tool, file manager and JSZip reads. Layout per APPNOTE.TXT 6.3: a local header and the data
// for each file, then the central directory and its end record. No ZIP64: models are megabytes.
import { crc32 } from "node:zlib";

export interface ZipEntry {
  /** Path inside the archive, "/"-separated, e.g. "hey-nova/model.json". */
  readonly name: string;
  readonly data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Version 2.0: what readers need for stored files and folders. */
const VERSION = 20;
/** Bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
const MAX_SIZE = 0xffffffff;

/** MS-DOS date and time, as ZIP headers keep them (two-second resolution, local fields). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** The archive's bytes; `modified` is every entry's time. */
export function zipArchive(entries: readonly ZipEntry[], modified: Date = new Date()): Uint8Array {
  const encoder = new TextEncoder();
  const when = dosDateTime(modified);
  const names = entries.map((entry) => encoder.encode(entry.name));
  const localSize = entries.reduce(
    (sum, e, i) => sum + 30 + (names[i]?.length ?? 0) + e.data.length,
    0,
  );
  const centralSize = names.reduce((sum, name) => sum + 46 + name.length, 0);
  if (localSize + centralSize + 22 > MAX_SIZE || entries.length > 0xffff) {
    throw new RangeError(`a ZIP archive without ZIP64 holds at most 4 GiB and 65535 files`);
  }
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (value: number) => {
    view.setUint16(at, value, true);
    at += 2;
  };
  const u32 = (value: number) => {
    view.setUint32(at, value >>> 0, true);
    at += 4;
  };
  const offsets: number[] = [];
  const checksums = entries.map((entry) => crc32(entry.data));
  /** What the local header and the central directory both say of entry `i`, in that order. */
  const fileFields = (i: number) => {
    const size = entries[i]?.data.length ?? 0;
    u16(VERSION); // needed to extract
    u16(UTF8_NAMES);
    u16(0); // stored, no compression
    u16(when.time);
    u16(when.date);
    u32(checksums[i] ?? 0);
    u32(size); // compressed
    u32(size); // uncompressed
    u16(names[i]?.length ?? 0);
    u16(0); // no extra field
  };
  entries.forEach((entry, i) => {
    const name = names[i] as Uint8Array;
    offsets.push(at);
    u32(LOCAL_HEADER);
    fileFields(i);
    out.set(name, at);
    at += name.length;
    out.set(entry.data, at);
    at += entry.data.length;
  });
  const centralStart = at;
  entries.forEach((_, i) => {
    const name = names[i] as Uint8Array;
    u32(CENTRAL_HEADER);
    u16(VERSION); // made by
    fileFields(i);
    u16(0); // comment
    u16(0); // disk number
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[i] ?? 0);
    out.set(name, at);
    at += name.length;
  });
  const centralLength = at - centralStart;
  u32(END_OF_CENTRAL_DIRECTORY);
  u16(0); // this disk
  u16(0); // disk with the central directory
  u16(entries.length);
  u16(entries.length);
  u32(centralLength);
  u32(centralStart);
  u16(0); // comment
  return out;
}
