import { Box, Text } from "ink";
import { useTheme } from "../use-theme.js";

export interface KeyHint {
  /** What to press, as printed: `q`, `r`, `enter`. */
  readonly key: string;
  readonly action: string;
}

export interface KeyHintsProps {
  readonly hints: readonly KeyHint[];
}

export function KeyHints({ hints }: KeyHintsProps) {
  const theme = useTheme();
  return (
    <Box columnGap={2}>
      {hints.map((hint) => (
        <Text key={hint.key}>
          <Text bold color={theme.accent}>
            {hint.key}
          </Text>
          {` ${hint.action}`}
        </Text>
      ))}
    </Box>
  );
}
