// The provisioned-cluster simulation (DESIGN §3): byte rates through broker resources, with
// discrete events only where something changes — registered by the event subsystems — and at
// state crossings computed in closed form from the current rates. The loop is small: advance
// the state to the event, let its subsystem act, and recompute once per instant: demands,
// allocation, drifts, deletion rates, then the observers and the next crossing.
import { Simulator, RandomStreams } from '../engine/index.js';
import { advance } from './advance.js';
import { allocateMaxMinFair, createAllocation, createScratch, type Allocation, type AllocationScratch } from './allocate.js';
import type { ModelConfig } from './config.js';
import { secondsToNextCrossing } from './crossings.js';
import { setDemands, setProduceDemand } from './demand.js';
import type { DiskEvents } from './disks.js';
import { computeDrift, createDrift, settleLogStart, type Drift } from './drift.js';
import { buildFlows, settleTiedRates, type Flows } from './flows.js';
import { checkConservation, checkState } from './invariants.js';
import { startBroker, startLagTimers, stopBroker, updateIsr } from './isr.js';
import { updateReadReplicas } from './read-replicas.js';
import { HottestTracker } from './observe/hottest.js';
import { LagTracker } from './observe/lag.js';
import { SeriesSampler } from './observe/series.js';
import { Timeline } from './observe/timeline.js';
import { UsageMeter } from './observe/usage.js';
import { UtilizationMeter } from './observe/utilization.js';
import { fillBrokerRates } from './observe/broker-rates.js';
import { createBrokerRates, type BrokerRates, type Observer, type RateListener, type View } from './observe/view.js';
import { brokerWriteDemand, PageCache } from './page-cache.js';
import { refreshCapacities } from './resources.js';
import { trimHistory, updateDeleteRates } from './retention.js';
import { createState, hwLagMiB, storedMiB, type ClusterState } from './state.js';
import type { Change, EventSubsystem, ModelContext } from './subsystem.js';
import { brokerEventsSubsystem, replaySubsystem, retentionSubsystem, storageSubsystem, workloadSubsystem } from './subsystems.js';
import { TopicLoad } from './topic-load.js';
import { initialiseWarmStart } from './warm-start.js';

/** A limit on the loop (STYLE habit 4): crossings within a millisecond of each other this often mean two rules undo each other. */
const MAX_RAPID_CROSSINGS = 10_000;
const MAX_EVENTS = 50_000_000;

export class ClusterModel implements ModelContext {
  readonly sim = new Simulator();
  readonly state: ClusterState;
  readonly load: TopicLoad;
  readonly timeline = new Timeline();
  readonly series: SeriesSampler;
  readonly usage: UsageMeter;
  readonly utilization: UtilizationMeter;
  readonly lag: LagTracker;
  readonly hottest: HottestTracker;
  private readonly observers: Observer[];
  private readonly listeners: RateListener[] = [];
  flows: Flows;
  alloc: Allocation;
  private scratch: AllocationScratch;
  readonly drift: Drift;
  /** Counts full allocations; a deletion-only update leaves it (and every rate) as it was. */
  allocationVersion = 0;
  private readonly subsystems: EventSubsystem[] = [];
  private readonly kinds: number[] = [];
  private current = -1;
  private crossingKind: number;
  private recomputeKind: number;
  private crossingId = -1;
  private recomputeAtS = -1;
  private pending: Change = 'none';
  private topologyChanged = false;
  private rapidCrossings = 0;
  private readonly writeDemand: Float64Array;
  private readonly pageCache = new PageCache();
  private readonly brokerRates: BrokerRates;
  private readonly diskEvents: DiskEvents;
  private readonly maxRewindS: number;
  readonly streams: RandomStreams;

