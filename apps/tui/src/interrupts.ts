// Signals that ask the program to stop (Ctrl-C from outside raw mode, kill, a closed SSH
// session) reach the App as an interrupt, so a running training stops cleanly and the terminal
// is restored before the process ends, as for Ctrl-C pressed on the screen.

export interface Interrupts {
  /** Calls `listener` on each interrupt; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

const STOP_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

export function processInterrupts(): Interrupts & { dispose(): void } {
  const listeners = new Set<() => void>();
  const onSignal = () => {
    for (const listener of listeners) listener();
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    },
  };
}
