// What resolution needs from outside the scenario text: when simulation time 0 is (for time-of-
// day schedules), the horizon and profile step (for the budget checks), and a way to read trace
// files. The reader is injected (src/cli/load-scenario.ts supplies one relative to the scenario
// file); src/scenario itself only stats a trace before it is read (input-file.ts).

export type TraceRead = { ok: true; name: string; text: string } | { ok: false; name: string; message: string; fix?: string };

export interface ResolveContext {
  startEpochS: number;
  /**
   * The simulated horizon, for the checks that bound the work a scenario implies (budgets.ts);
   * the default horizon when `duration` itself is invalid (that is reported on its own).
   */
  durationS: number;
  /**
   * The `workload.profileStepS` assumption (the scenario's override or the catalog's default):
   * continuous profiles change rate once per step, which the budget checks count.
   */
  profileStepS: number;
  /** Reads a trace file named as in the scenario; `name` is how to show it in errors. */
  readTrace(file: string): TraceRead;
}
