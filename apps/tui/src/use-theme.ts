import { createContext, useContext } from "react";
import { PLAIN_THEME, type Theme } from "./theme.js";

/** Without a provider, components draw without colour: never wrong, only plainer. */
export const ThemeContext = createContext<Theme>(PLAIN_THEME);

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
