import { describe, expect, it } from 'vitest';
import { parseTrace } from '../../src/scenario/trace.js';

const spec = { timeColumn: 'timestamp', valueColumn: 'value', toMiBps: 1 };

describe('parseTrace', () => {
  it('makes times relative to the first row and scales values', () => {
    const csv = 'timestamp,value\n2024-01-01T00:00:00Z,2\n2024-01-01T00:05:00Z,4\n';
    expect(parseTrace(csv, { ...spec, toMiBps: 0.5 })).toEqual({
      ok: true,
      points: [
        { timeS: 0, rateMiBps: 1 },
        { timeS: 300, rateMiBps: 2 },
      ],
      durationS: 600,
    });
  });

  it('reads epoch seconds, other column names and order, comments and blank lines', () => {
    const csv = '# exported from CloudWatch\nvalue,time\n\n10,1704067200\n20,1704067260\n30,1704067320\n';
    const result = parseTrace(csv, { ...spec, timeColumn: 'time' });
    expect(result.ok && result.points.map((p) => [p.timeS, p.rateMiBps])).toEqual([[0, 10], [60, 20], [120, 30]]);
  });

  it('reads ISO times without a zone as UTC', () => {
    const csv = 'timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 01:00:00,1\n';
    expect(parseTrace(csv, spec)).toMatchObject({ ok: true, durationS: 7200 });
  });

  it('reports every bad row with its line and column', () => {
    const csv = 'timestamp,value\n0,1\n60,x\nlater,3\n30,4\n';
    expect(parseTrace(csv, spec)).toEqual({
      ok: false,
      problems: [
        { line: 3, column: 4, message: '"x" is not a number', fix: 'write a plain number (the unit is set by trace.unit)' },
        { line: 4, column: 1, message: '"later" is not a time', fix: 'write an ISO-8601 time (2024-01-01T00:00:00Z) or epoch seconds' },
        { line: 5, column: 1, message: 'time is not after the previous row', fix: 'sort the rows by time and remove duplicate times' },
      ],
    });
  });

  it('needs at least two data rows', () => {
    expect(parseTrace('timestamp,value\n0,1\n', spec)).toEqual({
      ok: false,
      problems: [{ line: 1, column: 1, message: 'a trace needs at least 2 data rows, found 1', fix: 'add rows' }],
    });
  });

  it('names a missing column and lists the header', () => {
    expect(parseTrace('time,bytes\n0,1\n1,2\n', spec)).toMatchObject({
      ok: false,
      problems: [
        { line: 1, message: 'no column "timestamp" in the header (time, bytes)', fix: "set trace.timeColumn to one of the header's columns" },
        { line: 1, message: 'no column "value" in the header (time, bytes)', fix: "set trace.valueColumn to one of the header's columns" },
      ],
    });
  });

  it('rejects negative rates and epoch milliseconds', () => {
    const result = parseTrace('timestamp,value\n1704067200000,1\n1704067260,-1\n', spec);
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual(['time 1704067200000 looks like epoch milliseconds', 'rate -1 is negative']);
  });

  it('reports broken quoting as a CSV error', () => {
    expect(parseTrace('timestamp,value\n"0,1\n', spec)).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/^not valid CSV/) }] });
  });
});
