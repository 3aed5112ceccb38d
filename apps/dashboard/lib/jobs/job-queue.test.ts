// The dashboard finds the queue the worker would find from the same environment.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { queueTarget } from "./job-queue";
import { parseWorkerSettings } from "./worker-training-settings";

const options = { nodeBackends: ["node", "wasm", "cpu"] as const, cwd: "/srv/wakeforge" };

describe("the dashboard's queue", () => {
  it("is queue.sqlite in the data directory unless WAKEFORGE_QUEUE names another", async () => {
    const env = parseEnv({ WAKEFORGE_DATA_DIR: "/var/wakeforge" }, options);
    expect(await queueTarget(env)).toEqual({
      kind: "sqlite",
      location: "/var/wakeforge/queue.sqlite",
      described: "/var/wakeforge/queue.sqlite",
    });
    const relative = parseEnv({ WAKEFORGE_QUEUE: "shared/q.sqlite" }, options);
    expect((await queueTarget(relative)).location).toBe(join("/srv/wakeforge", "shared/q.sqlite"));
  });

  it("is a Redis server when WAKEFORGE_QUEUE is a redis URL, shown without its password", async () => {
    const env = parseEnv({ WAKEFORGE_QUEUE: "redis://:s3cret@queue-host:6379/2" }, options);
    expect(await queueTarget(env)).toEqual({
      kind: "redis",
      location: "redis://:s3cret@queue-host:6379/2",
      described: "redis://:***@queue-host:6379/2",
    });
  });
});

describe("the settings of a training on a worker", () => {
  it("takes the train job's defaults and refuses each bad field by name", () => {
    expect(parseWorkerSettings({ epochs: 3 })).toEqual({
      base: "speech-embedding",
      epochs: 3,
      compareScratch: true,
      seed: 0,
      negativeMinutes: 60,
      backgroundMinutes: 60,
    });
    expect(() =>
      parseWorkerSettings({ epochs: 0, compareScratch: "yes", base: "whisper", epoch: 3 }),
    ).toThrow(
      /epoch is not a setting.*base must be one of speech-embedding, got "whisper".*compareScratch must be true or false.*epochs must be a whole number from 1 to 50, got 0/,
    );
  });
});
