// A consumer group as written → ResolvedConsumerGroup. The mode may be left out when its
// settings block says it (`replay: {…}` alone means mode replay); settings for a different mode
// than the one named are an error rather than silently ignored.
import { checkRateMiBps, checkReplays } from './budgets.js';
import { DEFAULTS } from './defaults.js';
import { shownValue } from './display.js';
import type { PathSegments } from './errors.js';
import type { Problems } from './problem.js';
import type { ResolveContext } from './resolve-context.js';
import { rateToMiBps, valueOf } from './resolve-producer.js';
import type { RawConsumerGroup } from './schema-workload.js';
import type { ResolvedConsumerGroup, ResolvedConsumerMode } from './types.js';
import { parseDuration, parseSize, parseTimeOfDay } from './units.js';
import { SECONDS_PER_DAY as DAY_S } from '../units.js';


export function resolveConsumerGroup(
  raw: RawConsumerGroup,
  meanMessageBytes: number,
  path: PathSegments,
  problems: Problems,
  ctx: ResolveContext,
): ResolvedConsumerGroup | undefined {
  const mode = resolveMode(raw, meanMessageBytes, path, problems, ctx);
  if (mode === undefined) return undefined;
  return {
    name: raw.name,
    mode,
    rackAware: raw.rackAware ?? DEFAULTS.rackAware,
    instances: raw.instances ?? DEFAULTS.instances,
    fetchMinBytes: raw.fetchMinBytes ?? valueOf(parseSize(DEFAULTS.fetchMinBytes)),
    fetchMaxWaitS: raw.fetchMaxWait ?? valueOf(parseDuration(DEFAULTS.fetchMaxWait)),
  };
}

function resolveMode(
  raw: RawConsumerGroup,
  meanMessageBytes: number,
  path: PathSegments,
  problems: Problems,
  ctx: ResolveContext,
): ResolvedConsumerMode | undefined {
  const inferred = raw.replay !== undefined ? 'replay' : raw.lagging !== undefined ? 'lagging' : DEFAULTS.consumerMode;
  const mode = raw.mode ?? inferred;
  for (const block of ['lagging', 'replay'] as const) {
    if (raw[block] !== undefined && block !== mode) {
      problems.add([...path, block], `${block} settings are given but the mode is ${mode}`, `set mode: ${block}, or remove the ${block} block`, 'key');
      return undefined;
    }
  }
  if (mode === 'tail') return { kind: 'tail' };
  if (mode === 'lagging') {
    if (raw.lagging === undefined) {
      problems.add(path, 'mode lagging needs lagging.diskReadFraction', 'add lagging: { diskReadFraction: 0.3 }', 'missing');
      return undefined;
    }
    const f = raw.lagging.diskReadFraction;
    if (f < 0 || f > 1) {
      problems.add([...path, 'lagging', 'diskReadFraction'], `diskReadFraction ${f} is outside 0–1`, 'write a fraction such as 0.3, or 30%');
      return undefined;
    }
    return { kind: 'lagging', diskReadFraction: f };
  }
  const replay = raw.replay;
  if (replay === undefined) {
    problems.add(path, 'mode replay needs a replay block', 'add replay: { every: 24h, at: 02:00, rewind: 6h, rate: 100MiB/s }', 'missing');
    return undefined;
  }
  const before = problems.count;
  const replayPath = [...path, 'replay'];
  if (replay.every !== undefined && replay.every <= 0) problems.add([...replayPath, 'every'], 'every must be longer than 0s', 'write e.g. 24h, or remove it for a single replay');
  if (replay.rewind <= 0) problems.add([...replayPath, 'rewind'], 'rewind must be longer than 0s', 'write e.g. 6h');
  const rateMiBps = rateToMiBps(replay.rate, meanMessageBytes);
  if (rateMiBps <= 0) problems.add([...replayPath, 'rate'], 'the replay rate must be greater than 0', 'write e.g. 100MiB/s');
  else checkRateMiBps(rateMiBps, meanMessageBytes, [...replayPath, 'rate'], problems);
  const firstStartS = firstReplayS(replay.at ?? DEFAULTS.replayAt, ctx.startEpochS);
  if (firstStartS === undefined) {
    problems.add([...replayPath, 'at'], `at ${shownValue(replay.at)} is neither a time of day nor a duration`, 'write a UTC time of day such as "02:00", or a time after the start such as 6h');
  }
  if (replay.every !== undefined && replay.every > 0 && firstStartS !== undefined) checkReplays(replay.every, firstStartS, ctx.durationS, replayPath, problems);
  if (problems.count > before || firstStartS === undefined) return undefined;
  return { kind: 'replay', firstStartS, everyS: replay.every ?? null, rewindS: replay.rewind, rateMiBps };
}

/** "02:00" → the first 02:00 UTC at or after simulation time 0; "6h" → 6 h after it. */
function firstReplayS(at: unknown, startEpochS: number): number | undefined {
  const timeOfDayS = parseTimeOfDay(at);
  if (timeOfDayS !== undefined) {
    const startOfDayS = ((startEpochS % DAY_S) + DAY_S) % DAY_S;
    return (timeOfDayS - startOfDayS + DAY_S) % DAY_S;
  }
  const after = parseDuration(at);
  return after.ok ? after.value : undefined;
}
