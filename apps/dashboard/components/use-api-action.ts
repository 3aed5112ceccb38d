"use client";

import { useCallback, useState } from "react";
import { errorMessage } from "../lib/client/api-client";

/**
 * One button's call to the API: `busy` while it runs, `error` (the server's message) when it
 * failed. `run` resolves to whether the action succeeded. With `staysBusy`, success leaves
 * `busy` set, for actions after which the page moves on (a second click would repeat them).
 */
export function useApiAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const run = useCallback(
    async (action: () => Promise<unknown>, options: { staysBusy?: boolean } = {}) => {
      setBusy(true);
      setError(undefined);
      try {
        await action();
        if (!options.staysBusy) setBusy(false);
        return true;
      } catch (failure) {
        setError(errorMessage(failure));
        setBusy(false);
        return false;
      }
    },
    [],
  );

  return { busy, error, setError, run };
}
