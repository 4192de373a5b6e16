// A batch visits its leader's network out twice: its replication copies leave at the append,
// and the consumer fetch response follows once the HW has moved, a lag σ later (two
// inter-broker one-ways and the followers' network in, typically 1–3 ms). Two effects follow
// that independent M/G/1 queues miss, both large at ρ ≥ 0.6 on network out:
//
// 1. The queue's input is burstier than its jobs suggest: over windows much longer than σ a
//    batch's copies (a) and fetch (b) arrive together. The index of dispersion for work over
//    a window L is λ(a² + b²) + 2λab(1 − σ/L)⁺, and a queue's waits are set by it at about the
//    queue's relaxation time L = v/(1 − ρ)², v = λE[S²] (Fendick & Whitt 1989, "Measurements
//    and approximations to describe the offered traffic and predict the average workload in a
//    single-server queue", Proc. IEEE 77(1); Abate & Whitt 1987 for the relaxation time of
//    reflected Brownian motion). We add the covariance term to Σλ·E[S²] of the leader's
//    network out.
// 2. The fetch finds the queue as the copies left it: a batch whose copies waited long comes
//    back to a long queue. revisitWait() draws the fetch's wait from the workload x the copies
//    left behind, evolved over the lag as reflected Brownian motion (drift −(1 − ρ), variance
//    v a second; Harrison 1985, Brownian Motion and Stochastic Flow Systems, §1.8): the free
//    increment y and the minimum m of the Brownian bridge to it give the reflected value
//    max(x + y, y − m) exactly (the bridge minimum by inversion of
//    P(m ≤ z | y) = exp(−2z(z − y)/(vσ)), Borodin & Salminen 2002, Handbook of Brownian Motion).
import { NET_IN, NET_OUT, QUEUES_PER_BROKER, type QueueLoads } from './queue-loads.js';
import { followerCount, type Routes } from './routes.js';

/**
 * Fills `extra` with each queue's covariance term to add to Σλ·E[S²] (`ca2`: the queues'
 * arrival SCVs).
 */
export function revisitCovariance(r: Routes, q: QueueLoads, ca2: Float64Array, extra: Float64Array): void {
  for (let i = 0; i < extra.length; i++) extra[i] = 0;
  const zs = r.clientAzs;
  for (let g = 0; g < r.groups; g++) {
    const followers = followerCount(r, g);
    const rate = r.batchRate[g]!;
    if (followers === 0 || r.consumerGroups[g]! === 0 || !(rate > 0)) continue;
    const leader = r.leader[g]!;
    let servedHere = 0;
    for (let z = 0; z < zs; z++) if (r.servingBroker[g * zs + z] === leader) servedHere++;
    if (servedHere === 0) continue;
    const out = leader * QUEUES_PER_BROKER + NET_OUT;
    const rho = q.rho[out]!;
    if (!(rho > 0 && rho < 1)) continue;
    const relaxationS = (rho * q.meanS2[out]!) / q.meanS[out]! / ((1 - rho) * (1 - rho));
    const lagS = meanLag(r, q, ca2, g);
    if (!(lagS < relaxationS)) continue;
    const outS = r.batchBytes[g]! * r.outSPerByte[leader]!;
    extra[out]! += 2 * rate * (servedHere / zs) * followers * outS * outS * (1 - lagS / relaxationS);
  }
}

// Mean time from the copies' arrival at the leader's network out to the fetch's: their wait
// and service, two inter-broker one-ways and the slowest follower's mean network-in time.
// The waits are Kingman's GI/G/1 means, which is all a time scale needs.
function meanLag(r: Routes, q: QueueLoads, ca2: Float64Array, g: number): number {
  const leader = r.leader[g]!;
  const bytes = r.batchBytes[g]!;
  let slowest = 0;
  for (let k = r.followerStart[g]!; k < r.followerStart[g + 1]!; k++) {
    const f = r.followers[k]!;
    slowest = Math.max(slowest, kingmanWait(q, ca2, f * QUEUES_PER_BROKER + NET_IN) + bytes * r.inSPerByte[f]!);
  }
  const out = leader * QUEUES_PER_BROKER + NET_OUT;
  return kingmanWait(q, ca2, out) + followerCount(r, g) * bytes * r.outSPerByte[leader]! + 2 * r.interBrokerOneWayS + slowest;
}

// E[W] ≈ ρE[S](c_a² + c_s²) / (2(1 − ρ)) (Kingman 1961; P-K when c_a² = 1).
function kingmanWait(q: QueueLoads, ca2: Float64Array, i: number): number {
  const rho = q.rho[i]!;
  const meanS = q.meanS[i]!;
  if (!(rho > 0 && rho < 1 && meanS > 0)) return 0;
  const cs2 = q.meanS2[i]! / (meanS * meanS) - 1;
  return (rho * meanS * (ca2[i]! + cs2)) / (2 * (1 - rho));
}

/**
 * The fetch's wait at a queue with utilisation rho and workload variance `variancePerS`
 * (λE[S²]), reached `lagS` after the copies left workload `x` behind them; z is a standard
 * normal draw and e an Exp(1) draw (−ln U), for the increment and the bridge minimum.
 */
export function revisitWait(rho: number, variancePerS: number, x: number, lagS: number, z: number, e: number): number {
  const vt = variancePerS * lagS;
  const y = -(1 - rho) * lagS + Math.sqrt(vt) * z;
  const m = (y - Math.sqrt(y * y + 2 * vt * e)) / 2;
  return x + y > y - m ? x + y : y - m;
}
