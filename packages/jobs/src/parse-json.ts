export interface TextLocation {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units as editors using JavaScript strings count them. */
  readonly column: number;
}

export type ParsedJson =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      /** The parser's complaint without its position (`Expected ',' or '}' after property value`). */
      readonly reason: string;
      readonly location: TextLocation | undefined;
      readonly error: unknown;
    };

function locationOf(text: string, offset: number): TextLocation {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

/**
 * The offset V8 names in its message ("… in JSON at position 36"), or the end of the text when
 * it ran out. Some messages name no position (`Unexpected token '}', "…" is not valid JSON`).
 */
function errorOffset(text: string, message: string): number | undefined {
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return Number(position);
  if (/unexpected end of JSON input/i.test(message)) return text.length;
  return undefined;
}

/** `JSON.parse` that says where the text went wrong instead of throwing. Ignores a leading BOM. */
export function parseJson(text: string): ParsedJson {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = errorOffset(body, message);
    const reason = message
      .replace(/\s+in JSON at position \d+.*$/, "")
      .replace(/, ".*" is not valid JSON$/s, "");
    return {
      ok: false,
      reason,
      location: offset === undefined ? undefined : locationOf(body, offset),
      error,
    };
  }
}
