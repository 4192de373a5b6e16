// Checks of an Express deployment against the catalog, each located at the deployment's field:
// the broker quota per cluster, partition replicas per broker (MSK's maximum refuses; the
// recommended figure is shown by `validate`), and the bounds on the model's work that the
// provisioned kind has too.
import { expressBroker, PROVISIONED_QUOTAS, type ResolvedAssumptions } from '../catalog/index.js';
import type { Problem, ResolvedExpressDeployment, ResolvedScenario } from '../scenario/index.js';
import { checkClassEvents, checkFlowClasses } from './check-partitions.js';
import { estimateWork } from './work-estimate.js';

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

export function checkExpress(scenario: ResolvedScenario, d: ResolvedExpressDeployment, i: number, assumptions: ResolvedAssumptions): Problem[] {
  const maxBrokers = PROVISIONED_QUOTAS.brokersPerClusterKRaft.value;
  if (d.brokers > maxBrokers) {
    return [
      {
        path: ['deployments', i, 'brokers'],
        message: `${d.brokers} brokers exceed MSK's quota of ${maxBrokers} brokers per cluster`,
        fix: `use at most ${maxBrokers} brokers, or larger Express brokers`,
      },
    ];
  }
  const work = estimateWork(scenario, d, assumptions);
  const problems = [...checkFlowClasses(d, i, work), ...checkClassEvents(d, i, work)];
  const caps = expressBroker(d.brokerType);
  if (work.replicasPerBrokerMax > caps.partitionsMax) {
    const replicas = scenario.workload.topics.reduce((n, t) => n + t.partitions * 3, 0);
    problems.push({
      path: ['deployments', i, 'brokers'],
      message: `broker ${work.replicasBroker + 1} of ${d.name} holds ${count(work.replicasPerBrokerMax)} partition replicas (${count(replicas)} at RF 3 over ${d.brokers} brokers), over MSK's maximum of ${count(caps.partitionsMax)} per ${d.brokerType} broker`,
      fix: `use ${Math.ceil(work.replicasPerBrokerMax * d.brokers / caps.partitionsMax / 3) * 3} brokers or more, a larger Express broker, or fewer partitions`,
    });
  }
  return problems;
}
