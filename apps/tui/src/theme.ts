// Colours in one place. Ink's `color` props write ANSI colour codes whenever the terminal supports
// them; a terminal that asks for none gets the plain theme, which names no colours at all, so
// nothing on screen depends on colour alone. Dim, bold and inverse are not colours and stay.

/** Ink colour names per role; `undefined` leaves the terminal's own colour. */
export interface Theme {
  readonly accent: string | undefined;
  readonly success: string | undefined;
  readonly warning: string | undefined;
  readonly error: string | undefined;
  readonly progress: string | undefined;
  /** The learning curves' runs and the DET curve, in the order of their series. */
  readonly series: readonly (string | undefined)[];
  /** A marked point on a chart (the operating point). */
  readonly mark: string | undefined;
}

export const COLOR_THEME: Theme = {
  accent: "cyan",
  success: "green",
  warning: "yellow",
  error: "red",
  progress: "green",
  series: ["blue", "yellow", "magenta"],
  mark: "red",
};

export const PLAIN_THEME: Theme = {
  accent: undefined,
  success: undefined,
  warning: undefined,
  error: undefined,
  progress: undefined,
  series: [],
  mark: undefined,
};

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Whether to use colour: NO_COLOR set to anything but the empty string turns it off
 * (https://no-color.org), as do FORCE_COLOR=0 (or "false") and TERM=dumb; FORCE_COLOR=1..3
 * (or "true") turns it on even on a dumb terminal, as chalk reads it.
 */
export function colorEnabled(env: Env): boolean {
  const noColor = env["NO_COLOR"];
  if (noColor !== undefined && noColor !== "") return false;
  const force = env["FORCE_COLOR"];
  if (force === "0" || force === "false") return false;
  if (force !== undefined) return true;
  return env["TERM"] !== "dumb";
}

export function themeFor(env: Env): Theme {
  return colorEnabled(env) ? COLOR_THEME : PLAIN_THEME;
}
