// A content-hashed embedding cache on disk: the key is the sha256 of the audio samples' bytes,
// the base (id and weights hash), the augmentation that made the samples and the feature
// version; the value is the Float32 embeddings. A hit skips the base pass entirely.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../io/atomic-write.js";
import type { Embeddings } from "../features/embedder.js";
import {
  embeddingKeyBytes,
  fillMisses,
  type EmbeddingCacheStats,
  type EmbeddingKeyParts,
  type EmbeddingStore,
} from "./embedding-store.js";

export {
  FEATURE_VERSION,
  type EmbeddingCacheStats,
  type EmbeddingKeyParts,
} from "./embedding-store.js";

const MAGIC = 0x57464531; // "WFE1"

/** sha256 (hex) of the samples and key parts. */
export function embeddingCacheKey(samples: Float32Array, parts: EmbeddingKeyParts): string {
  const hash = createHash("sha256");
  for (const chunk of embeddingKeyBytes(samples, parts)) hash.update(chunk);
  return hash.digest("hex");
}

function encode(embeddings: Embeddings): Uint8Array {
  const header = new Uint32Array([MAGIC, embeddings.count, embeddings.dims]);
  const out = new Uint8Array(header.byteLength + embeddings.values.byteLength);
  out.set(new Uint8Array(header.buffer), 0);
  out.set(
    new Uint8Array(
      embeddings.values.buffer,
      embeddings.values.byteOffset,
      embeddings.values.byteLength,
    ),
    header.byteLength,
  );
  return out;
}

function decode(bytes: Uint8Array): Embeddings | undefined {
  if (bytes.byteLength < 12) return undefined;
  const copy = bytes.slice();
  const header = new Uint32Array(copy.buffer, 0, 3);
  const [magic, count, dims] = header as unknown as [number, number, number];
  if (magic !== MAGIC || copy.byteLength !== 12 + count * dims * 4) return undefined;
  return { values: new Float32Array(copy.buffer, 12, count * dims), count, dims };
}

/**
 * Embeddings by content, in `directory` (`<key[0..2]>/<key>.f32`), written atomically. A
 * damaged entry counts as a miss and is rewritten.
 */
export class EmbeddingCache implements EmbeddingStore {
  readonly stats: EmbeddingCacheStats = { hits: 0, misses: 0, computed: 0, writes: 0 };

  constructor(readonly directory: string) {}

  pathOf(key: string): string {
    return join(this.directory, key.slice(0, 2), `${key}.f32`);
  }

  async get(key: string): Promise<Embeddings | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(this.pathOf(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    return decode(bytes);
  }

  async set(key: string, embeddings: Embeddings): Promise<void> {
    await writeFileAtomic(this.pathOf(key), encode(embeddings));
    this.stats.writes += 1;
  }

  /**
   * The cached embeddings of each sample array, computing (in one call) only the misses and
   * storing them. `compute` gets the missing samples in order and returns their embeddings.
   */
  async getOrComputeMany(
    samples: readonly Float32Array[],
    parts: readonly EmbeddingKeyParts[] | EmbeddingKeyParts,
    compute: (missing: readonly Float32Array[]) => Embeddings[] | Promise<Embeddings[]>,
  ): Promise<Embeddings[]> {
    const keys = samples.map((s, i) =>
      embeddingCacheKey(
        s,
        Array.isArray(parts) ? (parts[i] as EmbeddingKeyParts) : (parts as EmbeddingKeyParts),
      ),
    );
    const found = await Promise.all(keys.map((key) => this.get(key)));
    return fillMisses(samples, found, this.stats, compute, (i, value) =>
      this.set(keys[i] as string, value),
    );
  }
}
