// Moves the clips of a finished (or cancelled) synthesis run into the project as samples.
import { join } from "node:path";
import type { SyntheticClip } from "@wakeforge/synth";
import type { Sample, Store } from "../store";

/** "en-us+f3": the voice and the variant it was spoken with. */
function voiceOf(clip: SyntheticClip): string {
  return clip.variant === null ? clip.voiceId : `${clip.voiceId}+${clip.variant}`;
}

/** All the clips or none (the store adds them in one transaction). */
export function importSynthesized(
  store: Store,
  projectId: string,
  runDir: string,
  clips: readonly SyntheticClip[],
): Promise<Sample[]> {
  return store.addSamples(
    projectId,
    clips.map((clip) => ({
      label: clip.kind,
      source: "synthesized",
      // The run folder is inside the project folder: a rename, on the same file system.
      audio: { moveFrom: join(runDir, ...clip.file.split("/")) },
      durationSeconds: clip.durationSeconds,
      engine: clip.engine,
      voice: voiceOf(clip),
      text: clip.text,
    })),
  );
}
