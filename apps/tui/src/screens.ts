// The screens of the terminal UI, in tab order, with the key that opens each.

export const SCREENS = [
  { id: "overview", key: "1", title: "Overview", short: "Data" },
  { id: "train", key: "2", title: "Train", short: "Train" },
  { id: "eval", key: "3", title: "Evaluate", short: "Eval" },
  { id: "detect", key: "4", title: "Detect", short: "Detect" },
  { id: "jobs", key: "5", title: "Jobs", short: "Jobs" },
  { id: "system", key: "6", title: "System", short: "Sys" },
] as const;

export type ScreenId = (typeof SCREENS)[number]["id"];

export const SCREEN_IDS: readonly ScreenId[] = SCREENS.map((screen) => screen.id);

export function isScreenId(value: string): value is ScreenId {
  return (SCREEN_IDS as readonly string[]).includes(value);
}

/** The screen `steps` tabs away from `current`, wrapping around. */
export function screenAfter(current: ScreenId, steps: number): ScreenId {
  const at = SCREEN_IDS.indexOf(current);
  const count = SCREEN_IDS.length;
  return SCREEN_IDS[(((at + steps) % count) + count) % count] ?? current;
}

/** The screen a number key opens, if any. */
export function screenForKey(key: string): ScreenId | undefined {
  return SCREENS.find((screen) => screen.key === key)?.id;
}
