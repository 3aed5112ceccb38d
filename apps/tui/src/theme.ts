// Colours in one place. Ink's `color` props write ANSI colour codes whenever the terminal supports
// them; NO_COLOR (https://no-color.org) asks for none, so the plain theme names no colours at all.
// Dim and bold are not colours and stay.

/** Ink colour names per role; `undefined` leaves the terminal's own colour. */
export interface Theme {
  readonly accent: string | undefined;
  readonly success: string | undefined;
  readonly error: string | undefined;
  readonly progress: string | undefined;
}

export const COLOR_THEME: Theme = {
  accent: "cyan",
  success: "green",
  error: "red",
  progress: "green",
};

export const PLAIN_THEME: Theme = {
  accent: undefined,
  success: undefined,
  error: undefined,
  progress: undefined,
};

/** NO_COLOR set to anything but the empty string turns colour off, as no-color.org defines it. */
export function colorEnabled(env: Readonly<Record<string, string | undefined>>): boolean {
  const noColor = env["NO_COLOR"];
  return noColor === undefined || noColor === "";
}

export function themeFor(env: Readonly<Record<string, string | undefined>>): Theme {
  return colorEnabled(env) ? COLOR_THEME : PLAIN_THEME;
}
