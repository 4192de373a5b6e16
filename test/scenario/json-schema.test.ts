import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/index.js';

type Json = Record<string, unknown> & { properties?: Record<string, Json>; items?: Json; required?: string[] };

const schema = scenarioJsonSchema() as Json;
const props = (node: Json | undefined): Record<string, Json> => node?.properties ?? {};
const topic = props(props(schema).workload).topics?.items;
const producer = props(topic).producers?.items;
const deployment = (props(schema).deployments?.items?.oneOf as Json[] | undefined)?.[0];

describe('scenario JSON Schema', () => {
  it('is a draft-07 schema of the top-level keys, with the required ones marked', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(Object.keys(props(schema))).toEqual(
      expect.arrayContaining(['name', 'seed', 'duration', 'region', 'pricing', 'workload', 'deployments', 'clients', 'assumptions', 'output']),
    );
    expect(schema.required).toEqual(['workload', 'deployments']);
  });

  it('disallows unknown keys at every object level', () => {
    expect(schema.additionalProperties).toBe(false);
    expect(topic?.additionalProperties).toBe(false);
    expect(producer?.additionalProperties).toBe(false);
    expect(deployment?.additionalProperties).toBe(false);
  });

  it('describes every field', () => {
    const undocumented: string[] = [];
    const walk = (node: Json, path: string) => {
      for (const [key, child] of Object.entries(props(node))) {
        if (typeof child.description !== 'string' && !Array.isArray(child.anyOf)) undocumented.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
        if (child.items) walk(child.items, `${path}.${key}[]`);
      }
    };
    walk(schema, '');
    expect(undocumented).toEqual([]);
  });

  it('gives unit fields a pattern, examples and their default as written', () => {
    const retention = props(topic).retention;
    expect(retention).toMatchObject({ type: 'string', default: '7d', examples: ['7d'] });
    const pattern = new RegExp(String(retention?.pattern));
    expect(['7d', '1h30m', '500ms'].every((s) => pattern.test(s))).toBe(true);
    expect(['7', '7days', '-1d'].some((s) => pattern.test(s))).toBe(false);
    const rate = new RegExp(String(props(producer).rate?.pattern));
    expect(['40MiB/s', '2000msg/s', '1GB/s'].every((s) => rate.test(s))).toBe(true);
    expect(rate.test('40MiB')).toBe(false);
  });

  it('lists the broker types and the deployment type', () => {
    expect(props(deployment).brokerType?.enum).toContain('kafka.m7g.16xlarge');
    expect(props(deployment).type?.const).toBe('provisioned');
  });
});
