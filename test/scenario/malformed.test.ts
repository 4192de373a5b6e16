// Each malformed fixture differs from minimal.yaml by one mistake and must produce exactly one
// error: at the right line and column, with the right path, message and fix.
import { describe, expect, it } from 'vitest';
import type { ScenarioError } from '../../src/scenario/index.js';
import { loadFixture } from './fixtures.js';

type Expected = Omit<ScenarioError, 'file'> & { file?: string };

const BROKER_TYPES =
  'kafka.t3.small, kafka.m5.large, kafka.m5.xlarge, kafka.m5.2xlarge, kafka.m5.4xlarge, kafka.m5.8xlarge, kafka.m5.12xlarge, ' +
  'kafka.m5.16xlarge, kafka.m5.24xlarge, kafka.m7g.large, kafka.m7g.xlarge, kafka.m7g.2xlarge, kafka.m7g.4xlarge, ' +
  'kafka.m7g.8xlarge, kafka.m7g.12xlarge, kafka.m7g.16xlarge';

const CASES: Record<string, Expected> = {
  'unknown-key': {
    line: 6, column: 7, path: 'workload.topics[0].replicationFactr',
    message: 'unknown key "replicationFactr"', fix: 'rename it to "replicationFactor"',
  },
  'unitless-rate': {
    line: 7, column: 17, path: 'workload.topics[0].producers[0].rate',
    message: 'rate 10 has no unit', fix: 'write 10MiB/s, or 10msg/s for messages per second',
  },
  'bad-unit': {
    line: 6, column: 18, path: 'workload.topics[0].retention',
    message: 'duration has an unknown unit "days"', fix: 'write 7d',
  },
  'min-isr-above-rf': {
    line: 7, column: 26, path: 'workload.topics[0].minInsyncReplicas',
    message: 'minInsyncReplicas 3 is greater than replicationFactor 2, so acks=all producers could never succeed',
    fix: 'set minInsyncReplicas to at most 2 (usually replicationFactor − 1)',
  },
  'brokers-not-multiple': {
    line: 12, column: 14, path: 'deployments[0].brokers',
    message: '4 brokers cannot be spread evenly over 3 AZs', fix: 'use a multiple of 3, e.g. 3 or 6',
  },
  'unknown-broker-type': {
    line: 11, column: 17, path: 'deployments[0].brokerType',
    message: '"kafka.m5.larg" is not a known MSK Standard broker type', fix: `did you mean kafka.m5.large? Allowed: ${BROKER_TYPES}`,
  },
  'yaml-syntax': {
    line: 4, column: 13, path: '',
    message: 'YAML syntax error: Missing closing "quote', fix: 'close the quote or bracket that was opened',
  },
  'duplicate-yaml-key': {
    line: 13, column: 5, path: '',
    message: 'YAML syntax error: Map keys must be unique', fix: 'remove or rename one of the two keys',
  },
  'wrong-type': {
    line: 5, column: 19, path: 'workload.topics[0].partitions',
    message: 'expected a number, got text "twelve"', fix: 'write a number without quotes or unit',
  },
  'missing-required': {
    line: 9, column: 5, path: 'deployments[0].brokerType',
    message: 'missing required key "brokerType"', fix: 'add a "brokerType" key',
  },
  'bad-csv-row': {
    file: 'malformed/traces/bad-row.csv', line: 3, column: 22, path: 'workload.topics[0].producers[0].trace.file',
    message: '"ten" is not a number', fix: 'write a plain number (the unit is set by trace.unit)',
  },
  'negative-duration': {
    line: 2, column: 11, path: 'duration',
    message: 'duration must not be negative (got "-30d")', fix: 'remove the minus sign, e.g. 30d',
  },
  'duplicate-topics': {
    line: 8, column: 13, path: 'workload.topics[1].name',
    message: 'duplicate topic name "payments" (first used at workload.topics[0])', fix: 'give each one a different name',
  },
  'rf-above-brokers': {
    line: 12, column: 14, path: 'deployments[0].brokers',
    message: 'topic "payments" has replicationFactor 3 but this deployment has only 2 brokers',
    fix: "use at least 3 brokers, or lower the topic's replicationFactor",
  },
  'unsupported-type': {
    line: 10, column: 11, path: 'deployments[0].type',
    message: '"expres" is not allowed', fix: 'did you mean express? Allowed: provisioned, express, serverless',
  },
  'rate-and-trace': {
    line: 8, column: 11, path: 'workload.topics[0].producers[0].trace',
    message: 'a producer takes either rate or trace, not both',
    fix: 'remove one of them (a trace can be scaled with a constant profile factor)',
  },
  'growth-without-percent': {
    line: 8, column: 46, path: 'workload.topics[0].producers[0].profile.perMonth',
    message: 'percentage 5 has no % sign', fix: 'write 5%',
  },
  'lagging-block-wrong-mode': {
    line: 11, column: 11, path: 'workload.topics[0].consumerGroups[0].lagging',
    message: 'lagging settings are given but the mode is tail', fix: 'set mode: lagging, or remove the lagging block',
  },
  'azs-four': {
    line: 13, column: 10, path: 'deployments[0].azs',
    message: '4 is not allowed', fix: 'use 2 or 3',
  },
  'future-events': {
    line: 15, column: 1, path: 'events',
    message: '"events" is not supported by this version of msksim yet', fix: 'remove the events section',
  },
};

describe('malformed scenarios', () => {
  it.each(Object.entries(CASES))('%s', (name, expected) => {
    const file = `malformed/${name}.yaml`;
    const result = loadFixture(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([{ file, ...expected }]);
  });
});
