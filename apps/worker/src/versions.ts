import { readFileSync } from "node:fs";
import { TFJS_VERSION } from "@wakeforge/core";

/** The versions recorded in a model's manifest, so a model says what made it. */
export function toolVersions(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return { wakeforge: pkg.version, tfjs: TFJS_VERSION };
}
