import { describe, expect, it } from "vitest";
import { exportFileName, phraseSlug } from "./export-names";

describe("export names", () => {
  it("names downloads after the phrase, in plain ASCII", () => {
    expect(phraseSlug("Hey, Nova!")).toBe("hey-nova");
    expect(phraseSlug("  Ça va, Zoë  ")).toBe("ca-va-zoe");
    expect(exportFileName("hey nova", "tfjs")).toBe("hey-nova-tfjs.zip");
    expect(exportFileName("hey nova", "onnx")).toBe("hey-nova.onnx");
  });

  it("never leaves a name empty", () => {
    expect(phraseSlug("!!!")).toBe("wake-word");
    expect(phraseSlug("ねえ")).toBe("wake-word");
  });
});
