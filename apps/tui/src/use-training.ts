import { createEtaEstimator, type EtaEstimator, type TrainJobSpec } from "@wakeforge/jobs";
import { useCallback, useEffect, useRef, useState } from "react";
import type { TuiServices } from "./services.js";
import type { TrainingRun } from "./training/training-run.js";
import {
  applyTrainingEnd,
  applyTrainingEvent,
  initialTrainingState,
  isTrainingActive,
  markStopping,
  type TrainingState,
} from "./training/training-state.js";

export interface TrainingController {
  /** The current or last run; undefined before the first. */
  readonly state: TrainingState | undefined;
  readonly etaSeconds: number | undefined;
  start(spec: TrainJobSpec): void;
  /** Stops the run at its next step; called again, at once. */
  stop(): void;
  /** Forgets a finished run (back to the form). */
  clear(): void;
}

/**
 * One training run at a time, kept by the App (not the Train screen), so it goes on while other
 * screens are open. The ETA is estimated here from the run's progress and refreshed every
 * second, so it keeps counting (and grows on a stall) between progress events.
 */
export function useTraining(startTraining: TuiServices["startTraining"]): TrainingController {
  const [state, setState] = useState<TrainingState | undefined>(undefined);
  const [etaSeconds, setEta] = useState<number | undefined>(undefined);
  const run = useRef<TrainingRun | undefined>(undefined);
  const stops = useRef(0);
  const estimator = useRef<EtaEstimator>(createEtaEstimator());
  const active = isTrainingActive(state);

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setEta(estimator.current.update(Number.NaN, Date.now())), 1000);
    return () => clearInterval(timer);
  }, [active]);

  // A run must not outlive the screen that started it.
  useEffect(() => () => run.current?.stop(), []);

  const start = useCallback(
    (spec: TrainJobSpec) => {
      if (run.current || isTrainingActive(state)) return;
      stops.current = 0;
      estimator.current = createEtaEstimator();
      setEta(undefined);
      setState(
        initialTrainingState({ phrase: spec.word, model: spec.out, plannedEpochs: spec.epochs }),
      );
      startTraining(spec, (event) => {
        setState((s) => s && applyTrainingEvent(s, event));
        if (event.type === "progress")
          setEta(estimator.current.update(event.fraction, event.timeMs));
      }).then(
        (started) => {
          run.current = started;
          for (let i = 0; i < stops.current; i += 1) started.stop();
          void started.finished.then((end) => {
            run.current = undefined;
            setState((s) => s && applyTrainingEnd(s, end));
            setEta(undefined);
          });
        },
        (error: unknown) => {
          setState(
            (s) =>
              s && applyTrainingEnd(s, { outcome: "failed", message: (error as Error).message }),
          );
        },
      );
    },
    [startTraining, state],
  );

  const stop = useCallback(() => {
    stops.current += 1;
    setState((s) => s && markStopping(s));
    run.current?.stop();
  }, []);

  const clear = useCallback(() => {
    setState((s) => (isTrainingActive(s) ? s : undefined));
  }, []);

  return { state, etaSeconds, start, stop, clear };
}
