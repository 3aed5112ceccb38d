// The store's public surface for the rest of the dashboard's server code. Client components
// import ./types and ./project-fields directly: this file reaches better-sqlite3.
export { StoreError, isStoreError, type StoreErrorCode } from "./errors";
export { parseLabel, type NewSample } from "./samples";
export type { ModelSummary, NewModel } from "./models";
export type { NewWorkerTraining } from "./worker-trainings";
export { openStore, type OpenStoreOptions, type Store } from "./store";
export * from "./types";
