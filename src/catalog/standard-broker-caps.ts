// A Standard broker's capacities as plain numbers in project units, for the simulator's hot
// paths: no sources, no nulls where a number will do. The sourced facts stay in
// standard-brokers.ts; this is a read-only view of them.
import { CatalogError } from './catalog-error.js';
import {
  isStandardBrokerType,
  STANDARD_BROKER_TYPES,
  STANDARD_BROKERS,
  type CpuCredits,
  type StandardBrokerType,
} from './standard-brokers.js';

export interface StandardBrokerCaps {
  readonly type: StandardBrokerType;
  readonly vcpu: number;
  readonly memoryGiB: number;
  readonly networkBaselineMiBps: number;
  /** Equal to the baseline when networkBurstable is false. */
  readonly networkBurstMiBps: number;
  readonly networkBurstable: boolean;
  readonly ebsBaselineMiBps: number;
  readonly ebsMaxMiBps: number;
  readonly ebsBaselineIops: number;
  readonly ebsMaxIops: number;
  readonly ebsBurst30MinPer24h: boolean;
  readonly pstEligible: boolean;
  readonly pstMaxMiBps: number | null;
  readonly partitionsRecommended: number;
  readonly partitionsMax: number;
  readonly ioThreads: number;
  readonly networkThreads: number;
  readonly replicaFetchersWithPst: number | null;
  readonly cpuCredits: CpuCredits | null;
  readonly tieredStorageSupported: boolean;
  readonly kraftSupported: boolean;
  readonly iamNewConnectionsPerS: number;
}

function capsOf(type: StandardBrokerType): StandardBrokerCaps {
  const f = STANDARD_BROKERS[type];
  return Object.freeze({
    type,
    vcpu: f.vcpu.value,
    memoryGiB: f.memoryGiB.value,
    networkBaselineMiBps: f.networkBaselineMiBps.value,
    networkBurstMiBps: f.networkBurstMiBps.value,
    networkBurstable: f.networkBurstable.value,
    ebsBaselineMiBps: f.ebsBaselineMiBps.value,
    ebsMaxMiBps: f.ebsMaxMiBps.value,
    ebsBaselineIops: f.ebsBaselineIops.value,
    ebsMaxIops: f.ebsMaxIops.value,
    ebsBurst30MinPer24h: f.ebsBurst30MinPer24h.value,
    pstEligible: f.pstEligible.value,
    pstMaxMiBps: f.pstMaxMiBps.value,
    partitionsRecommended: f.partitionsRecommended.value,
    partitionsMax: f.partitionsMax.value,
    ioThreads: f.ioThreads.value,
    networkThreads: f.networkThreads.value,
    replicaFetchersWithPst: f.replicaFetchersWithPst.value,
    cpuCredits: f.cpuCredits.value,
    tieredStorageSupported: f.tieredStorageSupported.value,
    kraftSupported: f.kraftSupported.value,
    iamNewConnectionsPerS: f.iamNewConnectionsPerS.value,
  });
}

const CAPS = new Map<string, StandardBrokerCaps>(STANDARD_BROKER_TYPES.map((type) => [type, capsOf(type)]));

/** Capacities of a Standard broker type; throws CatalogError naming the valid types otherwise. */
export function standardBroker(type: StandardBrokerType): StandardBrokerCaps {
  // Callers may pass strings from a scenario, so the union type is checked at run time too.
  const caps = isStandardBrokerType(type) ? CAPS.get(type) : undefined;
  if (caps === undefined) {
    throw new CatalogError(
      `unknown Standard broker type "${String(type)}"; valid types: ${STANDARD_BROKER_TYPES.join(', ')}`,
    );
  }
  return caps;
}
