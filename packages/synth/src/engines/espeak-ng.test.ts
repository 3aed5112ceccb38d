import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AudioDecodeError, encodeWav } from "@wakeforge/audio";
import { afterAll, describe, expect, it } from "vitest";
import type { SynthesizedClip } from "../engine.js";
import {
  SynthEngineUnavailableError,
  SynthesisError,
  SynthRequestError,
  type SynthError,
} from "../errors.js";
import { medianPitchHz, relativeDifference, rms } from "../test-measures.js";
import { pickVoices } from "../voices.js";
import { createEspeakNgEngine } from "./espeak-ng.js";

// On machines set up with tooling/scripts/system-deps.sh these tests run; skipping is a fallback.
const hasEspeak = spawnSync("espeak-ng", ["--version"], { stdio: "ignore" }).status === 0;

const scratch = mkdtempSync(join(tmpdir(), "wakeforge-espeak-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const seconds = (clip: SynthesizedClip) => clip.samples.length / clip.sampleRateHz;
/** Speech, not silence: espeak-ng speech sits around 0.05–0.1 RMS, silence at 0. */
const SPEECH_RMS = 0.02;

async function rejection(promise: Promise<unknown>): Promise<SynthError> {
  try {
    await promise;
  } catch (error) {
    return error as SynthError;
  }
  throw new Error("expected a rejection");
}

/**
 * A stand-in program that answers voice queries with the real espeak-ng but runs `onSpeak`
 * (shell code) when asked to synthesise, to provoke failures espeak-ng itself never shows.
 */
function fakeEspeak(name: string, onSpeak: string): string {
  const path = join(scratch, name);
  writeFileSync(
    path,
    `#!/bin/sh\ncase " $* " in\n  *" --stdout "*) ${onSpeak} ;;\n  *) exec espeak-ng "$@" ;;\nesac\n`,
  );
  chmodSync(path, 0o755);
  return path;
}

describe.skipIf(!hasEspeak)("espeak-ng engine with the real program", () => {
  const engine = createEspeakNgEngine();

  it("is available", async () => {
    expect(await engine.isAvailable()).toEqual({ available: true });
  });

  it("lists voices with unique ids, without MBROLA voices or variants", async () => {
    const voices = await engine.listVoices();
    expect(voices.length).toBeGreaterThan(50);
    expect(new Set(voices.map((v) => v.id)).size).toBe(voices.length);
    expect(voices.every((v) => v.engine === "espeak-ng")).toBe(true);
    expect(voices).toContainEqual(
      expect.objectContaining({ id: "en-us", language: "en-us", name: "English (America)" }),
    );
    expect(voices.some((v) => /mbrola/i.test(v.name) || v.language === "variant")).toBe(false);
  });

  it("lists German voices for language 'de' and only those", async () => {
    const german = await engine.listVoices({ language: "de" });
    expect(german.map((v) => v.id)).toContain("de");
    expect(german.every((v) => v.language === "de" || v.language.startsWith("de-"))).toBe(true);
    const english = await engine.listVoices({ language: "en" });
    expect(english.length).toBeGreaterThan(3);
    expect(english.every((v) => v.language.startsWith("en"))).toBe(true);
    expect(await engine.listVoices({ language: "xx-nowhere" })).toEqual([]);
  });

  it("lists variants with their gender", async () => {
    const variants = await engine.listVariants();
    expect(variants).toContainEqual(expect.objectContaining({ id: "f3", gender: "female" }));
    expect(variants).toContainEqual(expect.objectContaining({ id: "m2", gender: "male" }));
  });

  it("speaks 'hey nova' with two voices: real speech, different clips, speaker ids", async () => {
    const english = await engine.synthesize({ text: "hey nova", voiceId: "en-us" });
    const german = await engine.synthesize({ text: "hey nova", voiceId: "de" });
    for (const clip of [english, german]) {
      expect(clip.sampleRateHz).toBeGreaterThanOrEqual(8_000);
      expect(seconds(clip)).toBeGreaterThan(0.3);
      expect(seconds(clip)).toBeLessThan(3);
      expect(rms(clip.samples)).toBeGreaterThan(SPEECH_RMS);
      expect(clip.text).toBe("hey nova");
      expect(clip.engine).toBe("espeak-ng");
    }
    expect(english.speakerId).toBe("espeak-ng:en-us");
    expect(german.speakerId).toBe("espeak-ng:de");
    expect(relativeDifference(english.samples, german.samples)).toBeGreaterThan(0.5);
  });

  it("gives the same samples for the same request, so data sets are reproducible", async () => {
    const request = { text: "hey nova", voiceId: "en-gb", variant: "m3", rateWpm: 160 };
    const first = await engine.synthesize(request);
    const second = await engine.synthesize(request);
    expect(second.samples).toEqual(first.samples);
  });

  it("a female variant raises the voice and gets its own speaker id", async () => {
    const plain = await engine.synthesize({ text: "hey nova", voiceId: "en-us" });
    const female = await engine.synthesize({ text: "hey nova", voiceId: "en-us", variant: "f3" });
    expect(female.speakerId).toBe("espeak-ng:en-us+f3");
    expect(female.variant).toBe("f3");
    expect(medianPitchHz(female.samples, female.sampleRateHz)).toBeGreaterThan(
      1.3 * medianPitchHz(plain.samples, plain.sampleRateHz),
    );
  });

  it("speaks slower at 80 wpm than at 250 wpm", async () => {
    const slow = await engine.synthesize({ text: "hey nova", voiceId: "en-us", rateWpm: 80 });
    const fast = await engine.synthesize({ text: "hey nova", voiceId: "en-us", rateWpm: 250 });
    expect(seconds(slow)).toBeGreaterThan(2 * seconds(fast));
  });

  it("speaks higher at pitch 90 than at pitch 10", async () => {
    const low = await engine.synthesize({ text: "hey nova", voiceId: "en-us", pitch: 10 });
    const high = await engine.synthesize({ text: "hey nova", voiceId: "en-us", pitch: 90 });
    expect(relativeDifference(low.samples, high.samples)).toBeGreaterThan(0.5);
    expect(medianPitchHz(high.samples, high.sampleRateHz)).toBeGreaterThan(
      1.3 * medianPitchHz(low.samples, low.sampleRateHz),
    );
  });

  it("reads the text as UTF-8: an umlaut is one sound, not mojibake spelled out", async () => {
    const umlaut = await engine.synthesize({ text: "Grüße", voiceId: "de" });
    const plain = await engine.synthesize({ text: "Grusse", voiceId: "de" });
    expect(rms(umlaut.samples)).toBeGreaterThan(SPEECH_RMS);
    // Read as Latin-1, "ü" would become "Ã¼", spoken as "A Tilde, ein Viertel".
    expect(seconds(umlaut)).toBeLessThan(1.5 * seconds(plain));
  });

  it("speaks text that looks like options or shell code instead of running it", async () => {
    const marker = join(scratch, "marker");
    const hijacked = join(scratch, "hijacked.wav");
    const hello = await engine.synthesize({ text: "hello", voiceId: "en-us" });
    const texts = [
      "--version",
      "--help",
      `-w ${hijacked} hello`,
      `hey; touch ${marker}`,
      `$(touch ${marker})`,
      `\`touch ${marker}\``,
      `hey | touch ${marker} && touch ${marker}`,
      "-v de+f3 hello",
    ];
    for (const text of texts) {
      const clip = await engine.synthesize({ text, voiceId: "en-us" });
      expect(clip.speakerId, text).toBe("espeak-ng:en-us");
      expect(rms(clip.samples), text).toBeGreaterThan(SPEECH_RMS);
      // Every text holds at least one word, so it must last as long as a word does.
      expect(seconds(clip), text).toBeGreaterThan(0.3);
    }
    const optionLike = await engine.synthesize({ text: `-w ${hijacked} hello`, voiceId: "en-us" });
    expect(seconds(optionLike)).toBeGreaterThan(seconds(hello) + 0.5);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(hijacked)).toBe(false);
  });

  it("voices picked by pickVoices can all be synthesized", async () => {
    const picks = pickVoices(await engine.listVoices({ language: "en" }), 6, "hey nova", {
      variants: await engine.listVariants(),
    });
    expect(picks).toHaveLength(6);
    const clips = await Promise.all(
      picks.map((pick) =>
        engine.synthesize({
          text: "hey nova",
          voiceId: pick.voice.id,
          ...(pick.variant === undefined ? {} : { variant: pick.variant.id }),
        }),
      ),
    );
    expect(clips.map((c) => c.speakerId)).toEqual(picks.map((p) => p.speakerId));
    for (const clip of clips) expect(rms(clip.samples)).toBeGreaterThan(SPEECH_RMS);
  });

  it.each([
    { name: "empty text", request: { text: "  \n", voiceId: "en-us" }, code: "EMPTY_TEXT" },
    { name: "unknown voice", request: { text: "hi", voiceId: "xx-nope" }, code: "UNKNOWN_VOICE" },
    {
      name: "voice+variant in voiceId",
      request: { text: "hi", voiceId: "en-us+f3" },
      code: "UNKNOWN_VOICE",
    },
    {
      name: "unknown variant",
      request: { text: "hi", voiceId: "en-us", variant: "f3 -w x" },
      code: "UNKNOWN_VARIANT",
    },
    {
      name: "rate below range",
      request: { text: "hi", voiceId: "en-us", rateWpm: 40 },
      code: "BAD_RATE",
    },
    {
      name: "rate above range",
      request: { text: "hi", voiceId: "en-us", rateWpm: 1000 },
      code: "BAD_RATE",
    },
    {
      name: "fractional rate",
      request: { text: "hi", voiceId: "en-us", rateWpm: 150.5 },
      code: "BAD_RATE",
    },
    { name: "pitch 100", request: { text: "hi", voiceId: "en-us", pitch: 100 }, code: "BAD_PITCH" },
    {
      name: "negative pitch",
      request: { text: "hi", voiceId: "en-us", pitch: -1 },
      code: "BAD_PITCH",
    },
  ])("rejects a request with $name ($code)", async ({ request, code }) => {
    const error = await rejection(engine.synthesize(request));
    expect(error).toBeInstanceOf(SynthRequestError);
    expect(error.code).toBe(code);
  });

  it("reports a failed run with its exit code and stderr", async () => {
    const binary = fakeEspeak("fails", 'echo "boom: out of phonemes" >&2; exit 3');
    const error = await rejection(
      createEspeakNgEngine({ binary }).synthesize({ text: "hey nova", voiceId: "en-us" }),
    );
    expect(error).toBeInstanceOf(SynthesisError);
    expect(error.code).toBe("PROCESS_FAILED");
    expect((error as SynthesisError).exitCode).toBe(3);
    expect((error as SynthesisError).stderr).toBe("boom: out of phonemes");
    expect(error.message).toMatch(/exited with code 3: boom: out of phonemes/);
  });

  it("reports output that is not a WAV file", async () => {
    const binary = fakeEspeak("garbage", "echo 'this is not audio'");
    const error = await rejection(
      createEspeakNgEngine({ binary }).synthesize({
        text: "hey",
        voiceId: "en-us",
        fileName: "a.wav",
      }),
    );
    expect(error.code).toBe("BAD_OUTPUT");
    expect(error.cause).toBeInstanceOf(AudioDecodeError);
    expect(error.message).toMatch(/a\.wav: starts with "this"/);
  });

  it("reports a clip of pure silence", async () => {
    const silence = join(scratch, "silence.wav");
    writeFileSync(silence, encodeWav(new Float32Array(11_025), 22_050));
    const binary = fakeEspeak("silent", `cat '${silence}'`);
    const error = await rejection(
      createEspeakNgEngine({ binary }).synthesize({ text: "hey", voiceId: "en-us" }),
    );
    expect(error.code).toBe("SILENT_OUTPUT");
  });

  it("stops a run that takes longer than its timeout", async () => {
    const binary = fakeEspeak("hangs", "exec sleep 20");
    const started = Date.now();
    const error = await rejection(
      createEspeakNgEngine({ binary, timeoutMs: 300 }).synthesize({
        text: "hey",
        voiceId: "en-us",
      }),
    );
    expect(error.code).toBe("TIMEOUT");
    expect(error.message).toMatch(/stopped after 300 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe.skipIf(!hasEspeak)("espeak-ng engine reading a voice listing", () => {
  it("keeps MBROLA voices and variants out and gives shared languages file ids", async () => {
    const listing = join(scratch, "voices.txt");
    writeFileSync(
      listing,
      [
        "Pty Language       Age/Gender VoiceName          File                 Other Languages",
        " 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)",
        " 5  en-us           --/F      us-mbrola-1        mb/mb-us1            (en 8)",
        " 5  variant         --/F      female3            !v/f3                (en-us 5)",
        " 5  yue             --/M      Chinese_(Cantonese) sit/yue              (zh-yue 5)(zh 8)",
        " 5  yue             --/M      Chinese_(Cantonese,_latin_as_Jyutping) sit/yue-Latn-jyutping (zh-yue 5)(zh 8)",
        "",
      ].join("\n"),
    );
    const binary = join(scratch, "lists");
    writeFileSync(binary, `#!/bin/sh\ncat '${listing}'\n`);
    chmodSync(binary, 0o755);
    const engine = createEspeakNgEngine({ binary });
    expect((await engine.listVoices()).map((v) => v.id)).toEqual([
      "en-us",
      "sit/yue",
      "sit/yue-Latn-jyutping",
    ]);
    expect((await engine.listVoices({ language: "zh" })).map((v) => v.name)).toEqual([
      "Chinese (Cantonese)",
      "Chinese (Cantonese, latin as Jyutping)",
    ]);
    expect(await engine.listVariants()).toEqual([
      { engine: "espeak-ng", id: "f3", name: "female3", gender: "female" },
    ]);
  });
});

describe("espeak-ng engine without a usable program", () => {
  it("a missing binary is unavailable and every call says how to install it", async () => {
    const engine = createEspeakNgEngine({ binary: "/nonexistent/espeak-ng" });
    const availability = await engine.isAvailable();
    expect(availability.available).toBe(false);
    const reason = availability.available ? "" : availability.reason;
    expect(reason).toBe(
      'espeak-ng at "/nonexistent/espeak-ng" not found: install it with ' +
        "`bash tooling/scripts/system-deps.sh` (Debian/Ubuntu) or your package manager",
    );
    for (const call of [
      engine.synthesize({ text: "hey nova", voiceId: "en-us" }),
      engine.listVoices(),
      engine.listVariants(),
    ]) {
      const error = await rejection(call);
      expect(error).toBeInstanceOf(SynthEngineUnavailableError);
      expect(error.code).toBe("ENGINE_UNAVAILABLE");
      expect(error.message).toBe(reason);
    }
  });

  it("espeak-ng missing from PATH gives the plain install hint", async () => {
    const savedPath = process.env.PATH;
    process.env.PATH = mkdtempSync(join(tmpdir(), "wakeforge-empty-path-"));
    try {
      const availability = await createEspeakNgEngine().isAvailable();
      expect(availability).toEqual({
        available: false,
        reason:
          "espeak-ng not found: install it with `bash tooling/scripts/system-deps.sh` " +
          "(Debian/Ubuntu) or your package manager",
      });
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it("a program that fails or is not espeak-ng is unavailable, with the reason", async () => {
    const failing = await createEspeakNgEngine({ binary: "false" }).isAvailable();
    expect(failing).toEqual({
      available: false,
      reason: expect.stringMatching(/exited with code 1/),
    });
    const impostor = await createEspeakNgEngine({ binary: "echo" }).isAvailable();
    expect(impostor).toEqual({
      available: false,
      reason: expect.stringMatching(/"echo" does not look like espeak-ng/),
    });
  });
});
