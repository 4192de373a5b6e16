// The comparison in words (src/run/compare.ts computes it): one table of every deployment with
// its cost, headroom, losses, latency and SLO verdicts, and the recommendation with one sentence
// on each cheaper deployment it passed over. Markdown and the terminal summary share the words.
import { formatUsd } from '../cost/index.js';
import type { Comparison, ComparisonRow, SloName, SloVerdict } from '../run/compare.js';
import { cell, formatBytes, formatLatencyMs } from './format.js';
import { timeInWords } from './time-text.js';

const SLO_WORDS: Record<SloName, string> = {
  publishLatency99pct: 'publish p99',
  endToEndLatency99pct: 'end-to-end p99',
  maxUtilization: 'peak utilisation',
  throttledBytes: 'throttled bytes',
  lostBytes: 'lost bytes',
  maxMonthlyCost: 'monthly cost',
};

export function comparisonMarkdown(c: Comparison, startEpochS: number): string[] {
  const out: string[] = ['## Comparison', ''];
  const sloNames = c.rows[0]?.slo.map((v) => v.slo) ?? [];
  out.push(
    `| deployment | shape | monthly cost | $/GiB in | headroom | first to bind | throttled | lost | publish p99 | e2e p99 |${sloNames.map((n) => ` SLO ${SLO_WORDS[n]} |`).join('')}`,
    `|---|---|---|---|---|---|---|---|---|---|${sloNames.map(() => '---|').join('')}`,
  );
  for (const r of c.rows) {
    const mark = r.name === c.recommended ? ' **(recommended)**' : '';
    out.push(
      `| ${cell(r.name)}${mark} | ${cell(r.shape)} | ${formatUsd(r.monthlyUsd)} | ${r.usdPerGiBIngested === null ? '—' : `$${r.usdPerGiBIngested.toFixed(4)}`} | ${headroomText(r)} | ${r.headroom.resource === null ? '—' : `${cell(r.headroom.resource)}, ${timeInWords(r.headroom.atS!, startEpochS)}`} | ${formatBytes(r.throttledBytes)} | ${formatBytes(r.lostBytes)} | ${msText(r.publishLatency99pctMs)} | ${msText(r.endToEndLatency99pctMs)} |${r.slo.map((v) => ` ${verdictText(v)} |`).join('')}`,
    );
  }
  out.push('', ...recommendationLines(c), '');
  return out;
}

/** The recommendation and, for each cheaper deployment passed over, why. */
export function recommendationLines(c: Comparison): string[] {
  const byName = new Map(c.rows.map((r) => [r.name, r]));
  const out: string[] = [];
  if (c.recommended === null) out.push('**Recommendation: none.** No deployment meets every SLO:');
  else {
    const r = byName.get(c.recommended)!;
    const why = r.slo.length === 0 ? 'the cheapest (no SLOs set)' : 'the cheapest that meets every SLO';
    out.push(`**Recommendation: ${r.name}** (${r.shape}, ${formatUsd(r.monthlyUsd)} a month), ${why}.${c.rejected.length > 0 ? ' Cheaper:' : ''}`);
  }
  for (const x of c.rejected) out.push(`- ${x.name} (${formatUsd(byName.get(x.name)!.monthlyUsd)}) ${missText(x.miss)}.`);
  return out;
}

function missText(v: SloVerdict): string {
  if (v.met === null) return `has no ${SLO_WORDS[v.slo]} figure to hold against ${valueText(v.slo, v.limit)}`;
  return `misses ${SLO_WORDS[v.slo]}: ${valueText(v.slo, v.value!)} against ${valueText(v.slo, v.limit)}`;
}

function headroomText(r: ComparisonRow): string {
  const h = r.headroom;
  if (h.multiplier === null) return '—';
  const riding = h.minutesAboveSustained > 0 ? ` (above sustained ${Math.round(h.minutesAboveSustained).toLocaleString('en-US')} min)` : '';
  return `${h.multiplier.toFixed(2)}×${riding}`;
}

function verdictText(v: SloVerdict): string {
  if (v.met === null) return 'no figure';
  return `${v.met ? 'pass' : '**FAIL**'} ${valueText(v.slo, v.value!)}`;
}

function valueText(slo: SloName, x: number): string {
  switch (slo) {
    case 'publishLatency99pct':
    case 'endToEndLatency99pct':
      return msText(x);
    case 'maxUtilization':
      return `${Math.round(x * 100)} %`;
    case 'throttledBytes':
    case 'lostBytes':
      return formatBytes(x);
    case 'maxMonthlyCost':
      return formatUsd(x);
  }
}

function msText(ms: number | null): string {
  if (ms === null) return '—';
  return ms >= 10_000 ? formatLatencyMs(ms) : `${ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)} ms`;
}
