// The headline (binding constraint) never says "nothing limited throughput" while something did:
// brokers down with full disks, partitions refusing produce, a resource throttling a flow.
import { describe, expect, it } from 'vitest';
import { bindingConstraint } from '../../src/run/binding.js';
import { simulateCluster } from '../../src/model/run-cluster.js';
import { bindingSentence } from '../../src/report/wording.js';
import { broker, config, flat, topic } from '../model/fixtures.js';

describe('the binding constraint', () => {
  it('names brokers that went down with full disks, before anything else', () => {
    // 3 brokers, RF 3, 10 MiB/s on 100 GiB disks: every disk fills at 102,400 / 10 = 10,240 s.
    const run = simulateCluster(config({ brokers: 3, durationS: 20_000, broker: broker({ storageGiB: 100 }), topics: [topic(10, { groups: 1 })] }));
    const binding = bindingConstraint(run, null);
    expect(binding.primary).toMatchObject({ kind: 'brokers-down', bound: true, brokers: [1, 2, 3], cause: 'disk-full' });
    expect(binding.primary.kind === 'brokers-down' && binding.primary.timeS).toBeCloseTo(10_240, 6);
    const sentence = bindingSentence(binding, 0);
    expect(sentence).not.toMatch(/Nothing limited/);
    expect(sentence).toMatch(/Brokers 1, 2, 3 went down with a full disk/);
    expect(binding.also.map((c) => c.kind)).toContain('unavailable');
  });

  it('names the resource that throttled, where and when', () => {
    // Network out of 50 MiB/s against (2 followers + 1 group) × 20 MiB/s led per broker.
    const run = simulateCluster(
      config({ brokers: 3, durationS: 3600, broker: broker({ networkOutMiBps: flat(50) }), topics: [topic(60, { groups: 1 })] }),
    );
    const binding = bindingConstraint(run, null);
    expect(binding.primary).toMatchObject({ kind: 'throttled', resource: 'network out' });
    const started = run.timeline.filter((e) => e.kind === 'throttling-started').length;
    expect(started).toBeGreaterThan(0);
    expect(bindingSentence(binding, 0)).toMatch(/^Network out on broker \d at 00:00 on day 1 limited/);
  });

  it('says nothing limited only when nothing did, naming the closest resource', () => {
    const run = simulateCluster(config({ brokers: 3, durationS: 3600, topics: [topic(10, { groups: 1 })] }));
    const binding = bindingConstraint(run, null);
    expect(binding.primary.kind).toBe('none');
    expect(bindingSentence(binding, 0)).toMatch(/^Nothing limited throughput\. Closest to its limit: /);
  });

  it('reports the end of throttling when the load drops', () => {
    const t = topic(60, { groups: 1 });
    const run = simulateCluster(
      config({
        brokers: 3,
        durationS: 7200,
        broker: broker({ networkOutMiBps: flat(50) }),
        topics: [{ ...t, producers: [{ ...t.producers[0]!, profile: [{ type: 'steps', steps: [{ atS: 1800, factor: 0.1 }] }] }] }],
      }),
    );
    const started = run.timeline.filter((e) => e.kind === 'throttling-started');
    const ended = run.timeline.filter((e) => e.kind === 'throttling-ended');
    expect(started.length).toBeGreaterThan(0);
    expect(ended).toHaveLength(started.length);
    for (const e of ended) expect(e.timeS).toBeGreaterThanOrEqual(1800);
  });
});
