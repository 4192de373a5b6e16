// Engine micro-benchmarks (tinybench). Every task checks the work it did — events popped,
// events dispatched, customers served — and throws on a mismatch, so a behaviour change can
// never pass as a speed-up (STYLE habit 11). The "rng" tasks are the measurement behind the
// choice of Tyche-i in src/engine/random.ts.
//
//   npm run bench
import seedrandom from 'seedrandom';
import { Bench } from 'tinybench';
import {
  EventQueue,
  FifoStation,
  RandomStreams,
  Simulator,
  exponential,
  type EventHandler,
  type Rng,
} from '../src/engine/index.js';

const HOLD_SIZE = 16_384;
const HOLD_OPERATIONS = 200_000;
const PHOLD_EVENTS = 200_000;
const MM1_CUSTOMERS = 100_000;
const RNG_DRAWS = 1_000_000;

function expectCount(task: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${task}: did ${actual} units of work, expected ${expected}`);
}

// The hold model (Jones 1986): a queue of HOLD_SIZE events; each operation pops the earliest
// and pushes one Exp(1) later, so the size stays constant.
function holdModel(cancelEvery: number): void {
  const rng = new RandomStreams(1).stream('hold');
  const queue = new EventQueue(HOLD_SIZE + 16);
  for (let i = 0; i < HOLD_SIZE; i++) queue.push(-Math.log(1 - rng.next()), 0, i);
  let popped = 0;
  for (let op = 0; op < HOLD_OPERATIONS; op++) {
    if (queue.pop()) popped++;
    const id = queue.push(queue.poppedTime - Math.log(1 - rng.next()), 0, op);
    // Cancel-and-replace, as a model does when a timer's deadline moves.
    if (cancelEvery > 0 && op % cancelEvery === 0 && queue.cancel(id)) queue.push(queue.poppedTime + 1, 0, op);
  }
  expectCount('hold', popped, HOLD_OPERATIONS);
  expectCount('hold size', queue.size, HOLD_SIZE);
}

class Phold implements EventHandler {
  kind = -1;

  constructor(
    private readonly lps: number,
    private readonly rng: Rng,
  ) {}

  handle(_lp: number, sim: Simulator): void {
    sim.schedule(sim.now - Math.log(1 - this.rng.next()), this.kind, Math.floor(this.rng.next() * this.lps));
  }
}

function phold(): void {
  const sim = new Simulator({ initialCapacity: 1024 * 16 + 16 });
  const rng = new RandomStreams(1).stream('phold');
  const handler = new Phold(1024, rng);
  handler.kind = sim.register(handler);
  for (let lp = 0; lp < 1024; lp++) for (let k = 0; k < 16; k++) sim.schedule(-Math.log(1 - rng.next()), handler.kind, lp);
  const outcome = sim.run({ maxEvents: PHOLD_EVENTS });
  expectCount('phold', outcome.events, PHOLD_EVENTS);
}

class PoissonArrivals implements EventHandler {
  private readonly kind: number;
  private issued = 0;

  constructor(
    sim: Simulator,
    private readonly station: FifoStation,
    private readonly gap: { sample(): number },
  ) {
    this.kind = sim.register(this);
    sim.scheduleAfter(gap.sample(), this.kind, 0);
  }

  handle(_target: number, sim: Simulator): void {
    this.station.arrive(this.issued++);
    if (this.issued < MM1_CUSTOMERS) sim.scheduleAfter(this.gap.sample(), this.kind, 0);
  }
}

function mm1(): void {
  const streams = new RandomStreams(1);
  const sim = new Simulator();
  const station = new FifoStation(sim, { name: 'mm1', servers: 1, service: exponential(streams.stream('service'), 1) });
  new PoissonArrivals(sim, station, exponential(streams.stream('arrivals'), 1.25));
  const outcome = sim.run();
  expectCount('mm1 events', outcome.events, 2 * MM1_CUSTOMERS);
  expectCount('mm1 served', station.served, MM1_CUSTOMERS);
}

// One loop per generator, written out: a shared loop would see several generators at one call
// site and measure V8's polymorphic dispatch instead of the generators.
function sumDraws(name: string, sum: number, n: number): void {
  expectCount(name, n, RNG_DRAWS);
  if (!(sum > 0)) throw new Error(`${name}: draws summed to ${sum}`);
}

function tycheiDraws(): void {
  const next = seedrandom.tychei('bench');
  let sum = 0;
  let n = 0;
  for (; n < RNG_DRAWS; n++) sum += next();
  sumDraws('tychei', sum, n);
}

function aleaDraws(): void {
  const next = seedrandom.alea('bench');
  let sum = 0;
  let n = 0;
  for (; n < RNG_DRAWS; n++) sum += next();
  sumDraws('alea', sum, n);
}

function xor4096Draws(): void {
  const next = seedrandom.xor4096('bench');
  let sum = 0;
  let n = 0;
  for (; n < RNG_DRAWS; n++) sum += next();
  sumDraws('xor4096', sum, n);
}

function streamDraws(): void {
  const rng = new RandomStreams(1).stream('bench');
  let sum = 0;
  let n = 0;
  for (; n < RNG_DRAWS; n++) sum += rng.next();
  sumDraws('stream', sum, n);
}

// Work units per run, so the table can show the cost of one unit next to tinybench's totals.
const TASKS: [name: string, units: number, fn: () => void][] = [
  [`queue: hold model, ${HOLD_SIZE} events, ${HOLD_OPERATIONS} pop+push`, HOLD_OPERATIONS, () => holdModel(0)],
  ['queue: hold model with cancel+replace every 10th', HOLD_OPERATIONS, () => holdModel(10)],
  [`simulator: PHOLD 1024×16, ${PHOLD_EVENTS} schedule+dispatch`, PHOLD_EVENTS, phold],
  [`station: M/M/1 ρ=0.8, ${MM1_CUSTOMERS} customers`, MM1_CUSTOMERS, mm1],
  [`rng: Tyche-i (chosen), ${RNG_DRAWS} draws`, RNG_DRAWS, tycheiDraws],
  [`rng: Alea, ${RNG_DRAWS} draws`, RNG_DRAWS, aleaDraws],
  [`rng: xor4096, ${RNG_DRAWS} draws`, RNG_DRAWS, xor4096Draws],
  [`rng: RandomStreams.stream() (Tyche-i), ${RNG_DRAWS} draws`, RNG_DRAWS, streamDraws],
];

const bench = new Bench({ name: 'msksim engine', time: 1000, iterations: 10, throws: true });
for (const [name, , fn] of TASKS) bench.add(name, fn);
await bench.run();
console.table(
  bench.table((task): Record<string, number | string> => {
    const units = TASKS.find(([name]) => name === task.name)?.[1] ?? NaN;
    if (!('latency' in task.result)) return { task: task.name, state: task.result.state };
    const { latency } = task.result;
    return {
      task: task.name,
      'ms per run (median)': Number(latency.p50.toFixed(2)),
      'ns per unit (median)': Number(((latency.p50 * 1e6) / units).toFixed(1)),
      'rme %': Number(latency.rme.toFixed(2)),
      samples: latency.samplesCount,
    };
  }),
);
