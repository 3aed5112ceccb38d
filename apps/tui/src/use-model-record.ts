import { useCallback, useEffect, useState } from "react";
import type { ModelRecord } from "./model/model-record.js";
import type { TuiServices } from "./services.js";

export type ModelRecordView =
  | { readonly status: "none" }
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly record: ModelRecord }
  | { readonly status: "failed"; readonly message: string };

/** The record of the model in `dir`, read when `dir` changes and on `reload()`. */
export function useModelRecord(
  read: TuiServices["readModelRecord"],
  dir: string | undefined,
): { readonly view: ModelRecordView; readonly reload: () => void } {
  const [view, setView] = useState<ModelRecordView>({ status: dir ? "loading" : "none" });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!dir) return setView({ status: "none" });
    let current = true;
    setView({ status: "loading" });
    read(dir).then(
      (record) => current && setView({ status: "ready", record }),
      (error: unknown) =>
        current && setView({ status: "failed", message: (error as Error).message }),
    );
    return () => {
      current = false;
    };
  }, [read, dir, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { view, reload };
}
