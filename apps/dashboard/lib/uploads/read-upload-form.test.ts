import { describe, expect, it } from "vitest";
import { toneWav } from "../test-audio";
import { displayFileName, readUploadForm } from "./read-upload-form";
import { UploadError } from "./upload-error";
import { DEFAULT_UPLOAD_LIMITS } from "./upload-limits";

function uploadRequest(form: FormData, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/projects/x/samples", {
    method: "POST",
    body: form,
    headers,
  });
}

function formWith(fields: Record<string, string>, files: [string, Uint8Array][]): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  for (const [name, bytes] of files) form.append("file", new File([new Uint8Array(bytes)], name));
  return form;
}

async function refusal(request: Request, limits = DEFAULT_UPLOAD_LIMITS): Promise<UploadError> {
  try {
    await readUploadForm(request, limits);
  } catch (error) {
    if (error instanceof UploadError) return error;
    throw error;
  }
  throw new Error("the form was accepted");
}

describe("readUploadForm", () => {
  it("reads the files, the label and the source", async () => {
    const wav = toneWav(0.5);
    const form = formWith({ label: "background", source: "recorded" }, [
      ["room.wav", wav],
      ["C:\\Users\\me\\desk.wav", wav],
    ]);
    const upload = await readUploadForm(uploadRequest(form));
    expect(upload.label).toBe("background");
    expect(upload.source).toBe("recorded");
    expect(upload.files.map((f) => f.name)).toEqual(["room.wav", "desk.wav"]);
    expect(upload.files[0]?.bytes).toEqual(wav);
  });

  it("takes uploaded as the default source", async () => {
    const upload = await readUploadForm(
      uploadRequest(formWith({ label: "positive" }, [["a.wav", toneWav(0.5)]])),
    );
    expect(upload.source).toBe("uploaded");
  });

  it("refuses a body that is not multipart", async () => {
    const error = await refusal(
      new Request("http://localhost/", {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json" },
      }),
    );
    expect(error.code).toBe("NOT_MULTIPART");
    expect(error.message).toBe(
      'send the files as multipart/form-data (field "file"), not application/json',
    );
  });

  it("refuses a missing or unknown label, a bad source and a form without files", async () => {
    const wav = toneWav(0.5);
    expect((await refusal(uploadRequest(formWith({}, [["a.wav", wav]])))).message).toBe(
      "label must be one of positive, negative, background, got undefined",
    );
    expect(
      (await refusal(uploadRequest(formWith({ label: "neutral" }, [["a.wav", wav]])))).code,
    ).toBe("BAD_FIELD");
    expect(
      (
        await refusal(
          uploadRequest(formWith({ label: "positive", source: "synthesized" }, [["a.wav", wav]])),
        )
      ).message,
    ).toBe('source must be "uploaded" or "recorded", got "synthesized"');
    const none = await refusal(uploadRequest(formWith({ label: "positive" }, [])));
    expect(none.code).toBe("NO_FILE");
  });

  it("stops reading a request over the size limit, declared or not", async () => {
    const limits = { ...DEFAULT_UPLOAD_LIMITS, maxRequestBytes: 4096 };
    const big = formWith({ label: "positive" }, [["big.wav", toneWav(1)]]);
    const declared = await refusal(uploadRequest(big, {}), limits);
    expect(declared.code).toBe("REQUEST_TOO_LARGE");
    expect(declared.status).toBe(413);

    // A streamed body has no content-length: the count while reading catches it.
    const bytes = new Uint8Array(await new Response(big).arrayBuffer());
    const contentType = new Response(big).headers.get("content-type") ?? "";
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(sent, sent + 1000));
        sent += 1000;
      },
    });
    const streamed = new Request("http://localhost/", {
      method: "POST",
      body: stream,
      headers: { "content-type": contentType },
      duplex: "half",
    } as RequestInit);
    expect((await refusal(streamed, limits)).code).toBe("REQUEST_TOO_LARGE");
    expect(sent).toBeLessThan(bytes.length);
  });

  it("refuses too many files in one request", async () => {
    const wav = toneWav(0.3);
    const form = formWith(
      { label: "negative" },
      Array.from({ length: 3 }, (_, i) => [`${i}.wav`, wav] as [string, Uint8Array]),
    );
    const error = await refusal(uploadRequest(form), { ...DEFAULT_UPLOAD_LIMITS, maxFiles: 2 });
    expect(error.message).toBe("3 files in one upload; send at most 2 at a time");
  });
});

describe("displayFileName", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["C:\\temp\\clip.wav", "clip.wav"],
    ["bad\u0000name\u0007.wav", "badname.wav"],
    ["", "upload"],
    ["dir/", "upload"],
  ])("%j → %j", (raw, shown) => {
    expect(displayFileName(raw)).toBe(shown);
  });
});
