/** "engine:voice" or "engine:voice+variant": one id per distinct-sounding speaker. */
export function speakerIdOf(engine: string, voiceId: string, variant?: string): string {
  return variant === undefined ? `${engine}:${voiceId}` : `${engine}:${voiceId}+${variant}`;
}
