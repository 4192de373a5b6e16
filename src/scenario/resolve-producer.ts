// A producer as written → ResolvedProducer: exactly one of rate or trace, msg/s turned into
// MiB/s with the topic's mean message size, the profile as a list of factors, the trace read
// through the injected reader and parsed.
import { checkRateMiBps, checkSpikes } from './budgets.js';
import { DEFAULTS } from './defaults.js';
import { quoted } from './display.js';
import type { PathSegments } from './errors.js';
import { MAX_GROWTH_PER_MONTH, MAX_RATE_BYTES_PER_S, PRODUCER_REQUEST_TIMEOUT_S } from './limits.js';
import type { Problems } from './problem.js';
import type { ResolveContext } from './resolve-context.js';
import type { RawProducer, RawProfileFactor, RawTrace } from './schema-workload.js';
import { suggest } from './suggest.js';
import { parseTrace } from './trace.js';
import type { ResolvedLoad, ResolvedProducer, ResolvedProfileFactor } from './types.js';
import { BYTES_PER_MIB, parseDuration, parseRate, parseSize, RATE_UNITS, type Rate } from './units.js';

export function resolveProducer(
  raw: RawProducer,
  meanMessageBytes: number,
  path: PathSegments,
  problems: Problems,
  ctx: ResolveContext,
): ResolvedProducer | undefined {
  const load = resolveLoad(raw, meanMessageBytes, path, problems, ctx);
  const profile = resolveProfile(raw.profile, [...path, 'profile'], problems, ctx.durationS);
  const lingerS = raw.linger ?? valueOf(parseDuration(DEFAULTS.linger));
  const deliveryTimeoutS = raw.deliveryTimeout ?? valueOf(parseDuration(DEFAULTS.deliveryTimeout));
  if (deliveryTimeoutS < lingerS + PRODUCER_REQUEST_TIMEOUT_S) {
    // Kafka's ProducerConfig refuses this combination at start-up (KIP-91).
    const floor = Math.ceil(lingerS + PRODUCER_REQUEST_TIMEOUT_S);
    problems.add(
      [...path, raw.deliveryTimeout === undefined ? 'linger' : 'deliveryTimeout'],
      `deliveryTimeout (${deliveryTimeoutS}s) must be at least linger (${lingerS}s) + request.timeout.ms (${PRODUCER_REQUEST_TIMEOUT_S}s): Kafka's producer refuses to start otherwise`,
      raw.deliveryTimeout === undefined ? `write a shorter linger, or deliveryTimeout: ${floor}s or more` : `write deliveryTimeout: ${floor}s or more`,
    );
    return undefined;
  }
  if (load === undefined || profile === undefined) return undefined;
  return {
    load,
    profile,
    instances: raw.instances ?? DEFAULTS.instances,
    acks: raw.acks ?? DEFAULTS.acks,
    batchSizeBytes: raw.batchSize ?? valueOf(parseSize(DEFAULTS.batchSize)),
    lingerS,
    bufferMemoryBytes: raw.bufferMemory ?? valueOf(parseSize(DEFAULTS.bufferMemory)),
    deliveryTimeoutS,
    keyed: raw.keyed ?? DEFAULTS.keyed,
    maxInFlight: raw.maxInFlight ?? DEFAULTS.maxInFlight,
  };
}

/** Bytes/s or messages/s → MiB/s. */
export function rateToMiBps(rate: Rate, meanMessageBytes: number): number {
  return rate.kind === 'bytes' ? rate.bytesPerS / BYTES_PER_MIB : (rate.perS * meanMessageBytes) / BYTES_PER_MIB;
}

function resolveLoad(
  raw: RawProducer,
  meanMessageBytes: number,
  path: PathSegments,
  problems: Problems,
  ctx: ResolveContext,
): ResolvedLoad | undefined {
  if (raw.rate !== undefined && raw.trace !== undefined) {
    problems.add([...path, 'trace'], 'a producer takes either rate or trace, not both', 'remove one of them (a trace can be scaled with a constant profile factor)', 'key');
    return undefined;
  }
  if (raw.rate !== undefined) {
    const rateMiBps = rateToMiBps(raw.rate, meanMessageBytes);
    return checkRateMiBps(rateMiBps, meanMessageBytes, [...path, 'rate'], problems) ? { kind: 'rate', rateMiBps } : undefined;
  }
  if (raw.trace !== undefined) return resolveTrace(raw.trace, meanMessageBytes, [...path, 'trace'], problems, ctx);
  problems.add(path, 'a producer needs a rate or a trace', 'add rate: 40MiB/s (or 2000msg/s), or a trace: { file: …, unit: B/s }', 'missing');
  return undefined;
}

