import { describe, expect, it } from 'vitest';
import { allocateMaxMinFair, createAllocation, createScratch, type FlowNetwork } from '../../src/model/allocate.js';

interface FlowSpec {
  demand: number;
  multiplicity?: number;
  uses: [resource: number, coefficient: number][];
}

function network(capacity: number[], flows: FlowSpec[]): FlowNetwork {
  const useStart = new Int32Array(flows.length + 1);
  const resources: number[] = [];
  const coefficients: number[] = [];
  flows.forEach((flow, f) => {
    for (const [r, c] of flow.uses) {
      resources.push(r);
      coefficients.push(c);
    }
    useStart[f + 1] = resources.length;
  });
  return {
    flowCount: flows.length,
    resourceCount: capacity.length,
    demand: Float64Array.from(flows, (f) => f.demand),
    multiplicity: Float64Array.from(flows, (f) => f.multiplicity ?? 1),
    useStart,
    useResource: Int32Array.from(resources),
    useCoefficient: Float64Array.from(coefficients),
    capacity: Float64Array.from(capacity),
    capStart: new Int32Array(flows.length + 1),
    capFlow: new Int32Array(0),
  };
}

function allocate(net: FlowNetwork) {
  const out = createAllocation(net.flowCount, net.resourceCount);
  allocateMaxMinFair(net, out, createScratch(net.flowCount, net.resourceCount));
  return out;
}

describe('max-min fair allocation', () => {
  it('meets every demand when no resource is short', () => {
    const out = allocate(network([100], [{ demand: 30, uses: [[0, 1]] }, { demand: 50, uses: [[0, 1]] }]));
    expect(Array.from(out.rate)).toEqual([30, 50]);
    expect(Array.from(out.limitedBy)).toEqual([-1, -1]);
    expect(out.saturated[0]).toBe(0);
  });

  it('gives the small flow its demand and splits the rest (single link, worked by hand)', () => {
    // capacity 10, demands 2, 6, 8: level rises to 2 (flow 0 met, 6 used), then the
    // remaining 4 split evenly: flows 1 and 2 get 4 each.
    const out = allocate(
      network([10], [{ demand: 2, uses: [[0, 1]] }, { demand: 6, uses: [[0, 1]] }, { demand: 8, uses: [[0, 1]] }]),
    );
    expect(Array.from(out.rate)).toEqual([2, 4, 4]);
    expect(Array.from(out.limitedBy)).toEqual([-1, 0, 0]);
    expect(out.load[0]).toBeCloseTo(10, 12);
  });

  it('reproduces the two-link example of Bertsekas & Gallager §6.5.2', () => {
    // Links A (cap 1) and B (cap 1). Flow 0 crosses A and B, flow 1 only A, flow 2 only B,
    // flow 3 only B. Max-min: link B has three flows → 1/3 each; flow 1 then takes A's rest, 2/3.
    const out = allocate(
      network(
        [1, 1],
        [
          { demand: Infinity, uses: [[0, 1], [1, 1]] },
          { demand: Infinity, uses: [[0, 1]] },
          { demand: Infinity, uses: [[1, 1]] },
          { demand: Infinity, uses: [[1, 1]] },
        ],
      ),
    );
    expect(out.rate[0]).toBeCloseTo(1 / 3, 12);
    expect(out.rate[1]).toBeCloseTo(2 / 3, 12);
    expect(out.rate[2]).toBeCloseTo(1 / 3, 12);
    expect(out.rate[3]).toBeCloseTo(1 / 3, 12);
    expect(Array.from(out.limitedBy)).toEqual([1, 0, 1, 1]);
  });

  it('counts multiplicity and coefficients in the load', () => {
    // Five identical flows share a link of 100 with coefficient 2 → 10 each.
    const out = allocate(network([100], [{ demand: 50, multiplicity: 5, uses: [[0, 2]] }]));
    expect(out.rate[0]).toBeCloseTo(10, 12);
    expect(out.load[0]).toBeCloseTo(100, 9);
  });

  it('leaves zero-demand flows at zero and rejects unbounded flows on no resource', () => {
    const out = allocate(network([5], [{ demand: 0, uses: [[0, 1]] }, { demand: 9, uses: [[0, 1]] }]));
    expect(Array.from(out.rate)).toEqual([0, 5]);
    expect(() => allocate(network([5], [{ demand: Infinity, uses: [] }]))).toThrow(/unbounded/);
  });
});
