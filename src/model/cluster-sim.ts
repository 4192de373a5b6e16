// The provisioned-cluster simulation (DESIGN §3): byte rates through broker resources, with
// discrete events only where something changes — a workload breakpoint, a retention breakpoint,
// a replay, a storage action — and at state crossings computed in closed form from the current
// rates: a credit bucket empties, a backlog or lag clears, a lagging group reaches the log start,
// a disk crosses a threshold. Between events every rate is constant and every level linear.
import { Simulator, RandomStreams, type EventHandler } from '../engine/index.js';
import { allocateMaxMinFair, createAllocation, createScratch, type Allocation, type AllocationScratch } from './allocate.js';
import { advanceBucket, bucketCapacity, bucketRate } from './buckets.js';
import type { BucketSpec, ModelConfig } from './config.js';
import { secondsToNextCrossing } from './crossings.js';
import { Disks, type DiskEvents } from './disks.js';
import { RateHistory } from './history.js';
import { buildFlows, carryBacklog, EBS, FETCH, PRODUCE, RESOURCES_PER_BROKER, partitionClasses, type Flows, type PartitionClass } from './network.js';
import { LatencyRecorder, type LatencyReport } from './latency-recorder.js';
import { Recorder } from './recorder.js';
import { TopicLoad } from './topic-load.js';

const EPS = 1e-9;
const MIB_PER_GIB = 1024;

const enum Ev {
  Workload,
  Retention,
  Crossing,
  Replay,
  StorageCheck,
  Recompute,
}

export class ClusterSimulation {
  readonly sim = new Simulator();
  readonly classes: PartitionClass[];
  flows: Flows;
  alloc: Allocation;
  private scratch: AllocationScratch;
  readonly recorder: Recorder;
  private readonly latency: LatencyRecorder | null;
  latencyReport: LatencyReport | null = null;
  /** Counts full allocations; a deletion-only update leaves it (and every rate) as it was. */
  allocationVersion = 0;

  /** Per flow, per partition: bytes waiting (producer backlog, follower lag, consumer lag), MiB. */
  backlog: Float64Array;
  baseDemand: Float64Array;
  /** Per class, per partition: stored MiB, and its current append and delete rates. */
  readonly stored: Float64Array;
  readonly appendRate: Float64Array;
  readonly deleteRate: Float64Array;
  private readonly history: RateHistory[];
  /** Per topic: demand (compressed bytes) over time. */
  readonly load: TopicLoad;
  /** Per resource (broker × 4): credit level and its spec. */
  readonly level: Float64Array;
  readonly bucketSpec: BucketSpec[];
  capacity: Float64Array;
  /** Per broker. */
  readonly disks: Disks;
  private readonly diskEvents: DiskEvents;
  private readonly brokerWriteDemandMiBps: Float64Array;
  readonly alive: Uint8Array;
  /** Integrals for conservation and the bill, MiB. */
  producedMiB = 0;
  deletedMiB = 0;
  lostMiB = 0;
  /** Bytes already stored at t = 0 by a warm start. */
  initialStoredMiB = 0;
  private lastS = 0;
  private crossingEvent = -1;
  private recomputeAtS = -1;
  private rapidCrossings = 0;
  private recomputeFull = false;
  private readonly retentionScheduledS: Float64Array;
  private readonly retentionCap: Float64Array;
  private readonly kinds: number[] = [];

