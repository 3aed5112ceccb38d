import { Box } from "ink";
import type { ReactNode } from "react";
import { KeyHints, type KeyHint } from "./KeyHints.js";

export interface ScreenFrameProps {
  /** Rows the screen has, its key hints included. */
  readonly height: number;
  readonly hints: readonly KeyHint[];
  readonly children: ReactNode;
}

/** A screen's body, cut to the rows it has, with its keys on the last row. */
export function ScreenFrame({ height, hints, children }: ScreenFrameProps) {
  return (
    <Box flexDirection="column" height={Math.max(1, Math.floor(height))}>
      <Box flexDirection="column" flexGrow={1} overflow="hidden">
        {children}
      </Box>
      <KeyHints hints={hints} />
    </Box>
  );
}