  constructor(readonly config: ModelConfig) {
    this.streams = new RandomStreams(config.seed);
    this.state = createState(config, this.streams);
    this.load = new TopicLoad(config, this.streams.stream('workload'));
    this.flows = buildFlows(this.state);
    this.alloc = createAllocation(this.flows.net.flowCount, this.state.resources.count);
    this.scratch = createScratch(this.flows.net.flowCount, this.state.resources.count);
    this.drift = createDrift(this.state);
    this.writeDemand = new Float64Array(config.brokers);
    this.brokerRates = createBrokerRates(config.brokers);
    const res = this.state.resources;
    this.series = new SeriesSampler(config.brokers, config.durationS, config.intervalS);
    this.usage = new UsageMeter(this.state.specs.map((s) => s.typeName ?? 'broker'));
    this.utilization = new UtilizationMeter(res.count, config.brokers, config.cpuGuidanceFraction, this.timeline);
    this.lag = new LagTracker(config.brokers);
    this.hottest = new HottestTracker(this.state);
    this.observers = [this.series, this.usage, this.utilization, this.lag, this.hottest];
    this.maxRewindS = Math.max(0, ...config.topics.flatMap((t) => t.consumerGroups.map((g) => (g.mode.kind === 'replay' ? g.mode.rewindS : 0))));
    this.diskEvents = {
      alarm: (broker, now) => this.timeline.push({ kind: 'disk-alarm', timeS: now, broker, thresholdPct: config.diskAlarmFraction * 100 }),
      expanded: (broker, now, fromGiB, toGiB) => this.timeline.push({ kind: 'storage-expanded', timeS: now, broker, fromGiB, toGiB }),
      full: (broker) => this.stopBroker(broker, 'disk-full'),
      checkAt: (atS) => this.scheduleFor('storage', atS, 0),
    };
    for (const s of [workloadSubsystem(), retentionSubsystem(), replaySubsystem((t, g) => this.replay(t, g)), storageSubsystem(), brokerEventsSubsystem()]) {
      this.addSubsystem(s);
    }
    this.crossingKind = this.sim.register({ handle: () => this.onCrossing() });
    this.recomputeKind = this.sim.register({ handle: () => this.onRecompute() });
  }

  addSubsystem(s: EventSubsystem): void {
    const index = this.subsystems.length;
    this.subsystems.push(s);
    this.kinds.push(this.sim.register({ handle: (target) => this.onEvent(index, target) }));
  }

  addListener(l: RateListener): void {
    this.listeners.push(l);
  }

  get view(): View {
    return { state: this.state, flows: this.flows, alloc: this.alloc, drift: this.drift, brokers: this.brokerRates };
  }

  get eventsProcessed(): number {
    return this.sim.eventsProcessed;
  }

  run(): void {
    this.load.update(0);
    if (this.config.warmStart) initialiseWarmStart(this.state, this.load);
    for (let i = 0; i < this.subsystems.length; i++) {
      this.current = i;
      this.subsystems[i]!.start(this);
    }
    this.recompute();
    const outcome = this.sim.run({ until: this.config.durationS, maxEvents: MAX_EVENTS });
    if (outcome.state === 'event-limit') throw new Error(`cluster simulation: ${MAX_EVENTS} events reached (a bug: events should grow with workload changes; seed ${this.config.seed})`);
    this.moveTo(this.config.durationS);
    checkConservation(this.state);
  }

  // ModelContext ------------------------------------------------------------------------------

  schedule(atS: number, target: number): number {
    if (!(atS >= this.state.nowS) || atS >= this.config.durationS) return -1;
    return this.sim.schedule(atS, this.kinds[this.current]!, target);
  }

  cancel(id: number): void {
    if (id >= 0) this.sim.cancel(id);
  }

  private scheduleFor(name: string, atS: number, target: number): void {
    const index = this.subsystems.findIndex((s) => s.name === name);
    if (atS >= this.state.nowS && atS < this.config.durationS) this.sim.schedule(atS, this.kinds[index]!, target);
  }

  stopBroker(broker: number, cause: 'disk-full' | 'scheduled'): void {
    if (this.state.alive[broker] === 0) return;
    const { movedLeaders, offline } = stopBroker(this.state, broker);
    this.timeline.push({ kind: 'broker-down', timeS: this.state.nowS, broker, cause, movedLeaders, offlinePartitions: offline });
    this.topologyChanged = true;
  }

  startBroker(broker: number): void {
    if (this.state.alive[broker] === 1) return;
    startBroker(this.state, broker);
    this.timeline.push({ kind: 'broker-up', timeS: this.state.nowS, broker });
    this.topologyChanged = true;
  }

