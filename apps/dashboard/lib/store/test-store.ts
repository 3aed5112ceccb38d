// Test helper: a store in a fresh temporary data directory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Store } from "./store";

export interface TestStore {
  readonly store: Store;
  readonly dataDir: string;
  /** Closes `this.store` and removes the data directory. */
  dispose(): void;
}

export function createTestStore(now?: () => number): TestStore {
  const dataDir = mkdtempSync(join(tmpdir(), "wakeforge-store-"));
  const store = openStore({ dataDir, ...(now ? { now } : {}) });
  return {
    store,
    dataDir,
    dispose(this: TestStore) {
      this.store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
