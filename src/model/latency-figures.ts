// Latency figures with OpenMessaging-Benchmark names (publishLatency99pct, …), in milliseconds,
// each tagged with the mode that produced it (DESIGN §3.4).
import type { LatencyHistogram } from '../engine/index.js';

/** 'assumed': a law from assumptions, not simulated (MSK Serverless). */
export type LatencyMode = 'estimate' | 'request-level' | 'assumed';

export interface LatencyFigures {
  mode: LatencyMode;
  /** Produce requests (batches) the figures stand for. */
  produceRequests: number;
  publishLatency50pct: number | null;
  publishLatency95pct: number | null;
  publishLatency99pct: number | null;
  publishLatency999pct: number | null;
  publishLatencyMax: number | null;
  endToEndLatency50pct: number | null;
  endToEndLatency95pct: number | null;
  endToEndLatency99pct: number | null;
  endToEndLatency999pct: number | null;
  endToEndLatencyMax: number | null;
}

export function latencyFigures(mode: LatencyMode, requests: number, publish: LatencyHistogram, endToEnd: LatencyHistogram): LatencyFigures {
  const ms = (h: LatencyHistogram, q: number | 'max') => {
    if (h.count === 0) return null;
    const seconds = q === 'max' ? h.max : h.quantile(q);
    return Math.round(seconds * 1e6) / 1e3;
  };
  return {
    mode,
    produceRequests: Math.round(requests),
    publishLatency50pct: ms(publish, 0.5),
    publishLatency95pct: ms(publish, 0.95),
    publishLatency99pct: ms(publish, 0.99),
    publishLatency999pct: ms(publish, 0.999),
    publishLatencyMax: ms(publish, 'max'),
    endToEndLatency50pct: ms(endToEnd, 0.5),
    endToEndLatency95pct: ms(endToEnd, 0.95),
    endToEndLatency99pct: ms(endToEnd, 0.99),
    endToEndLatency999pct: ms(endToEnd, 0.999),
    endToEndLatencyMax: ms(endToEnd, 'max'),
  };
}
