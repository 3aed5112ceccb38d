// Where the dashboard keeps things under the data directory. Every path is built from ids
// (checked by isId) and then checked again to lie inside the data directory, so neither a
// crafted id nor a damaged database row can make the server read or write elsewhere.
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { StoreError } from "./errors";
import { isId } from "./ids";

/** The SQLite file of projects and samples (the job queue keeps its own, queue.sqlite). */
export const DATABASE_FILE = "projects.sqlite";
/** Folder of all projects; each project has `<id>/`. */
export const PROJECTS_FOLDER = "projects";

export interface DataPaths {
  readonly dataDir: string;
  readonly databaseFile: string;
  /** `<dataDir>/projects/<projectId>` */
  projectDir(projectId: string): string;
  /** `<dataDir>/projects/<projectId>/samples` */
  samplesDir(projectId: string): string;
  /** `projects/<projectId>/models/<modelId>`, relative to the data directory (as stored). */
  modelRelativePath(projectId: string, modelId: string): string;
  /** `projects/<projectId>/samples/<sampleId>.wav`, relative to the data directory (as stored). */
  sampleRelativePath(projectId: string, sampleId: string): string;
  /** An absolute path for a relative one read from the database; throws when it would escape. */
  resolveStored(relativePath: string): string;
}

function requireId(kind: string, id: string): string {
  if (!isId(id)) {
    throw new StoreError("PATH_OUTSIDE_DATA_DIR", `${kind} id ${JSON.stringify(id)} is malformed`);
  }
  return id;
}

export function dataPaths(dataDir: string): DataPaths {
  const root = resolve(dataDir);
  const inside = (path: string): string => {
    const resolved = resolve(root, path);
    const rel = relative(root, resolved);
    if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new StoreError(
        "PATH_OUTSIDE_DATA_DIR",
        `${JSON.stringify(path)} is not inside the data directory ${root}`,
      );
    }
    return resolved;
  };
  const projectDir = (projectId: string) =>
    inside(join(PROJECTS_FOLDER, requireId("project", projectId)));
  return {
    dataDir: root,
    databaseFile: join(root, DATABASE_FILE),
    projectDir,
    samplesDir: (projectId) => join(projectDir(projectId), "samples"),
    modelRelativePath: (projectId, modelId) =>
      [
        PROJECTS_FOLDER,
        requireId("project", projectId),
        "models",
        requireId("model", modelId),
      ].join("/"),
    sampleRelativePath: (projectId, sampleId) =>
      [
        PROJECTS_FOLDER,
        requireId("project", projectId),
        "samples",
        `${requireId("sample", sampleId)}.wav`,
      ].join("/"),
    resolveStored: inside,
  };
}
