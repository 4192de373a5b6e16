// A deployment as written → ResolvedDeployment, with the MSK rules that concern one deployment
// (even spread over AZs, storage and throughput bounds) and the ones that concern it together
// with the workload (a topic's replicas need that many brokers).
import { DEFAULTS } from './defaults.js';
import type { PathSegments } from './errors.js';
import {
  MAX_AUTO_EXPAND_TARGET,
  MAX_PROVISIONED_THROUGHPUT_MIBPS,
  MAX_STORAGE_GIB,
  MIN_AUTO_EXPAND_TARGET,
  MIN_PROVISIONED_THROUGHPUT_MIBPS,
  MIN_STORAGE_GIB,
} from './limits.js';
import type { Problems } from './problem.js';
import { valueOf } from './resolve-producer.js';
import type { RawDeployment } from './schema-deployment.js';
import type { ResolvedAutoExpand, ResolvedDeployment } from './types.js';
type RawProvisioned = Extract<RawDeployment, { type: 'provisioned' }>;

import { BYTES_PER_GIB, BYTES_PER_MIB, parseSize } from './units.js';

export function resolveDeployment(raw: RawDeployment, path: PathSegments, problems: Problems): ResolvedDeployment | undefined {
  if (raw.type === 'serverless') return { type: 'serverless', name: raw.name, warmStart: raw.warmStart ?? DEFAULTS.warmStart };
  if (raw.type === 'express') return resolveExpress(raw, path, problems);
  return resolveProvisioned(raw, path, problems);
}

/** Express brokers: 3 AZs, fixed by AWS, and so a multiple of 3 brokers. */
function resolveExpress(raw: Extract<RawDeployment, { type: 'express' }>, path: PathSegments, problems: Problems): ResolvedDeployment | undefined {
  const before = problems.count;
  if (raw.azs !== undefined && raw.azs !== EXPRESS_AZS) {
    problems.add([...path, 'azs'], `Express brokers run in exactly ${EXPRESS_AZS} AZs, not ${raw.azs}`, `remove azs, or write azs: ${EXPRESS_AZS}; for ${raw.azs} AZs use type: provisioned (Standard brokers)`);
  }
  if (raw.brokers % EXPRESS_AZS !== 0) {
    const lower = Math.floor(raw.brokers / EXPRESS_AZS) * EXPRESS_AZS;
    problems.add([...path, 'brokers'], `${raw.brokers} Express brokers cannot be spread evenly over ${EXPRESS_AZS} AZs`, `use a multiple of ${EXPRESS_AZS}, e.g. ${lower > 0 ? `${lower} or ` : ''}${lower + EXPRESS_AZS}`);
  }
  if (problems.count > before) return undefined;
  return { type: 'express', name: raw.name, brokerType: raw.brokerType, brokers: raw.brokers, azs: EXPRESS_AZS, warmStart: raw.warmStart ?? DEFAULTS.warmStart };
}

/** Express clusters span 3 AZs (msk-facts.md §5c; catalog express-brokers.ts). */
const EXPRESS_AZS = 3;

