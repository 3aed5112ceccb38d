// Route handlers for jobs: the store and the queue opened, the embedded worker at hand, and the
// errors of jobs answered with their status before the dashboard's usual error answers.
import { JobQueueError, type JobQueue } from "@wakeforge/jobs";
import { errorResponse, handle } from "../api/responses";
import { getStore } from "../store/server-store";
import type { Store } from "../store/store";
import type { EmbeddedWorker } from "./embedded-worker";
import { getQueue, type QueueTarget } from "./job-queue";
import { JobsError } from "./jobs-error";
import { getEmbeddedWorker } from "./server-worker";
import { WorkerSettingsError } from "./worker-training-settings";

export interface JobsRouteArgs<P> {
  readonly params: P;
  readonly request: Request;
  readonly store: Store;
  readonly queue: JobQueue;
  readonly target: QueueTarget;
  readonly embedded: EmbeddedWorker | null;
}

/** The queue's refusals that a person can act on, by their stable codes. */
const QUEUE_STATUS: Readonly<Record<string, number>> = {
  JOB_NOT_FOUND: 404,
  ILLEGAL_TRANSITION: 409,
  INVALID_QUEUE_ARGUMENT: 400,
};

/** Checked by name and code: the class may come from another bundle's copy of the package. */
function isQueueError(error: unknown): error is JobQueueError {
  return (
    error instanceof JobQueueError || (error instanceof Error && error.name === "JobQueueError")
  );
}

export function jobsRoute<P>(
  body: (args: JobsRouteArgs<P>) => Promise<Response> | Response,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return (request, { params }) =>
    handle(async () => {
      try {
        const [store, { queue, target }, embedded] = await Promise.all([
          getStore(),
          getQueue(),
          getEmbeddedWorker(),
        ]);
        return await body({ params: await params, request, store, queue, target, embedded });
      } catch (error) {
        if (error instanceof JobsError)
          return errorResponse(error.status, error.code, error.message);
        if (error instanceof WorkerSettingsError) {
          return errorResponse(400, "INVALID_TRAINING_SETTINGS", error.message);
        }
        const status = isQueueError(error) ? QUEUE_STATUS[error.code] : undefined;
        if (isQueueError(error) && status !== undefined) {
          return errorResponse(status, error.code, error.message);
        }
        throw error;
      }
    });
}
