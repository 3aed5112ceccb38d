// trainWakeWord holds out whole voices, and core's split keeps a voice that says the phrase on
// each side whenever there are two or more. With one, training would stop with TOO_FEW_SPEAKERS
// after the data was uploaded to a worker or embedded in the browser; this says so up front.

/** Who speaks in each clip: all the split looks at (a Dataset, or a project's samples). */
export interface SpeakerClips {
  readonly positives: readonly { readonly speakerId: string }[];
  readonly negatives: readonly { readonly speakerId: string }[];
}

/** Why no voice saying the phrase can be held out, or undefined when one can. */
export function heldOutVoicesProblem(dataset: SpeakerClips): string | undefined {
  const voices = new Set(dataset.positives.map((clip) => clip.speakerId)).size;
  if (voices >= 2) return undefined;
  return (
    `training holds out whole voices to test on, so the phrase needs at least two voices saying ` +
    `it (it has ${voices}): record another person or synthesize positives`
  );
}
