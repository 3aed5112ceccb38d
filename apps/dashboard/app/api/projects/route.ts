import { handle, json } from "../../../lib/api/responses";
import { readJsonObject } from "../../../lib/api/read-json";
import { getStore } from "../../../lib/store/server-store";

export const dynamic = "force-dynamic";

/** GET /api/projects: every project, newest first, with its sample counts. */
export function GET(): Promise<Response> {
  return handle(async () => json({ projects: (await getStore()).listProjects() }));
}

/** POST /api/projects {phrase, name?}: a new project (409 when the phrase has one already). */
export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const body = await readJsonObject(request, '{"phrase": "hey nova"}');
    const project = await (
      await getStore()
    ).createProject({ phrase: body.phrase, name: body.name });
    return json({ project }, 201);
  });
}