  constructor(readonly config: ModelConfig) {
    const streams = new RandomStreams(config.seed);
    this.classes = partitionClasses(config, streams.stream('placement'));
    const brokers = config.brokers;
    this.alive = new Uint8Array(brokers).fill(1);
    this.flows = buildFlows(config, this.classes, this.alive);
    this.alloc = createAllocation(this.flows.net.flowCount, this.flows.net.resourceCount);
    this.scratch = createScratch(this.flows.net.flowCount, this.flows.net.resourceCount);
    this.backlog = new Float64Array(this.flows.net.flowCount);
    this.baseDemand = new Float64Array(this.flows.net.flowCount);
    const classCount = this.classes.length;
    this.stored = new Float64Array(classCount);
    this.appendRate = new Float64Array(classCount);
    this.deleteRate = new Float64Array(classCount);
    this.history = this.classes.map(() => new RateHistory());
    this.level = new Float64Array(brokers * RESOURCES_PER_BROKER);
    this.capacity = this.flows.net.capacity;
    const b = config.broker;
    this.bucketSpec = [];
    for (let i = 0; i < brokers; i++) this.bucketSpec.push(b.networkInMiBps, b.networkOutMiBps, b.ebsMiBps, b.cpuCores);
    for (let r = 0; r < this.level.length; r++) this.level[r] = this.bucketSpec[r]!.size * config.initialCreditFraction;
    this.disks = new Disks(brokers, b.storageGiB, config.diskAlarmFraction, config.autoExpand);
    this.diskEvents = {
      alarm: (broker, now) => this.recorder.diskAlarm(broker, now),
      expanded: (broker, now, from, to) => this.recorder.expanded(broker, now, from, to),
      full: (broker, now) => this.takeDown(broker, now),
      checkAt: (atS) => {
        if (atS < this.config.durationS) this.sim.schedule(atS, this.kinds[Ev.StorageCheck]!, 0);
      },
    };
    this.brokerWriteDemandMiBps = new Float64Array(brokers);
    this.retentionScheduledS = new Float64Array(config.topics.length).fill(-Infinity);

    this.load = new TopicLoad(config, streams.stream('workload'));
    this.retentionCap = Float64Array.from(this.classes, (cls) => {
      const gib = config.topics[cls.topic]!.retentionGiBPerPartition;
      return gib === null ? Infinity : gib * MIB_PER_GIB;
    });
    this.recorder = new Recorder(this);
    const l = config.latency;
    this.latency =
      l === null ? null : new LatencyRecorder(this, l.params, l.saturatedUtilization, l.estimate, l.windows, streams.stream('latency-estimate'), streams.stream('latency-request-level'));

    for (const kind of [Ev.Workload, Ev.Retention, Ev.Crossing, Ev.Replay, Ev.StorageCheck, Ev.Recompute]) {
      const handler: EventHandler = { handle: (target) => this.onEvent(kind, target) };
      this.kinds[kind] = this.sim.register(handler);
    }
  }

  run(): void {
    this.initialise();
    this.recompute();
    const outcome = this.sim.run({ until: this.config.durationS, maxEvents: 50_000_000 });
    if (outcome.state === 'event-limit') throw new Error('cluster simulation: event limit reached (a bug: events should grow with workload changes)');
    this.advance(this.config.durationS);
    this.latencyReport = this.latency?.finish(this.config.durationS) ?? null;
    this.checkConservation();
  }

  /**
   * Bytes are conserved (STYLE habit 3): what was stored at the start plus what producers sent
   * equals what is stored, what retention deleted and what still waits in producer backlogs.
   */
  private checkConservation(): void {
    const inflow = this.initialStoredMiB + this.producedMiB;
    const outflow = this.storedMiB() + this.deletedMiB + this.producerBacklogMiB();
    if (Math.abs(inflow - outflow) > 1e-6 * Math.max(1, inflow)) {
      throw new Error(`invariant: bytes not conserved (in ${inflow} MiB, accounted ${outflow} MiB; seed ${this.config.seed})`);
    }
  }

  get eventsProcessed(): number {
    return this.sim.eventsProcessed;
  }

  private initialise(): void {
    this.load.update(0);
    const topics = this.config.topics;
    // Warm start: every partition already holds one retention period of data appended at the
    // (unthrottled) demand of that period.
    this.classes.forEach((cls, c) => {
      const rates = this.load.rates[cls.topic]!;
      const history = this.history[c]!;
      if (!this.config.warmStart) return;
      const retention = topics[cls.topic]!.retentionS;
      let stored = 0;
      for (let i = 0; i < rates.timesS.length && rates.timesS[i]! < 0; i++) {
        const end = Math.min(0, i + 1 < rates.timesS.length ? rates.timesS[i + 1]! : 0);
        const rate = rates.rateMiBps[i]! * cls.share;
        history.record(rates.timesS[i]!, rate);
        stored += rate * (end - rates.timesS[i]!);
        this.scheduleRetention(cls.topic, rates.timesS[i]! + retention);
      }
      this.stored[c] = Math.min(stored, this.retentionCapMiB(c));
      this.initialStoredMiB += this.stored[c]! * cls.count;
    });
    this.scheduleNextBreakpoint();
    this.scheduleReplays();
  }

