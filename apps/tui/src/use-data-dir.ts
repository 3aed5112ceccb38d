import { useCallback, useEffect, useState } from "react";
import type { DataDirSummary } from "./model/read-data-dir.js";
import type { TuiServices } from "./services.js";

export type DataDirView =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly summary: DataDirSummary }
  | { readonly status: "failed"; readonly message: string };

/** The data directory as read on mount and on each `refresh()`. */
export function useDataDir(
  read: TuiServices["readDataDir"],
  dataDir: string,
  extraModels: readonly string[],
): { readonly view: DataDirView; readonly refresh: () => void } {
  const [view, setView] = useState<DataDirView>({ status: "loading" });
  const [round, setRound] = useState(0);
  const extras = extraModels.join("\n");
  useEffect(() => {
    let current = true;
    read(dataDir, extras ? extras.split("\n") : []).then(
      (summary) => current && setView({ status: "ready", summary }),
      (error: unknown) =>
        current && setView({ status: "failed", message: (error as Error).message }),
    );
    return () => {
      current = false;
    };
  }, [read, dataDir, extras, round]);
  const refresh = useCallback(() => setRound((n) => n + 1), []);
  return { view, refresh };
}
