// The contract every text-to-speech engine fulfils, so data-set code never knows which one runs.

export type EngineAvailability = { available: true } | { available: false; reason: string };

export type VoiceGender = "female" | "male";

export interface Voice {
  /** The engine's id, e.g. "espeak-ng". */
  readonly engine: string;
  /** Stable id to pass as `SynthesisRequest.voiceId`, e.g. "en-us". */
  readonly id: string;
  /** BCP 47-like language tag, lower case, e.g. "en-us". */
  readonly language: string;
  /** Readable name, e.g. "English (America)". */
  readonly name: string;
  readonly gender?: VoiceGender;
}

/** A timbre that any voice of the engine can take (espeak-ng's "+f3", "+m2", …). */
export interface VoiceVariant {
  readonly engine: string;
  /** e.g. "f3" */
  readonly id: string;
  readonly name: string;
  readonly gender?: VoiceGender;
}

export interface SynthesisRequest {
  readonly text: string;
  readonly voiceId: string;
  /** A `VoiceVariant.id`; omitted: the voice's own timbre. */
  readonly variant?: string;
  /** Speaking rate in words per minute; omitted: the engine's default. */
  readonly rateWpm?: number;
  /** 0 (low) to 99 (high); omitted: the engine's default (50). */
  readonly pitch?: number;
  /** Names the clip in error messages, e.g. "hey-nova-0007.wav". */
  readonly fileName?: string;
}

export interface SynthesizedClip {
  /** Mono, -1..1, at `sampleRateHz` (the engine's native rate, not resampled). */
  readonly samples: Float32Array;
  readonly sampleRateHz: number;
  readonly engine: string;
  readonly voiceId: string;
  readonly variant?: string;
  readonly text: string;
  /** Stable id of the voice+variant, for voice-disjoint train/test splits: "espeak-ng:en-us+f3". */
  readonly speakerId: string;
}

export interface TtsEngine {
  readonly id: string;
  /** Whether the engine can run here; never throws. */
  isAvailable(): Promise<EngineAvailability>;
  /** Voices, optionally those speaking `language` ("de" matches "de" and "de-ch"). */
  listVoices(options?: { language?: string }): Promise<Voice[]>;
  /** Timbres every voice can take, for engines that have them. */
  listVariants?(): Promise<VoiceVariant[]>;
  synthesize(request: SynthesisRequest): Promise<SynthesizedClip>;
}
