// One load reports every problem in the file, including rule checks on the parts that are
// valid while other parts have schema errors. (Rules on a part with a schema error, such as
// topic 0's minInsyncReplicas, wait until that part parses.)
import { describe, expect, it } from 'vitest';
import { formatErrors } from '../../src/scenario/index.js';
import { loadText } from './fixtures.js';

const TEXT = `workload:
  topics:
    - name: payments
      partitions: 12
      replicationFactor: 2
      minInsyncReplicas: 3
      producers:
        - rate: 10
    - name: payments
      partitions: 6
      producers:
        - {}
deployments:
  - name: a
    type: provisioned
    brokerType: kafka.m5.large
    brokers: 4
    azs: 3
    storage: { size: 500GiB, sise: 1 }
  - name: b
    type: provisioned
    brokerType: kafka.m5.large
    brokers: 2
    azs: 2
    storage: { size: 500GiB }
`;

describe('collecting errors', () => {
  it('reports schema and rule problems together, in file order', () => {
    const result = loadText(TEXT, 'multi.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatErrors(result.errors).split('\n')).toEqual([
      'multi.yaml:8:17: workload.topics[0].producers[0].rate: rate 10 has no unit. Fix: write 10MiB/s, or 10msg/s for messages per second.',
      'multi.yaml:12:11: workload.topics[1].producers[0]: a producer needs a rate or a trace. Fix: add rate: 40MiB/s (or 2000msg/s), or a trace: { file: …, unit: B/s }.',
      'multi.yaml:19:30: deployments[0].storage.sise: unknown key "sise". Fix: rename it to "size".',
      'multi.yaml:23:14: deployments[1].brokers: topic "payments" has replicationFactor 3 but this deployment has only 2 brokers. Fix: use at least 3 brokers, or lower the topic\'s replicationFactor.',
    ]);
  });
});