  private onEvent(kind: Ev, target: number): void {
    const now = this.sim.now;
    if (kind === Ev.Recompute) {
      this.recomputeAtS = -1;
      if (this.recomputeFull) this.recompute();
      else {
        // Only deletion rates changed (data aged out); the allocation stands.
        this.updateDeleteRates(now);
        this.afterRates(now);
      }
      this.recomputeFull = false;
      return;
    }
    this.advance(now);
    this.refreshBrokerStorage();
    if (this.disks.check(now, this.alive, this.diskEvents)) this.recomputeFull = true;
    switch (kind) {
      case Ev.Workload:
        this.load.update(now);
        this.scheduleNextBreakpoint();
        break;
      case Ev.Replay:
        this.startReplay(target);
        break;
      case Ev.Crossing:
        this.crossingEvent = -1;
        break;
      case Ev.Retention:
      case Ev.StorageCheck:
        break;
    }
    if (kind !== Ev.Retention) this.recomputeFull = true;
    // Events at one instant (a breakpoint and a retention step, say) share one recomputation:
    // it runs after them, as same-time events run in scheduling order.
    if (this.recomputeAtS !== now) {
      this.recomputeAtS = now;
      this.sim.schedule(now, this.kinds[Ev.Recompute]!, 0);
    }
  }


  private scheduleNextBreakpoint(): void {
    const next = this.load.nextBreakpoint();
    if (next !== null) this.sim.schedule(next, this.kinds[Ev.Workload]!, 0);
  }

  private scheduleRetention(topic: number, atS: number): void {
    if (atS <= this.retentionScheduledS[topic]! || atS >= this.config.durationS || atS < this.sim.now) return;
    this.retentionScheduledS[topic] = atS;
    this.sim.schedule(atS, this.kinds[Ev.Retention]!, topic);
  }

  private scheduleReplays(): void {
    this.config.topics.forEach((topic, t) => {
      topic.consumerGroups.forEach((group, g) => {
        if (group.mode.kind !== 'replay') return;
        for (let at = group.mode.firstStartS; at < this.config.durationS; at += group.mode.everyS ?? Infinity) {
          this.sim.schedule(at, this.kinds[Ev.Replay]!, t * 65536 + g);
          if (group.mode.everyS === null) break;
        }
      });
    });
  }

  /** A replay rewinds the group by `rewindS` of appended data on every partition it reads. */
  private startReplay(target: number): void {
    const topic = Math.floor(target / 65536);
    const group = target % 65536;
    const mode = this.config.topics[topic]!.consumerGroups[group]!.mode;
    if (mode.kind !== 'replay') return;
    const f = this.flows;
    for (let i = 0; i < f.net.flowCount; i++) {
      if (f.kind[i] !== FETCH || f.group[i] !== group || this.classes[f.klass[i]!]!.topic !== topic) continue;
      const c = f.klass[i]!;
      const rewound = Math.min(this.stored[c]!, this.appendRate[c]! * mode.rewindS) * f.fraction[i]!;
      this.backlog[i] = Math.max(this.backlog[i]!, rewound);
    }
  }

  /** `retention.bytes` of class c's partitions in MiB, or Infinity. */
  retentionCapMiB(c: number): number {
    return this.retentionCap[c]!;
  }

  /** Sets demands and capacities from the state, allocates, and schedules the next crossing. */
  recompute(): void {
    const f = this.flows;
    const net = f.net;
    const now = this.sim.now;
    for (let r = 0; r < this.capacity.length; r++) {
      const broker = Math.floor(r / RESOURCES_PER_BROKER);
      if (this.alive[broker] === 0) {
        this.capacity[r] = 0;
        continue;
      }
      const cap = bucketCapacity(this.bucketSpec[r]!, this.level[r]!);
      this.capacity[r] = r % RESOURCES_PER_BROKER === EBS ? Math.min(cap, this.config.broker.volumeThroughputMiBps) : cap;
    }
    // Produce demand first; replication and fetch demand follow the produce rate actually
    // allocated, so allocate, update the followers' demand, and allocate again until stable.
    for (let i = 0; i < net.flowCount; i++) {
      if (f.kind[i] === PRODUCE) {
        const cls = this.classes[f.klass[i]!]!;
        this.baseDemand[i] = this.load.now[cls.topic]! * cls.share;
      }
    }
    this.refreshWriteDemand();
    this.setFollowerDemand(true);
    for (let iteration = 0; iteration < 8; iteration++) {
      this.setDemand();
      allocateMaxMinFair(net, this.alloc, this.scratch);
      if (!this.setFollowerDemand(false)) break;
    }
    this.allocationVersion++;
    const rate = this.alloc.rate;
    for (let i = 0; i < net.flowCount; i++) {
      if (f.kind[i] !== PRODUCE) continue;
      const c = f.klass[i]!;
      this.appendRate[c] = rate[i]!;
      this.history[c]!.record(now, rate[i]!);
      this.scheduleRetention(this.classes[c]!.topic, now + this.config.topics[this.classes[c]!.topic]!.retentionS);
    }
    this.updateDeleteRates(now);
    this.afterRates(now);
  }

