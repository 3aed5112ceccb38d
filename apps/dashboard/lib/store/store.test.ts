import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { decodeWav } from "@wakeforge/audio";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "./store";
import { createTestStore, type TestStore } from "./test-store";
import { toneWav } from "../test-audio";

let current: TestStore | undefined;
afterEach(() => {
  current?.dispose();
  current = undefined;
});

function setUp(): TestStore {
  let clock = Date.UTC(2026, 0, 1);
  current = createTestStore(() => (clock += 1000));
  return current;
}

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe("projects", () => {
  it("creates a project named after its phrase, with a folder, and lists it", async () => {
    const { store, dataDir } = setUp();
    const project = await store.createProject({ phrase: "  hey   nova " });
    expect(project).toMatchObject({ name: "hey nova", phrase: "hey nova" });
    expect(project.id).toMatch(/^[0-9a-z]{16}$/);
    expect(existsSync(join(dataDir, "projects", project.id, "samples"))).toBe(true);
    const [listed] = store.listProjects();
    expect(listed).toMatchObject({ id: project.id, counts: { total: 0 } });
    expect(listed?.counts.positive).toEqual({ count: 0, seconds: 0, real: 0, synthesized: 0 });
  });

  it("keeps one project per phrase, whatever the case, spacing or punctuation", async () => {
    const { store } = setUp();
    await store.createProject({ phrase: "Hey Nova", name: "Kitchen" });
    await expect(store.createProject({ phrase: "hey, nova!" })).rejects.toMatchObject({
      code: "PHRASE_TAKEN",
      message: 'the project "Kitchen" already trains "Hey Nova"; open it instead',
    });
    expect(store.listProjects()).toHaveLength(1);
  });

  it.each([
    ["", "the phrase is empty"],
    ["123 456", '"123 456" has no letters: type the words to say'],
    ["a".repeat(61), "the phrase has 61 characters; at most 60 fit a wake word"],
    [
      "one two three four five six seven eight nine",
      "the phrase has 9 words; a wake word has at most 8",
    ],
    [42, 'the phrase must be text, such as "hey nova"'],
  ])("refuses the phrase %j", async (phrase, message) => {
    const { store } = setUp();
    await expect(store.createProject({ phrase })).rejects.toMatchObject({
      code: "INVALID_PHRASE",
      message,
    });
    expect(store.listProjects()).toEqual([]);
  });

  it("renames a project, keeping its phrase, and refuses an empty name", async () => {
    const { store } = setUp();
    const project = await store.createProject({ phrase: "hey nova" });
    const renamed = store.renameProject(project.id, " Living room ");
    expect(renamed).toMatchObject({ name: "Living room", phrase: "hey nova" });
    expect(renamed.updatedAt > project.updatedAt).toBe(true);
    expect(() => store.renameProject(project.id, "  ")).toThrow("the name is empty");
    expect(() => store.renameProject("0000000000000000", "x")).toThrow(
      "there is no project 0000000000000000",
    );
  });

  it("deletes a project with its samples and folder, and leaves other projects alone", async () => {
    const { store, dataDir } = setUp();
    const doomed = await store.createProject({ phrase: "hey nova" });
    const kept = await store.createProject({ phrase: "ok computer" });
    for (const project of [doomed, kept]) {
      await store.addSamples(project.id, [
        { label: "positive", source: "recorded", audio: { bytes: toneWav(1) }, durationSeconds: 1 },
      ]);
    }
    await store.deleteProject(doomed.id);
    expect(store.listProjects().map((p) => p.id)).toEqual([kept.id]);
    expect(existsSync(join(dataDir, "projects", doomed.id))).toBe(false);
    expect(() => store.listSamples(doomed.id)).toThrow(/there is no project/);
    expect(store.listSamples(kept.id)).toHaveLength(1);
    expect(readdirSync(join(dataDir, "projects"))).toEqual([kept.id]);
    await expect(store.deleteProject(doomed.id)).rejects.toMatchObject({
      code: "PROJECT_NOT_FOUND",
    });
  });

  it("keeps everything across a reopen of the data directory", async () => {
    const { store, dataDir } = setUp();
    const project = await store.createProject({ phrase: "hey nova" });
    await store.addSamples(project.id, [
      {
        label: "negative",
        source: "uploaded",
        audio: { bytes: toneWav(0.5) },
        durationSeconds: 0.5,
      },
    ]);
    store.close();
    const reopened = openStore({ dataDir });
    // The helper's dispose() closes whichever store is current.
    current = { ...current!, store: reopened };
    expect(reopened.getProject(project.id)).toEqual(project);
    expect(reopened.countSamples(project.id).negative.count).toBe(1);
  });
});

