export {
  BROWSER_BACKEND_ORDER,
  NODE_BACKEND_ORDER,
  isBackendChoice,
  type BackendCandidate,
  type BackendChoice,
  type BackendName,
  type BackendReport,
  type BrowserBackendName,
  type NodeBackendName,
  type SkippedBackend,
} from "./backend-types.js";
export { formatBackendReport, selectBackend } from "./select-backend.js";
export { initBackend, nodeBackendCandidates } from "./node-backends.js";
