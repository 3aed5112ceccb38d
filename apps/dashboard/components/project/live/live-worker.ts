// Starting the Live tab's detector worker, its crash reported as one more failure message.
import type { FromLiveWorker } from "../../../lib/live/live-protocol";

/**
 * A classic worker, as the Train tab's (Turbopack's worker bootstrap loads its chunks with
 * importScripts, which module workers lack). If it dies, `onGone` hears of it first, then
 * `onMessage` gets a "failed" that says so.
 */
export function createLiveWorker(
  onMessage: (message: FromLiveWorker) => void,
  onGone: (worker: Worker) => void,
): Worker {
  const worker = new Worker(new URL("./live-detector.worker.ts", import.meta.url), {
    name: "wakeforge-live",
  });
  worker.onmessage = (event: MessageEvent<FromLiveWorker>) => onMessage(event.data);
  worker.onerror = (event) => {
    // Handled here: the page says it, the console need not.
    event.preventDefault();
    worker.terminate();
    onGone(worker);
    const reason = event.message || "it could not be loaded";
    onMessage({
      type: "failed",
      kind: "failed",
      message: `the detector worker stopped (${reason}); reload the page and try again`,
    });
  };
  return worker;
}