  // The loop ----------------------------------------------------------------------------------

  private onEvent(index: number, target: number): void {
    this.moveTo(this.sim.now);
    this.current = index;
    const change = this.subsystems[index]!.handle(this, target);
    this.request(change);
  }

  private onCrossing(): void {
    this.crossingId = -1;
    this.moveTo(this.sim.now);
    this.request('full');
  }

  /** Events at one instant share one recomputation: it runs after them (same-time events run FIFO). */
  private request(change: Change): void {
    if (change === 'none' && !this.topologyChanged) return;
    if (change === 'full' || this.topologyChanged) this.pending = 'full';
    else if (this.pending === 'none') this.pending = change;
    if (this.recomputeAtS !== this.state.nowS) {
      this.recomputeAtS = this.state.nowS;
      this.sim.schedule(this.state.nowS, this.recomputeKind, 0);
    }
  }

  private onRecompute(): void {
    this.recomputeAtS = -1;
    const change = this.pending;
    this.pending = 'none';
    if (change === 'full') this.recompute();
    else if (change === 'deletion') this.updateDeletions();
  }

  /** Observers see [last event, t); then every level moves to t and the disks are checked. */
  private moveTo(t: number): void {
    const t0 = this.state.nowS;
    if (t > t0) {
      const view = this.view;
      for (const o of this.observers) o.segment(view, t0, t);
      for (const l of this.listeners) l.segment(view, t0, t);
    }
    advance(this.state, this.flows, this.alloc, this.drift, t, this.lag);
    this.refreshDisks();
    const before = this.topologyChanged;
    if (this.state.disks.check(t, this.state.alive, this.diskEvents) || this.topologyChanged !== before) this.request('full');
    if (this.config.verify) checkState(this.state, this.flows, this.alloc);
  }

  private refreshDisks(): void {
    const s = this.state;
    s.disks.refresh(s.classes, s.slots, (c) => storedMiB(s, c), (c) => this.drift.stored[c]!, s.lagMiB, this.drift.lag, s.diskFraction);
  }

  /** Demands and capacities from the state, one exact allocation, the drifts, and what follows from them. */
  recompute(): void {
    const s = this.state;
    const isr = updateIsr(s, this.drift);
    if (isr.changed) {
      this.topologyChanged = true;
      for (const [topic, partitions] of isr.shrunk) this.timeline.push({ kind: 'isr-shrink', timeS: s.nowS, topic, partitions });
      for (const [topic, partitions] of isr.expanded) this.timeline.push({ kind: 'isr-expand', timeS: s.nowS, topic, partitions });
    }
    if (updateReadReplicas(s)) this.topologyChanged = true;
    if (this.topologyChanged) this.rebuildFlows();
    refreshCapacities(s.resources, s.alive);
    setProduceDemand(s, this.load);
    brokerWriteDemand(s, this.writeDemand);
    // One timeline entry per topic, group and direction at an instant, however many classes switch.
    const switched = new Map<string, { topic: number; group: number; fromDisk: boolean; partitions: number }>();
    const onSwitch = (c: number, group: number, fromDisk: boolean): void => {
      const cls = s.classes[c]!;
      // A switch back at the same instant cancels the entry.
      const back = switched.get(`${cls.topic}:${group}:${!fromDisk}`);
      if (back !== undefined && back.partitions >= cls.count) {
        back.partitions -= cls.count;
        return;
      }
      const key = `${cls.topic}:${group}:${fromDisk}`;
      const entry = switched.get(key) ?? { topic: cls.topic, group, fromDisk, partitions: 0 };
      entry.partitions += cls.count;
      switched.set(key, entry);
    };
    this.pageCache.update(s, this.flows, this.drift, this.writeDemand, onSwitch);
    this.allocate();
    this.pageCache.settle(s, this.flows, this.drift, () => this.allocate(), onSwitch);
    for (const e of switched.values()) {
      if (e.partitions === 0) continue;
      this.timeline.push({ kind: e.fromDisk ? 'disk-reads-started' : 'disk-reads-ended', timeS: s.nowS, topic: e.topic, group: e.group, partitions: e.partitions });
    }
    this.allocationVersion++;
    for (let c = 0; c < s.classes.length; c++) s.appendLog[c]!.record(s.nowS, s.appendRate[c]!);
    startLagTimers(s, this.drift);
    this.afterRates(true);
    for (const sub of this.subsystems) {
      if (sub.afterRates === undefined) continue;
      this.current = this.subsystems.indexOf(sub);
      sub.afterRates(this);
    }
    trimHistory(s, this.maxRewindS);
  }