  private afterRates(now: number): void {
    this.refreshBrokerStorage();
    this.recorder.rates(now);
    this.latency?.rates(now, this.recorder.lastBucketEmptyS === now);
    this.scheduleCrossing(now);
    if (this.config.verify) this.verify();
  }

  private refreshBrokerStorage(): void {
    this.disks.refresh(this.classes, this.stored, this.appendRate, this.deleteRate);
  }

  /** Replication and fetch base demand = the produce flow's rate × fraction. Returns whether any changed. */
  private setFollowerDemand(fromDemand: boolean): boolean {
    const f = this.flows;
    let changed = false;
    for (let i = 0; i < f.net.flowCount; i++) {
      if (f.kind[i] === PRODUCE) continue;
      const src = f.source[i]!;
      const next = (fromDemand ? this.baseDemand[src]! : this.alloc.rate[src]!) * f.fraction[i]!;
      if (Math.abs(next - this.baseDemand[i]!) > EPS * (1 + next)) changed = true;
      this.baseDemand[i] = next;
    }
    return changed;
  }

  /** Flows with a backlog ask for as much as the resources give (a replay up to its rate cap). */
  private setDemand(): void {
    const f = this.flows;
    const demand = f.net.demand;
    for (let i = 0; i < f.net.flowCount; i++) {
      if (f.net.useStart[i] === f.net.useStart[i + 1]) {
        demand[i] = 0; // offline partition: no live replica can append
        continue;
      }
      const backlogged = this.backlog[i]! > 0;
      demand[i] = backlogged ? Infinity : this.baseDemand[i]!;
      if (f.kind[i] !== FETCH) continue;
      // Reads older than the page-cache window come from EBS.
      f.net.useCoefficient[f.ebsUse[i]!] = backlogged && this.readsFromDisk(i) ? 1 : f.diskReadFraction[i]!;
      const replay = f.replayMiBps[i]!;
      if (backlogged && replay > 0) {
        demand[i] = this.baseDemand[i]! + replay * this.classes[f.klass[i]!]!.share * f.fraction[i]!;
      }
    }
  }

  /**
   * A reader whose lag exceeds what the serving broker's page cache holds of its partition. The
   * cache window is measured against the broker's write demand (not its allocated load) so the
   * choice cannot feed back on the allocation it changes.
   */
  private readsFromDisk(i: number): boolean {
    const broker = this.flows.broker[i]!;
    const cacheMiB = this.config.broker.pageCacheGiB * MIB_PER_GIB;
    const writeMiBps = this.brokerWriteDemandMiBps[broker]! || 1;
    const c = this.flows.klass[i]!;
    const cls = this.classes[c]!;
    const windowS = cacheMiB / writeMiBps;
    return this.backlog[i]! > this.load.now[cls.topic]! * cls.share * windowS * this.flows.fraction[i]!;
  }

  /** Bytes per second each broker is asked to write (as leader or follower), at demand. */
  private refreshWriteDemand(): void {
    const demand = this.brokerWriteDemandMiBps;
    demand.fill(0);
    for (const cls of this.classes) {
      const rate = this.load.now[cls.topic]! * cls.share * cls.count;
      for (const r of cls.replicas) demand[r]! += rate;
    }
  }

  private updateDeleteRates(now: number): void {
    this.classes.forEach((cls, c) => {
      const retention = this.config.topics[cls.topic]!.retentionS;
      let rate = this.history[c]!.rateAt(now - retention);
      if (this.stored[c]! >= this.retentionCapMiB(c) - EPS) rate = Math.max(rate, this.appendRate[c]!);
      if (this.stored[c]! <= 0 && rate > this.appendRate[c]!) rate = this.appendRate[c]!;
      this.deleteRate[c] = rate;
    });
  }