function resolveTrace(
  raw: RawTrace,
  meanMessageBytes: number,
  path: PathSegments,
  problems: Problems,
  ctx: ResolveContext,
): ResolvedLoad | undefined {
  const unit = parseRate(`1${raw.unit}`, 'trace unit', '1MiB/s');
  if (!unit.ok) {
    // A size unit ("MiB") is the usual slip: the rate is that per second.
    const near = RATE_UNITS.includes(`${raw.unit}/s`) ? `${raw.unit}/s` : suggest(raw.unit, RATE_UNITS);
    problems.add([...path, 'unit'], `${quoted(raw.unit)} is not a rate unit`, near ? `write ${near}` : `write one of ${RATE_UNITS.join(', ')}`);
    return undefined;
  }
  const read = ctx.readTrace(raw.file);
  if (!read.ok) {
    problems.add([...path, 'file'], `cannot read trace file ${read.name}: ${read.message}`, read.fix ?? 'check the path (relative to the scenario file)');
    return undefined;
  }
  const parsed = parseTrace(read.text, {
    timeColumn: raw.timeColumn ?? DEFAULTS.traceTimeColumn,
    valueColumn: raw.valueColumn ?? DEFAULTS.traceValueColumn,
    toMiBps: rateToMiBps(unit.value, meanMessageBytes),
    maxMiBps: MAX_RATE_BYTES_PER_S / BYTES_PER_MIB,
  });
  if (!parsed.ok) {
    for (const p of parsed.problems) {
      problems.list.push({ path: [...path, 'file'], message: p.message, fix: p.fix, file: { name: read.name, line: p.line, column: p.column } });
    }
    return undefined;
  }
  return {
    kind: 'trace',
    file: raw.file,
    points: parsed.points,
    durationS: parsed.durationS,
    interpolation: raw.interpolation ?? DEFAULTS.traceInterpolation,
    afterEnd: raw.afterEnd ?? DEFAULTS.traceAfterEnd,
  };
}

function resolveProfile(
  raw: RawProfileFactor | RawProfileFactor[] | undefined,
  path: PathSegments,
  problems: Problems,
  durationS: number,
): ResolvedProfileFactor[] | undefined {
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  const before = problems.count;
  const factors = list.map((factor, i) => resolveFactor(factor, Array.isArray(raw) ? [...path, i] : path, problems, durationS));
  return problems.count > before ? undefined : factors;
}

function resolveFactor(raw: RawProfileFactor, path: PathSegments, problems: Problems, durationS: number): ResolvedProfileFactor {
  switch (raw.type) {
    case 'constant':
      return { type: 'constant', factor: raw.factor ?? 1 };
    case 'diurnal':
      return { type: 'diurnal', peakToMean: raw.peakToMean, peakHourUtc: raw.peakHour };
    case 'weekly':
      return { type: 'weekly', weekendFactor: raw.weekendFactor };
    case 'spikes':
      if (raw.duration <= 0) problems.add([...path, 'duration'], 'a spike must last longer than 0s', 'write e.g. 10m');
      checkSpikes(raw.perDay, durationS, path, problems);
      return { type: 'spikes', perDay: raw.perDay, factor: raw.factor, durationS: raw.duration };
    case 'growth':
      if (raw.perMonth <= -1) problems.add([...path, 'perMonth'], 'growth must be greater than -100% per month', 'write e.g. 5% or -10%');
      if (raw.perMonth > MAX_GROWTH_PER_MONTH) {
        problems.add([...path, 'perMonth'], `growth above msksim's limit of ${MAX_GROWTH_PER_MONTH * 100}% per month`, `write at most ${MAX_GROWTH_PER_MONTH * 100}%`);
      }
      return { type: 'growth', perMonthFraction: raw.perMonth };
    case 'steps': {
      const steps = raw.steps.map((s) => ({ atS: s.at, factor: s.factor }));
      steps.forEach((step, i) => {
        const previous = steps[i - 1];
        if (previous !== undefined && step.atS <= previous.atS) {
          problems.add([...path, 'steps', i, 'at'], 'steps must be in strictly increasing time', 'sort the steps by at and remove duplicates');
        }
      });
      return { type: 'steps', steps };
    }
  }
}

/** Defaults are constants that parse; a failure here is a bug in defaults.ts. */
export function valueOf<T>(parsed: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!parsed.ok) throw new Error(`msksim default does not parse: ${parsed.message}`);
  return parsed.value;
}
