// Where training keeps embeddings it has computed, keyed by content: the interface training
// needs, the key every store shares, and a store in memory for runtimes without a file system
// (a browser tab retraining on the same clips skips the base pass). EmbeddingCache
// (embedding-cache.ts) is the Node store on disk.
import type { Embeddings } from "../features/embedder.js";

/** Bumped whenever the features change (log-mel, timeline, scaling), so old entries miss. */
export const FEATURE_VERSION = "wakeforge-features-1";

/** What, besides the samples, decides a clip's embeddings. */
export interface EmbeddingKeyParts {
  /** The base's identity: zoo id and weights hash (e.g. `speech-embedding@70d1…`). */
  readonly base: string;
  /** How the samples were made from the source clip (JSON of the augmentation steps), or "". */
  readonly augmentation?: string;
  readonly featureVersion?: string;
}

export interface EmbeddingCacheStats {
  hits: number;
  misses: number;
  /** Times the compute function (the base pass) ran. */
  computed: number;
  writes: number;
}

/** What training asks of an embedding cache. */
export interface EmbeddingStore {
  readonly stats: EmbeddingCacheStats;
  /**
   * The stored embeddings of each sample array, computing (in one call) only the misses and
   * storing them. `compute` gets the missing samples in order and returns their embeddings.
   */
  getOrComputeMany(
    samples: readonly Float32Array[],
    parts: readonly EmbeddingKeyParts[] | EmbeddingKeyParts,
    compute: (missing: readonly Float32Array[]) => Embeddings[] | Promise<Embeddings[]>,
  ): Promise<Embeddings[]>;
}

/**
 * The bytes a key hashes, in order: the samples' bytes, then the key parts. One definition, so
 * the disk cache (node:crypto) and the memory store (WebCrypto) agree on every key.
 */
export function embeddingKeyBytes(
  samples: Float32Array,
  parts: EmbeddingKeyParts,
): (Uint8Array | string)[] {
  return [
    new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength),
    "\0base=",
    parts.base,
    "\0augmentation=",
    parts.augmentation ?? "",
    "\0features=",
    parts.featureVersion ?? FEATURE_VERSION,
  ];
}

/** sha256 (hex) of the samples and key parts with WebCrypto; equal to `embeddingCacheKey`. */
export async function embeddingKey(
  samples: Float32Array,
  parts: EmbeddingKeyParts,
): Promise<string> {
  const encoder = new TextEncoder();
  const chunks = embeddingKeyBytes(samples, parts).map((chunk) =>
    typeof chunk === "string" ? encoder.encode(chunk) : chunk,
  );
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  const digest = await globalThis.crypto.subtle.digest("SHA-256", all);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Computes the misses in one call, checks their count, and hands each to `store`. */
export async function fillMisses(
  samples: readonly Float32Array[],
  found: (Embeddings | undefined)[],
  stats: EmbeddingCacheStats,
  compute: (missing: readonly Float32Array[]) => Embeddings[] | Promise<Embeddings[]>,
  store: (index: number, embeddings: Embeddings) => Promise<void> | void,
): Promise<Embeddings[]> {
  const missing: number[] = [];
  found.forEach((value, i) => {
    if (value) stats.hits += 1;
    else {
      stats.misses += 1;
      missing.push(i);
    }
  });
  if (missing.length > 0) {
    stats.computed += 1;
    const computed = await compute(missing.map((i) => samples[i] as Float32Array));
    if (computed.length !== missing.length) {
      throw new RangeError(
        `compute returned ${computed.length} embeddings for ${missing.length} clips`,
      );
    }
    for (const [j, i] of missing.entries()) {
      const value = computed[j] as Embeddings;
      found[i] = value;
      await store(i, value);
    }
  }
  return found as Embeddings[];
}

/**
 * Embeddings by content, in memory (about 6 kB per 2 s clip). Lives as long as the page or
 * process that holds it; pass the same store to several training runs to reuse their features.
 */
export class MemoryEmbeddingStore implements EmbeddingStore {
  readonly stats: EmbeddingCacheStats = { hits: 0, misses: 0, computed: 0, writes: 0 };
  private readonly entries = new Map<string, Embeddings>();

  /** Number of stored clips. */
  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  async getOrComputeMany(
    samples: readonly Float32Array[],
    parts: readonly EmbeddingKeyParts[] | EmbeddingKeyParts,
    compute: (missing: readonly Float32Array[]) => Embeddings[] | Promise<Embeddings[]>,
  ): Promise<Embeddings[]> {
    const keys = await Promise.all(
      samples.map((s, i) =>
        embeddingKey(
          s,
          Array.isArray(parts) ? (parts[i] as EmbeddingKeyParts) : (parts as EmbeddingKeyParts),
        ),
      ),
    );
    const found = keys.map((key) => this.entries.get(key));
    return fillMisses(samples, found, this.stats, compute, (i, value) => {
      this.entries.set(keys[i] as string, value);
      this.stats.writes += 1;
    });
  }
}