  /** Demands from the state, one exact allocation, and the drifts it gives. */
  private allocate(): void {
    const s = this.state;
    setDemands(s, this.flows);
    allocateMaxMinFair(this.flows.net, this.alloc, this.scratch);
    settleTiedRates(this.flows, this.alloc);
    computeDrift(s, this.flows, this.alloc, this.drift);
  }

  private updateDeletions(): void {
    this.afterRates(false);
  }

  private afterRates(full: boolean): void {
    updateDeleteRates(this.state, this.drift);
    settleLogStart(this.state, this.drift);
    this.refreshDisks();
    const view = this.view;
    fillBrokerRates(view, this.brokerRates);
    if (full) for (const o of this.observers) o.rates(view);
    else this.series.rates(view);
    for (const l of this.listeners) l.rates(view, full);
    this.noteAvailability();
    this.scheduleCrossing();
    if (this.config.verify) checkState(this.state, this.flows, this.alloc);
  }

  private unavailableNow = 0;

  /** Timeline entries when partitions start or stop refusing produce. */
  private noteAvailability(): void {
    const s = this.state;
    let count = 0;
    for (let c = 0; c < s.classes.length; c++) if (s.refused[c] === 1) count += s.classes[c]!.count;
    if (count > 0 && this.unavailableNow === 0) this.timeline.push({ kind: 'unavailable-started', timeS: s.nowS, partitions: count });
    else if (count === 0 && this.unavailableNow > 0) this.timeline.push({ kind: 'unavailable-ended', timeS: s.nowS });
    this.unavailableNow = count;
  }

  private rebuildFlows(): void {
    this.topologyChanged = false;
    this.flows = buildFlows(this.state);
    const n = this.flows.net.flowCount;
    this.alloc = createAllocation(n, this.state.resources.count);
    this.scratch = createScratch(n, this.state.resources.count);
  }

  private scheduleCrossing(): void {
    if (this.crossingId >= 0) this.sim.cancel(this.crossingId);
    this.crossingId = -1;
    const now = this.state.nowS;
    const next = secondsToNextCrossing(this.state, this.flows, this.alloc, this.drift, this.pageCache);
    this.rapidCrossings = next < 1e-3 ? this.rapidCrossings + 1 : 0;
    if (this.rapidCrossings > MAX_RAPID_CROSSINGS) {
      throw new Error(`cluster simulation: crossings chatter at t = ${now} s (a bug; replay with seed ${this.config.seed})`);
    }
    // Never at the same instant again: a zero-length step would not change the state.
    if (next < Infinity && now + next < this.config.durationS) {
      // At the crossing itself, never at the same instant again (a zero-length step changes
      // nothing); a crossing closer than the clock resolves is taken at the next tick.
      const at = now + next > now ? now + next : now + Math.max(next, Math.abs(now) * Number.EPSILON, Number.MIN_VALUE);
      this.crossingId = this.sim.schedule(at, this.crossingKind, 0);
    }
  }

  /**
   * A replay moves the group back to the bytes appended `rewindS` ago — read from the append
   * history — or to the log start if that is later.
   */
  private replay(topic: number, group: number): void {
    const s = this.state;
    const mode = s.config.topics[topic]!.consumerGroups[group]!.mode;
    if (mode.kind !== 'replay') return;
    for (let c = 0; c < s.classes.length; c++) {
      if (s.classes[c]!.topic !== topic) continue;
      const target = Math.max(s.appendLog[c]!.cumulativeAt(s.nowS - mode.rewindS), s.deletedMiB[c]!);
      const behindEnd = s.appendedMiB[c]! - target;
      const k = c * s.groupSlots + group;
      s.consumerLagMiB[k] = Math.max(s.consumerLagMiB[k]!, behindEnd - hwLagMiB(s, c));
    }
  }
}
