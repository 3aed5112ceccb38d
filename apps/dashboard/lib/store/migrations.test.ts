import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./database";
import { MIGRATIONS, applyMigrations, schemaVersion, type Migration } from "./migrations";

const sandbox = mkdtempSync(join(tmpdir(), "wakeforge-migrations-"));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

let files = 0;
const freshFile = () => join(sandbox, `db-${(files += 1)}.sqlite`);

describe("applyMigrations", () => {
  it("brings a new database to the latest version once, recording each step", () => {
    const file = freshFile();
    const db = openDatabase(file, () => 1234);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT version, name, applied_at_ms FROM schema_migrations").all()).toEqual(
      MIGRATIONS.map((m) => ({ version: m.version, name: m.name, applied_at_ms: 1234 })),
    );
    db.close();
    const again = new Database(file);
    expect(applyMigrations(again)).toEqual([]);
    again.close();
  });

  it("applies only the steps a database lacks", () => {
    const db = new Database(":memory:");
    const steps: Migration[] = [
      { version: 1, name: "a", sql: "CREATE TABLE a (x)" },
      { version: 2, name: "b", sql: "CREATE TABLE b (y)" },
    ];
    expect(applyMigrations(db, steps.slice(0, 1))).toEqual([1]);
    expect(applyMigrations(db, steps)).toEqual([2]);
    expect(schemaVersion(db)).toBe(2);
    db.close();
  });

  it("leaves a database at the previous version when a step fails", () => {
    const db = new Database(":memory:");
    const steps: Migration[] = [
      { version: 1, name: "a", sql: "CREATE TABLE a (x)" },
      { version: 2, name: "broken", sql: "CREATE TABLE c (z); CREATE TABLE a (x)" },
    ];
    expect(() => applyMigrations(db, steps)).toThrow(/table a already exists/);
    expect(schemaVersion(db)).toBe(1);
    // The failed step's first statement was rolled back with it.
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'c'").get()).toBeUndefined();
    db.close();
  });

  it("refuses a database from a newer dashboard", () => {
    const file = freshFile();
    openDatabase(file).close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations VALUES (?, ?, ?)").run(99, "from the future", 0);
    db.close();
    expect(() => openDatabase(file)).toThrow(
      new RegExp(
        `has schema version 99; this dashboard knows up to ${MIGRATIONS.length}\\. Update wakeforge`,
      ),
    );
  });

  it("insists on versions 1, 2, 3… in order", () => {
    const db = new Database(":memory:");
    expect(() => applyMigrations(db, [{ version: 2, name: "x", sql: "" }])).toThrow(
      "migration 0 has version 2; versions must run 1, 2, 3… in order",
    );
    db.close();
  });
});
