// Failures the fuzzer found in code this suite does not own (the model, the latency engine),
// reported and not yet fixed. A mutant whose every problem matches one of these counts as
// `known`, not as a pass and not as a new failure, so CI stays green while the defect is
// open; its scenario is kept in ./findings/<id>/ and findings.test.ts checks that it still
// fails that way — once the defect is fixed that test fails, and the entry is to be removed
// (and the scenario kept as a regression test where it belongs).
import type { FailureKind } from './pipeline.js';

export interface KnownFinding {
  id: string;
  kind: FailureKind;
  /** Matches every line of the failure's message that this finding explains. */
  pattern: RegExp;
  description: string;
}

export const KNOWN_FINDINGS: readonly KnownFinding[] = [
  {
    id: 'latency-quantiles-below-one-request',
    kind: 'latency-order',
    // Weight below 1 rounds to 0 or 1 request; hourly figures and window estimates alike.
    pattern: /^latency-order: .*\(requests [01]\): /,
    description:
      'An hour or window with less than one produce request in total weight (a trickle of 0.1 MiB/s in a diurnal trough) reports p50 above p95 (6.312 vs 6.311 ms): LatencyHistogram.quantile takes rank q·(count − 1), negative when the weighted count is below 1 (src/engine/latency-histogram.ts, fed by src/model/latency-recorder.ts).',
  },
];

/** The finding that explains every line of a failure's message, if one does. */
export function knownFinding(kind: FailureKind, message: string): KnownFinding | undefined {
  const lines = message.split('\n').filter((l) => l.trim() !== '');
  return KNOWN_FINDINGS.find((f) => f.kind === kind && lines.every((l) => f.pattern.test(l)));
}
