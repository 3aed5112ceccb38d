import { DEFAULT_ENSEMBLE_SIZE } from "@wakeforge/core/browser";
import { describe, expect, it } from "vitest";
import { DEFAULT_TRAINING_SETTINGS, SETTING_LIMITS } from "./training-protocol";

describe("training settings", () => {
  it("default to core's own choices and lie within their limits", () => {
    expect(DEFAULT_TRAINING_SETTINGS.ensembleSize).toBe(DEFAULT_ENSEMBLE_SIZE);
    for (const [name, limits] of Object.entries(SETTING_LIMITS)) {
      const value = DEFAULT_TRAINING_SETTINGS[name as keyof typeof SETTING_LIMITS];
      expect(value, name).toBeGreaterThanOrEqual(limits.min);
      expect(value, name).toBeLessThanOrEqual(limits.max);
    }
  });
});
