import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dataPaths } from "./data-paths";
import { isId, newId } from "./ids";

const paths = dataPaths("/srv/wakeforge");
const projectId = "0123456789abcdef";

describe("dataPaths", () => {
  it("builds sample paths from ids only", () => {
    expect(paths.databaseFile).toBe(join("/srv/wakeforge", "projects.sqlite"));
    expect(paths.sampleRelativePath(projectId, "ghjkmnpqrstvwxyz")).toBe(
      `projects/${projectId}/samples/ghjkmnpqrstvwxyz.wav`,
    );
    expect(paths.resolveStored(paths.sampleRelativePath(projectId, "ghjkmnpqrstvwxyz"))).toBe(
      join("/srv/wakeforge", "projects", projectId, "samples", "ghjkmnpqrstvwxyz.wav"),
    );
  });

  it.each(["..", "../x", "a/../..", "/etc/passwd", "projects/../../etc", "", "."])(
    "refuses the stored path %j, which is not inside the data directory",
    (path) => {
      expect(() => paths.resolveStored(path)).toThrow(/is not inside the data directory/);
    },
  );

  it.each(["../../../etc", "0123456789ABCDEF", "short", "0123456789abcdei", "a/b"])(
    "refuses the id %j",
    (id) => {
      expect(() => paths.projectDir(id)).toThrow(/is malformed/);
      expect(() => paths.sampleRelativePath(projectId, id)).toThrow(/is malformed/);
    },
  );
});

describe("ids", () => {
  it("are 16 characters of an alphabet safe in paths, and differ", () => {
    const ids = Array.from({ length: 1000 }, newId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(isId(id), id).toBe(true);
  });
});
