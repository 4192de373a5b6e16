// What resolution needs from outside the scenario text: when simulation time 0 is (for time-of-
// day schedules) and a way to read trace files. No file system access happens in src/scenario;
// the reader is injected (src/cli/load-scenario.ts supplies one relative to the scenario file).

export type TraceRead = { ok: true; name: string; text: string } | { ok: false; name: string; message: string };

export interface ResolveContext {
  startEpochS: number;
  /** Reads a trace file named as in the scenario; `name` is how to show it in errors. */
  readTrace(file: string): TraceRead;
}
