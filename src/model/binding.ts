// The binding constraint in a sentence (DESIGN §4): what limited throughput first, where, when
// and why — or, if nothing did, which resource came closest.
import type { ClusterSimulation } from './cluster-sim.js';
import { CPU, EBS, RESOURCES_PER_BROKER, RESOURCE_NAMES } from './network.js';
import { timeInWords } from './time-text.js';

export interface BindingConstraint {
  /** True if some flow got less than its demand at some point. */
  bound: boolean;
  sentence: string;
  broker: number | null;
  resource: 'network in' | 'network out' | 'EBS throughput' | 'volume throughput' | 'CPU' | null;
  timeS: number | null;
  /** Highest utilisation of the sustained capacity reached by that resource, 0–1+. */
  peakUtilization: number;
}

const FLOW_WORDS = ['produce', 'replication', 'consumer fetches'];

export function bindingConstraint(s: ClusterSimulation): BindingConstraint {
  const r = s.recorder;
  const start = s.config.startEpochS;
  const t = r.firstThrottle;
  if (t !== null) {
    const resource = t.volumeBound ? 'volume throughput' : RESOURCE_NAMES[t.resource]!;
    const why = t.bucketEmpty
      ? ` after its ${t.resource === EBS ? 'EBS burst' : t.resource === CPU ? 'CPU credit' : 'network burst'} bucket emptied`
      : t.volumeBound
        ? ` (the volume's ${s.config.broker.volumeThroughputMiBps} MiB/s)`
        : '';
    const index = t.broker * RESOURCES_PER_BROKER + t.resource;
    return {
      bound: true,
      sentence: `${capitalise(resource)} on broker ${t.broker + 1} at ${timeInWords(t.timeS, start)}${why} limited ${FLOW_WORDS[t.flowKind] ?? 'traffic'}.`,
      broker: t.broker + 1,
      resource,
      timeS: t.timeS,
      peakUtilization: r.utilMax[index]!,
    };
  }
  let best = 0;
  for (let i = 1; i < r.utilMax.length; i++) if (r.utilMax[i]! > r.utilMax[best]!) best = i;
  const broker = Math.floor(best / RESOURCES_PER_BROKER);
  const resource = RESOURCE_NAMES[best % RESOURCES_PER_BROKER]!;
  const pct = Math.round(r.utilMax[best]! * 100);
  return {
    bound: false,
    sentence: `Nothing limited throughput. Closest to its limit: ${resource} on broker ${broker + 1}, at ${pct} % of its sustained capacity at ${timeInWords(r.utilMaxAtS[best]!, start)}.`,
    broker: broker + 1,
    resource,
    timeS: r.utilMaxAtS[best]!,
    peakUtilization: r.utilMax[best]!,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
