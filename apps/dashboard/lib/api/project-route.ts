// Route handlers under /api/projects/:projectId: every one awaits its params, opens the store
// and answers thrown errors in the one error shape. This is that preamble, once.
import { getStore } from "../store/server-store";
import type { Store } from "../store/store";
import { handle } from "./responses";

/** What a project route's body receives: the request, the store and the URL's ids. */
export type ProjectRouteArgs<P extends { projectId: string }> = P & {
  readonly request: Request;
  readonly store: Store;
};

/**
 * A Next.js route handler for a path with `[projectId]` (and more ids in `P`). With
 * `requireProject`, an unknown project answers 404 before the body runs (for bodies that would
 * otherwise read the request or start work first).
 */
export function projectRoute<P extends { projectId: string } = { projectId: string }>(
  body: (args: ProjectRouteArgs<P>) => Promise<Response> | Response,
  options: { readonly requireProject?: boolean } = {},
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return (request, { params }) =>
    handle(async () => {
      const ids = await params;
      const store = await getStore();
      if (options.requireProject) store.getProject(ids.projectId);
      return body({ ...ids, request, store });
    });
}

/** The params of a route under /api/projects/:projectId/samples/:sampleId. */
export interface SampleParams {
  projectId: string;
  sampleId: string;
}