  /** Moves every level linearly from the last event to `now` and records the segment. */
  advance(now: number): void {
    const dt = now - this.lastS;
    if (dt < 0) throw new Error(`cluster simulation: time went backwards (${this.lastS} → ${now})`);
    if (dt === 0) return;
    this.recorder.segment(this.lastS, now);
    this.latency?.segment(this.lastS, now);
    const f = this.flows;
    const rate = this.alloc.rate;
    for (let i = 0; i < f.net.flowCount; i++) {
      const mult = f.net.multiplicity[i]!;
      const next = this.backlog[i]! + (this.baseDemand[i]! - rate[i]!) * dt;
      if (f.kind[i] === PRODUCE) this.producedMiB += this.baseDemand[i]! * mult * dt;
      this.backlog[i] = next < EPS ? 0 : next;
    }
    for (let c = 0; c < this.classes.length; c++) {
      const mult = this.classes[c]!.count;
      const next = this.stored[c]! + (this.appendRate[c]! - this.deleteRate[c]!) * dt;
      const deleted = this.deleteRate[c]! * dt - (next < 0 ? -next : 0);
      this.deletedMiB += deleted * mult;
      this.stored[c] = next < 0 ? 0 : next;
    }
    // A consumer cannot lag by more than the log holds: the rest was deleted unread.
    for (let i = 0; i < f.net.flowCount; i++) {
      if (f.kind[i] !== FETCH) continue;
      const available = this.stored[f.klass[i]!]! * f.fraction[i]!;
      if (this.backlog[i]! > available + EPS) {
        this.lostMiB += (this.backlog[i]! - available) * f.net.multiplicity[i]!;
        this.recorder.lost(f.broker[i]!, (this.backlog[i]! - available) * f.net.multiplicity[i]!);
        this.backlog[i] = available;
      }
    }
    const load = this.alloc.load;
    for (let r = 0; r < this.level.length; r++) {
      const spec = this.bucketSpec[r]!;
      this.level[r] = advanceBucket(spec, this.level[r]!, bucketRate(spec, this.level[r]!, load[r]!), dt);
    }
    this.lastS = now;
  }

  /** The earliest closed-form crossing from the current rates; one event stands for it. */
  private scheduleCrossing(now: number): void {
    if (this.crossingEvent >= 0) this.sim.cancel(this.crossingEvent);
    this.crossingEvent = -1;
    const next = secondsToNextCrossing(this);
    // A limit on the loop (STYLE habit 4): crossings that keep arriving within a millisecond of
    // each other mean two rules undo each other (a bug), not a real cascade.
    this.rapidCrossings = next < 1e-3 ? this.rapidCrossings + 1 : 0;
    if (this.rapidCrossings > 10_000) {
      throw new Error(`cluster simulation: crossings chatter at t = ${now} s (a bug; replay with seed ${this.config.seed})`);
    }
    if (next < Infinity && now + next < this.config.durationS) {
      // Never schedule at the same instant again: a zero-length step would not change the state.
      this.crossingEvent = this.sim.schedule(now + Math.max(next, 1e-6), this.kinds[Ev.Crossing]!, 0);
    }
  }

  private verify(): void {
    for (let i = 0; i < this.backlog.length; i++) {
      if (!(this.backlog[i]! >= 0)) throw new Error(`invariant: backlog of flow ${i} is ${this.backlog[i]}`);
    }
    for (let c = 0; c < this.stored.length; c++) {
      if (!(this.stored[c]! >= 0)) throw new Error(`invariant: stored bytes of class ${c} are ${this.stored[c]}`);
    }
    for (let r = 0; r < this.level.length; r++) {
      if (this.alloc.load[r]! > this.capacity[r]! * (1 + 1e-9) + 1e-9) throw new Error(`invariant: resource ${r} loaded beyond capacity`);
    }
  }

  /** Sum of producer backlogs, MiB. */
  producerBacklogMiB(): number {
    let sum = 0;
    const f = this.flows;
    for (let i = 0; i < f.net.flowCount; i++) if (f.kind[i] === PRODUCE) sum += this.backlog[i]! * f.net.multiplicity[i]!;
    return sum;
  }

  storedMiB(): number {
    let sum = 0;
    for (let c = 0; c < this.classes.length; c++) sum += this.stored[c]! * this.classes[c]!.count;
    return sum;
  }

  /** Disk used on a broker, GiB, as of the last event. */
  brokerUsedGiB(broker: number): number {
    return this.disks.usedGiB(broker);
  }

  brokerGrowthGiBps(broker: number): number {
    return this.disks.growthGiBps(broker);
  }

  /** Provisioned storage per broker, GiB (auto-expansion grows it). */
  get storageGiB(): Float64Array {
    return this.disks.sizeGiB;
  }

  /** A full disk takes its broker down: leadership moves to the next live replica. */
  private takeDown(broker: number, now: number): void {
    if (this.alive[broker] === 0) return;
    this.alive[broker] = 0;
    this.recorder.brokerDown(broker, now);
    const rebuilt = buildFlows(this.config, this.classes, this.alive);
    this.backlog = carryBacklog(this.flows, this.backlog, rebuilt);
    this.flows = rebuilt;
    const n = rebuilt.net.flowCount;
    this.baseDemand = new Float64Array(n);
    this.alloc = createAllocation(n, rebuilt.net.resourceCount);
    this.scratch = createScratch(n, rebuilt.net.resourceCount);
    this.capacity = rebuilt.net.capacity;
  }
}

