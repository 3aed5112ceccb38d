/** A malformed request (not JSON, wrong shape); answered with 400. */
export class BadRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BadRequestError";
  }
}

/** The request's JSON body, or BadRequestError when it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new BadRequestError("the request body must be JSON");
  }
}

/** The body as an object, or BadRequestError naming what the route expects. */
export async function readJsonObject(
  request: Request,
  example: string,
): Promise<Record<string, unknown>> {
  const body = await readJson(request);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new BadRequestError(`the request body must be a JSON object such as ${example}`);
  }
  return body as Record<string, unknown>;
}
