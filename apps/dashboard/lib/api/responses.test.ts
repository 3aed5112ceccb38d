import { describe, expect, it, vi } from "vitest";
import { StoreError } from "../store/errors";
import { SynthesisBusyError } from "../synthesis/synthesis-runs";
import { UploadError, UploadRejectedError } from "../uploads/upload-error";
import { BadRequestError } from "./read-json";
import { toErrorResponse } from "./responses";

async function answer(error: unknown) {
  const response = toErrorResponse(error);
  return {
    status: response.status,
    body: (await response.json()) as { error: Record<string, unknown> },
  };
}

describe("toErrorResponse", () => {
  it("answers store errors with their status, also when thrown by another bundle's copy", async () => {
    expect(await answer(new StoreError("PROJECT_NOT_FOUND", "there is no project x"))).toEqual({
      status: 404,
      body: { error: { code: "PROJECT_NOT_FOUND", message: "there is no project x" } },
    });
    // Next bundles routes apart: the class differs, the name and code do not.
    const foreign = Object.assign(new Error('the project "a" already trains "a"'), {
      name: "StoreError",
      code: "PHRASE_TAKEN",
    });
    expect((await answer(foreign)).status).toBe(409);
  });

  it("lists every refused file of an upload", async () => {
    const errors = [
      new UploadError("EMPTY_FILE", "file is empty (0 bytes)", "a.wav"),
      new UploadError("UNSUPPORTED_FORMAT", "is text, not audio", "b.wav"),
    ];
    const { status, body } = await answer(new UploadRejectedError(errors));
    expect(status).toBe(422);
    expect(body.error.code).toBe("UPLOAD_REJECTED");
    expect(body.error.files).toEqual([
      { fileName: "a.wav", code: "EMPTY_FILE", message: "a.wav: file is empty (0 bytes)" },
      { fileName: "b.wav", code: "UNSUPPORTED_FORMAT", message: "b.wav: is text, not audio" },
    ]);
    const single = await answer(new UploadRejectedError(errors.slice(1)));
    expect(single.status).toBe(415);
    expect(single.body.error.code).toBe("UNSUPPORTED_FORMAT");
  });

  it("maps the other errors the dashboard raises on purpose", async () => {
    expect((await answer(new BadRequestError("the request body must be JSON"))).status).toBe(400);
    expect((await answer(new SynthesisBusyError("p"))).status).toBe(409);
    const noEngine = Object.assign(new Error("no text-to-speech engine is available"), {
      code: "NO_ENGINE",
    });
    expect(await answer(noEngine)).toMatchObject({
      status: 503,
      body: { error: { code: "NO_SPEECH_ENGINE" } },
    });
  });

  it("answers anything else with a plain 500 and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { status, body } = await answer(new TypeError("x is undefined"));
    expect(status).toBe(500);
    expect(body.error).toEqual({
      code: "INTERNAL_ERROR",
      message: "the server failed; its log says why",
    });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
