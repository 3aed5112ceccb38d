import { crc32, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { tone } from "../test-audio";
import { logMelPng } from "./log-mel-png";
import { encodePalettePng } from "./png";
import { waveformSvg } from "./waveform-svg";

interface PngChunk {
  readonly type: string;
  readonly data: Uint8Array;
}

/** Splits a PNG into chunks, checking the signature and every CRC. */
function readPng(png: Uint8Array): PngChunk[] {
  expect(Array.from(png.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    expect(view.getUint32(at + 8 + length), `CRC of ${type}`).toBe(
      crc32(png.subarray(at + 4, at + 8 + length)) >>> 0,
    );
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

function sizeOf(png: Uint8Array): { width: number; height: number } {
  const header = readPng(png).find((c) => c.type === "IHDR")!.data;
  const view = new DataView(header.buffer, header.byteOffset);
  return { width: view.getUint32(0), height: view.getUint32(4) };
}

describe("encodePalettePng", () => {
  it("writes a valid palette PNG whose rows inflate back to the pixels", () => {
    const pixels = Uint8Array.of(0, 1, 2, 2, 1, 0);
    const png = encodePalettePng(
      3,
      2,
      pixels,
      Uint8Array.of(0, 0, 0, 128, 128, 128, 255, 255, 255),
    );
    const chunks = readPng(png);
    expect(chunks.map((c) => c.type)).toEqual(["IHDR", "PLTE", "IDAT", "IEND"]);
    expect(sizeOf(png)).toEqual({ width: 3, height: 2 });
    expect(Array.from(inflateSync(chunks[2]!.data))).toEqual([0, 0, 1, 2, 0, 2, 1, 0]);
  });

  it("refuses pixels that do not match the size", () => {
    expect(() => encodePalettePng(2, 2, new Uint8Array(3), new Uint8Array(3))).toThrow(
      "expected 4 pixels, got 3",
    );
  });
});

describe("logMelPng", () => {
  it("draws 32 bands, one column per 10 ms frame, loudest where the tone is", () => {
    const png = logMelPng(tone(1, 16_000, 1000));
    // 1 s at 16 kHz: (16000 − 512) / 160 + 1 = 97 frames.
    expect(sizeOf(png)).toEqual({ width: 97, height: 32 });
    const rows = inflateSync(readPng(png).find((c) => c.type === "IDAT")!.data);
    // Row r (after its filter byte) holds band 31 − r; a 1 kHz tone lights a middle band.
    const brightness = Array.from({ length: 32 }, (_, r) => rows[r * 98 + 50] ?? 0);
    const loudestRow = brightness.indexOf(Math.max(...brightness));
    expect(loudestRow).toBeGreaterThan(4);
    expect(loudestRow).toBeLessThan(28);
  });

  it("averages long clips down to the column limit", () => {
    expect(sizeOf(logMelPng(tone(10), { maxColumns: 200 })).width).toBe(200);
  });
});

describe("waveformSvg", () => {
  it("draws one closed path over the requested columns", () => {
    const svg = waveformSvg(tone(0.5), { columns: 100, height: 40 });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 99 40"/);
    expect(svg.match(/<path d="M0 [\d.]+(L[\d.]+ [\d.]+)+Z"/)).not.toBeNull();
  });

  it("draws silence as a hairline instead of failing", () => {
    expect(waveformSvg(new Float32Array(1000), { columns: 10, height: 40 })).toContain("M0 19.50");
  });
});
