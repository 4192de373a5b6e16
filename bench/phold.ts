// PHOLD (Fujimoto 1990) on the engine, exactly as /work/shared/reference/phold/phold.c: LPS
// logical processes start with POPULATION events each at Exp(1); handling an event counts it
// at its process and schedules one event at a uniformly random process, now + Exp(1).
// Exercises only the kernel: queue, clock, dispatch and random draws.
//
//   npm run --silent bench:phold -- --lps 1024 --population 16 --events 10000000 --seed 1
//
// Prints one JSON line; exits 1 if the run did not process exactly EVENTS events, so a
// behaviour change cannot pass as a speed-up (STYLE habit 11).
import { parseArgs } from 'node:util';
import { RandomStreams, Simulator, type EventHandler, type Rng } from '../src/engine/index.js';

interface PholdOptions {
  lps: number;
  population: number;
  events: number;
  seed: number;
}

class LogicalProcesses implements EventHandler {
  readonly counts: Float64Array;
  kind = -1;

  constructor(
    private readonly lps: number,
    private readonly rng: Rng,
  ) {
    this.counts = new Float64Array(lps);
  }

  handle(lp: number, sim: Simulator): void {
    this.counts[lp]!++;
    const delay = -Math.log(1 - this.rng.next());
    sim.schedule(sim.now + delay, this.kind, Math.floor(this.rng.next() * this.lps));
  }
}

function parseOptions(argv: string[]): PholdOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      lps: { type: 'string', default: '1024' },
      population: { type: 'string', default: '16' },
      events: { type: 'string', default: '10000000' },
      seed: { type: 'string', default: '1' },
    },
  });
  const int = (name: keyof PholdOptions, min: number): number => {
    const text = values[name];
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`--${name} must be an integer ≥ ${min}, got ${text}`);
    return n;
  };
  return { lps: int('lps', 1), population: int('population', 1), events: int('events', 0), seed: int('seed', 0) };
}

// FNV-1a, 64-bit (Fowler, Noll & Vo): over every process's count as two little-endian 32-bit
// words, then the bits of the final simulated time.
function checksum(counts: Float64Array, simTime: number): string {
  const bytes = new DataView(new ArrayBuffer(8 * counts.length + 8));
  counts.forEach((c, i) => {
    bytes.setUint32(8 * i, c % 2 ** 32, true);
    bytes.setUint32(8 * i + 4, Math.floor(c / 2 ** 32), true);
  });
  bytes.setFloat64(8 * counts.length, simTime, true);
  const prime = 0x100000001b3n;
  const mask = (1n << 64n) - 1n;
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < bytes.byteLength; i++) hash = ((hash ^ BigInt(bytes.getUint8(i))) * prime) & mask;
  return hash.toString(16).padStart(16, '0');
}

function main(argv: string[]): number {
  let options: PholdOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`bench:phold: ${(error as Error).message}\n`);
    return 2;
  }
  const { lps, population, events, seed } = options;
  const sim = new Simulator({ initialCapacity: lps * population + 16 });
  const rng = new RandomStreams(seed).stream('phold');
  const processes = new LogicalProcesses(lps, rng);
  processes.kind = sim.register(processes);

  const start = performance.now();
  for (let lp = 0; lp < lps; lp++) {
    for (let k = 0; k < population; k++) sim.schedule(-Math.log(1 - rng.next()), processes.kind, lp);
  }
  const outcome = sim.run({ maxEvents: events });
  const seconds = (performance.now() - start) / 1000;

  if (outcome.events !== events) {
    process.stderr.write(`bench:phold: processed ${outcome.events} events, expected ${events} (${outcome.state})\n`);
    return 1;
  }
  const line = {
    events: outcome.events,
    seconds: Number(seconds.toFixed(4)),
    eventsPerSecond: Math.round(events / seconds),
    simTime: outcome.now,
    checksum: checksum(processes.counts, outcome.now),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
