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

export const KNOWN_FINDINGS: readonly KnownFinding[] = [];

/**
 * Findings fixed since: each scenario, in ./findings/fixed/<id>/, must now run through every
 * check. latency-quantiles-below-one-request: an hour with less than one produce request of
 * weight reported p50 above p95, LatencyHistogram.quantile taking a negative rank.
 * negative-wait-below-atom: a waiting-time law whose tail A was below its atom p drew negative waits.
 */
export const FIXED_FINDINGS: readonly string[] = ['latency-quantiles-below-one-request', 'negative-wait-below-atom'];

/** The finding that explains every line of a failure's message, if one does. */
export function knownFinding(kind: FailureKind, message: string): KnownFinding | undefined {
  const lines = message.split('\n').filter((l) => l.trim() !== '');
  return KNOWN_FINDINGS.find((f) => f.kind === kind && lines.every((l) => f.pattern.test(l)));
}