function resolveProvisioned(raw: RawProvisioned, path: PathSegments, problems: Problems): ResolvedDeployment | undefined {
  const before = problems.count;
  if (raw.brokers % raw.azs !== 0) {
    const lower = Math.floor(raw.brokers / raw.azs) * raw.azs;
    const upper = lower + raw.azs;
    const options = lower > 0 ? `${lower} or ${upper}` : `${upper}`;
    problems.add(
      [...path, 'brokers'],
      `${raw.brokers} brokers cannot be spread evenly over ${raw.azs} AZs`,
      `use a multiple of ${raw.azs}, e.g. ${options}`,
    );
  }
  const storagePath = [...path, 'storage'];
  const sizeGiB = raw.storage.size / BYTES_PER_GIB;
  if (sizeGiB < MIN_STORAGE_GIB || sizeGiB > MAX_STORAGE_GIB) {
    problems.add([...storagePath, 'size'], `storage size ${round(sizeGiB)} GiB is outside MSK's ${MIN_STORAGE_GIB}–${MAX_STORAGE_GIB} GiB per broker`, `write a size from ${MIN_STORAGE_GIB}GiB to ${MAX_STORAGE_GIB}GiB`);
  }
  const pst = raw.storage.provisionedThroughput;
  const pstMiBps = pst === undefined ? null : pst / BYTES_PER_MIB;
  if (pstMiBps !== null && (pstMiBps < MIN_PROVISIONED_THROUGHPUT_MIBPS || pstMiBps > MAX_PROVISIONED_THROUGHPUT_MIBPS)) {
    problems.add(
      [...storagePath, 'provisionedThroughput'],
      `provisioned throughput ${round(pstMiBps)} MiB/s is outside MSK's ${MIN_PROVISIONED_THROUGHPUT_MIBPS}–${MAX_PROVISIONED_THROUGHPUT_MIBPS} MiB/s`,
      `write a rate from ${MIN_PROVISIONED_THROUGHPUT_MIBPS}MiB/s to ${MAX_PROVISIONED_THROUGHPUT_MIBPS}MiB/s, or remove it for the 250 MiB/s default`,
    );
  }
  const autoExpand = resolveAutoExpand(raw.storage.autoExpand, sizeGiB, [...storagePath, 'autoExpand'], problems);
  if (problems.count > before) return undefined;
  return {
    type: 'provisioned',
    name: raw.name,
    brokerType: raw.brokerType,
    brokers: raw.brokers,
    azs: raw.azs,
    storage: { sizeGiB, provisionedThroughputMiBps: pstMiBps, autoExpand },
    warmStart: raw.warmStart ?? DEFAULTS.warmStart,
    replicaFetchers: raw.replicaFetchers ?? null,
  };
}

function resolveAutoExpand(
  raw: RawProvisioned['storage']['autoExpand'],
  sizeGiB: number,
  path: PathSegments,
  problems: Problems,
): ResolvedAutoExpand | null {
  if (raw === undefined) return null;
  const targetFraction = raw.targetPercent ?? DEFAULTS.autoExpandTargetPercent / 100;
  if (targetFraction < MIN_AUTO_EXPAND_TARGET || targetFraction > MAX_AUTO_EXPAND_TARGET) {
    problems.add([...path, 'targetPercent'], `target ${round(targetFraction * 100)}% is outside MSK's 10–80%`, 'write a target from 10 to 80 (AWS recommends 50–60)');
  }
  const maxSizeGiB = (raw.maxSize ?? valueOf(parseSize(DEFAULTS.autoExpandMaxSize))) / BYTES_PER_GIB;
  if (maxSizeGiB > MAX_STORAGE_GIB) {
    problems.add([...path, 'maxSize'], `maxSize ${round(maxSizeGiB)} GiB is above MSK's ${MAX_STORAGE_GIB} GiB per broker`, `write at most ${MAX_STORAGE_GIB}GiB (16TiB)`);
  } else if (maxSizeGiB < sizeGiB) {
    problems.add([...path, 'maxSize'], `maxSize ${round(maxSizeGiB)} GiB is below the storage size ${round(sizeGiB)} GiB`, 'write a maxSize at least as large as storage.size');
  }
  return { targetFraction, maxSizeGiB };
}

/** Brokers must hold every replica of the widest topic (Kafka cannot place two on one broker). */
export function checkReplicasFit(
  deployment: RawDeployment,
  path: PathSegments,
  topics: readonly { name: string; replicationFactor?: number | undefined }[],
  problems: Problems,
): void {
  // MSK Serverless replicates on its own, out of sight: no brokers to hold replicas. Express
  // runs every topic at RF 3 on at least 3 brokers, whatever the topic says.
  if (deployment.type === 'serverless' || deployment.type === 'express') return;
  let widest: { name: string; rf: number } | undefined;
  for (const topic of topics) {
    const rf = topic.replicationFactor ?? DEFAULTS.replicationFactor;
    if (widest === undefined || rf > widest.rf) widest = { name: topic.name, rf };
  }
  if (widest === undefined || widest.rf <= deployment.brokers) return;
  problems.add(
    [...path, 'brokers'],
    `topic "${widest.name}" has replicationFactor ${widest.rf} but this deployment has only ${deployment.brokers} broker${deployment.brokers === 1 ? '' : 's'}`,
    `use at least ${widest.rf} brokers, or lower the topic's replicationFactor`,
  );
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
