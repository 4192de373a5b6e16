// An Express broker's capacities as plain numbers in project units, for the simulator. The
// sourced facts stay in express-brokers.ts; this is a read-only view of them plus the rules
// every Express cluster shares (RF 3, minISR 2, 3 AZs).
import { CatalogError } from './catalog-error.js';
import {
  EXPRESS_BROKER_TYPES,
  EXPRESS_BROKERS,
  EXPRESS_CLUSTER,
  isExpressBrokerType,
  type ExpressBrokerType,
} from './express-brokers.js';

export interface ExpressBrokerCaps {
  readonly type: ExpressBrokerType;
  readonly vcpu: number;
  readonly memoryGiB: number;
  readonly ingressSustainedMiBps: number;
  readonly ingressMaxMiBps: number;
  readonly egressSustainedMiBps: number;
  readonly egressMaxMiBps: number;
  readonly partitionsRecommended: number;
  readonly partitionsMax: number;
  readonly replicationFactor: number;
  readonly minInsyncReplicas: number;
  readonly availabilityZones: number;
  readonly partitionThroughputMaxMiBps: number;
}

function capsOf(type: ExpressBrokerType): ExpressBrokerCaps {
  const f = EXPRESS_BROKERS[type];
  return Object.freeze({
    type,
    vcpu: f.vcpu.value,
    memoryGiB: f.memoryGiB.value,
    ingressSustainedMiBps: f.ingressSustainedMiBps.value,
    ingressMaxMiBps: f.ingressMaxMiBps.value,
    egressSustainedMiBps: f.egressSustainedMiBps.value,
    egressMaxMiBps: f.egressMaxMiBps.value,
    partitionsRecommended: f.partitionsRecommended.value,
    partitionsMax: f.partitionsMax.value,
    replicationFactor: EXPRESS_CLUSTER.replicationFactor.value,
    minInsyncReplicas: EXPRESS_CLUSTER.minInsyncReplicas.value,
    availabilityZones: EXPRESS_CLUSTER.availabilityZones.value,
    partitionThroughputMaxMiBps: EXPRESS_CLUSTER.partitionThroughputMaxMiBps.value,
  });
}

const CAPS = new Map<string, ExpressBrokerCaps>(EXPRESS_BROKER_TYPES.map((type) => [type, capsOf(type)]));

/** Capacities of an Express broker type; throws CatalogError naming the valid types otherwise. */
export function expressBroker(type: ExpressBrokerType): ExpressBrokerCaps {
  const caps = isExpressBrokerType(type) ? CAPS.get(type) : undefined;
  if (caps === undefined) {
    throw new CatalogError(`unknown Express broker type "${String(type)}"; valid types: ${EXPRESS_BROKER_TYPES.join(', ')}`);
  }
  return caps;
}
