// The dashboard's one door to @wakeforge/synth's code (type imports elsewhere are fine).
//
// Synth finds Flite's WebAssembly file next to its own package at run time
// (`createRequire(import.meta.url)`) and runs espeak-ng as a program; bundled, that lookup
// would point into .next. As with core (lib/core.ts), the import is hidden from the bundler and
// runs as a plain Node.js `import()` that resolves apps/dashboard/node_modules.
import type * as WakeforgeSynth from "@wakeforge/synth";

export type Synth = typeof WakeforgeSynth;

let pending: Promise<Synth> | undefined;

export function loadSynth(): Promise<Synth> {
  pending ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "@wakeforge/synth");
  return pending;
}
