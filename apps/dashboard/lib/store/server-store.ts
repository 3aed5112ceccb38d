// The store the server's pages and routes share: opened on first use in the data directory
// from the validated environment, once per process.
import { loadEnv } from "../env";
import { openStore, type Store } from "./store";

// Next bundles each route separately, so a module-level variable would exist once per route;
// the database connection is one per process.
const KEY = Symbol.for("wakeforge.dashboard.store");
type Holder = { [KEY]?: Promise<Store> };

export function getStore(): Promise<Store> {
  const holder = globalThis as Holder;
  const pending = holder[KEY] ?? loadEnv().then((env) => openStore({ dataDir: env.dataDir }));
  holder[KEY] = pending;
  // A failure (an unwritable data directory) is not remembered: the next request tries again.
  pending.catch(() => {
    if (holder[KEY] === pending) delete holder[KEY];
  });
  return pending;
}
