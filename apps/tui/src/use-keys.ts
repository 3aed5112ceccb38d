import { useInput, type Key } from "ink";
import { useCallback, useRef } from "react";

/**
 * `useInput` with a handler that always sees the latest render. Ink subscribes a handler in an
 * effect, after the frame is drawn, so a key pressed right after a state change would otherwise
 * reach the handler of the render before it, with stale state (a tab press switching from the
 * previous screen, a Ctrl-C that does not see the training just started).
 */
export function useKeys(handler: (input: string, key: Key) => void, isActive = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useCallback((input: string, key: Key) => latest.current(input, key), []);
  useInput(stable, { isActive });
}
