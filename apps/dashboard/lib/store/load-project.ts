// For pages: the project of a URL, or Next's 404 page when there is none.
import { notFound } from "next/navigation";
import { isStoreError } from "./errors";
import { getStore } from "./server-store";
import type { Store } from "./store";
import type { Project } from "./types";

export async function loadProjectOr404(
  projectId: string,
): Promise<{ store: Store; project: Project }> {
  const store = await getStore();
  try {
    return { store, project: store.getProject(projectId) };
  } catch (error) {
    if (isStoreError(error, "PROJECT_NOT_FOUND")) notFound();
    throw error;
  }
}