describe("samples", () => {
  it("stores WAV files under ids, lists them newest first and counts them per label", async () => {
    const { store, dataDir } = setUp();
    const project = await store.createProject({ phrase: "hey nova" });
    const [first] = await store.addSamples(project.id, [
      {
        label: "positive",
        source: "uploaded",
        audio: { bytes: toneWav(1.25) },
        durationSeconds: 1.25,
        originalName: "../../etc/passwd.wav",
        originalFormat: "mp3",
        originalSampleRateHz: 44_100,
      },
    ]);
    const added = await store.addSamples(project.id, [
      {
        label: "positive",
        source: "synthesized",
        audio: { bytes: toneWav(1) },
        durationSeconds: 1,
        engine: "flite",
        voice: "slt",
        text: "hey nova",
      },
      { label: "background", source: "recorded", audio: { bytes: toneWav(2) }, durationSeconds: 2 },
    ]);
    expect(first).toMatchObject({
      label: "positive",
      source: "uploaded",
      originalName: "../../etc/passwd.wav",
      originalFormat: "mp3",
      originalSampleRateHz: 44_100,
      sampleRateHz: 16_000,
      durationSeconds: 1.25,
      engine: null,
    });
    // The name a file arrived with never reaches the disk: paths are made of ids.
    const path = store.sampleFile(project.id, first!.id);
    expect(path).toBe(join(dataDir, "projects", project.id, "samples", `${first!.id}.wav`));
    expect(decodeWav(new Uint8Array(readFileSync(path))).durationSeconds).toBeCloseTo(1.25, 3);
    expect(first!.byteSize).toBe(readFileSync(path).length);

    expect(store.listSamples(project.id).map((s) => s.id)).toEqual([
      added[1]!.id,
      added[0]!.id,
      first!.id,
    ]);
    expect(store.countSamples(project.id)).toEqual({
      positive: { count: 2, seconds: 2.25, real: 1, synthesized: 1 },
      negative: { count: 0, seconds: 0, real: 0, synthesized: 0 },
      background: { count: 1, seconds: 2, real: 1, synthesized: 0 },
      total: 3,
    });
    expect(filesUnder(dataDir).filter((f) => f.endsWith(".partial"))).toEqual([]);
  });

  it("moves a sample between positive and negative without touching its file", async () => {
    const { store } = setUp();
    const project = await store.createProject({ phrase: "hey nova" });
    const [sample] = await store.addSamples(project.id, [
      { label: "positive", source: "recorded", audio: { bytes: toneWav(1) }, durationSeconds: 1 },
    ]);
    const before = readFileSync(store.sampleFile(project.id, sample!.id));
    expect(store.relabelSample(project.id, sample!.id, "negative").label).toBe("negative");
    expect(store.countSamples(project.id)).toMatchObject({
      positive: { count: 0 },
      negative: { count: 1 },
    });
    expect(readFileSync(store.sampleFile(project.id, sample!.id))).toEqual(before);
    expect(() => store.relabelSample(project.id, sample!.id, "maybe")).toThrow(
      'label must be one of positive, negative, background, got "maybe"',
    );
  });

  it("deletes a sample and its file", async () => {
    const { store } = setUp();
    const project = await store.createProject({ phrase: "hey nova" });
    const [sample] = await store.addSamples(project.id, [
      { label: "negative", source: "recorded", audio: { bytes: toneWav(1) }, durationSeconds: 1 },
    ]);
    const path = store.sampleFile(project.id, sample!.id);
    await store.deleteSample(project.id, sample!.id);
    expect(existsSync(path)).toBe(false);
    expect(store.listSamples(project.id)).toEqual([]);
    await expect(store.deleteSample(project.id, sample!.id)).rejects.toMatchObject({
      code: "SAMPLE_NOT_FOUND",
    });
  });

  it("adds all samples or none: a bad one leaves no row and no file", async () => {
    const { store, dataDir } = setUp();
    const project = await store.createProject({ phrase: "hey nova" });
    await expect(
      store.addSamples(project.id, [
        { label: "positive", source: "recorded", audio: { bytes: toneWav(1) }, durationSeconds: 1 },
        {
          label: "loud" as "positive",
          source: "recorded",
          audio: { bytes: toneWav(1) },
          durationSeconds: 1,
        },
      ]),
    ).rejects.toMatchObject({ code: "INVALID_LABEL" });
    expect(store.listSamples(project.id)).toEqual([]);
    expect(filesUnder(join(dataDir, "projects"))).toEqual([]);
  });

  it("moves a file in (a synthesis run's output) instead of copying it", async () => {
    const { store, dataDir } = setUp();
    const project = await store.createProject({ phrase: "hey nova" });
    const outside = join(dataDir, "projects", project.id, "run-clip.wav");
    writeFileSync(outside, toneWav(1));
    const [sample] = await store.addSamples(project.id, [
      {
        label: "negative",
        source: "synthesized",
        audio: { moveFrom: outside },
        durationSeconds: 1,
      },
    ]);
    expect(existsSync(outside)).toBe(false);
    expect(existsSync(store.sampleFile(project.id, sample!.id))).toBe(true);
  });

  it("refuses samples for a project that does not exist", async () => {
    const { store } = setUp();
    await expect(
      store.addSamples("0000000000000000", [
        { label: "positive", source: "recorded", audio: { bytes: toneWav(1) }, durationSeconds: 1 },
      ]),
    ).rejects.toMatchObject({ code: "PROJECT_NOT_FOUND" });
    expect(() => store.getSample("0000000000000000", "1111111111111111")).toThrow(
      "there is no sample 1111111111111111 in project 0000000000000000",
    );
  });
});
