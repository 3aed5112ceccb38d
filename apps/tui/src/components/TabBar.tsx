import { Box, Text } from "ink";
import { SCREENS, type ScreenId } from "../screens.js";
import { useTheme } from "../use-theme.js";

export interface TabBarProps {
  readonly current: ScreenId;
  /** Short names, for narrow terminals. */
  readonly compact?: boolean;
}

/**
 * The program's name and its screens with the key that opens each; the open one inverted and
 * bold, so it reads without colour.
 */
export function TabBar({ current, compact = false }: TabBarProps) {
  const theme = useTheme();
  return (
    <Box columnGap={1}>
      {!compact && (
        <Text bold color={theme.accent}>
          wakeforge
        </Text>
      )}
      {SCREENS.map((screen) => {
        const open = screen.id === current;
        return (
          <Text key={screen.id} inverse={open} bold={open} wrap="truncate">
            <Text color={open ? undefined : theme.accent}>{` ${screen.key}`}</Text>
            {` ${compact ? screen.short : screen.title} `}
          </Text>
        );
      })}
    </Box>
  );
}
