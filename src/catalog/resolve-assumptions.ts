// Applies a scenario's assumption overrides to the defaults of assumptions.ts. The raw overrides
// are checked here, at the boundary (STYLE habit 6): an unknown id or a value outside the
// declared range is a CatalogError, never a silently ignored knob.
import { ASSUMPTION_IDS, ASSUMPTIONS, type AssumptionId, type AssumptionSpec } from './assumptions.js';
import { CatalogError } from './catalog-error.js';

/** One assumption as a report lists it: effective value, default and whether the scenario changed it. */
export interface ResolvedAssumption {
  readonly id: AssumptionId;
  readonly value: number;
  readonly defaultValue: number;
  readonly overridden: boolean;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly rationale: string;
  readonly basis: string;
}

export interface ResolvedAssumptions {
  /** Effective values by id, for the simulator. */
  readonly values: Readonly<Record<AssumptionId, number>>;
  /** Every assumption, in registry order, for reports. */
  readonly entries: readonly ResolvedAssumption[];
}

function isAssumptionId(id: string): id is AssumptionId {
  return (ASSUMPTION_IDS as readonly string[]).includes(id);
}

/** An assumption that takes whole numbers only (`integer` in assumptions.ts). */
export function isWholeOnly(spec: AssumptionSpec): boolean {
  return spec.integer === true;
}

function checkOverrides(overrides: Readonly<Record<string, unknown>>): void {
  for (const [id, value] of Object.entries(overrides)) {
    if (!isAssumptionId(id)) {
      throw new CatalogError(`unknown assumption "${id}"; valid ids: ${ASSUMPTION_IDS.join(', ')}`);
    }
    const spec = ASSUMPTIONS.find((a) => a.id === id);
    if (spec === undefined) throw new Error(`catalog bug: assumption ${id} listed but not defined`);
    const whole = isWholeOnly(spec);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < spec.min || value > spec.max || (whole && !Number.isInteger(value))) {
      throw new CatalogError(
        `assumption "${id}" must be ${whole ? 'a whole number' : 'a number'} in [${spec.min}, ${spec.max}] ${spec.unit}, got ${String(value)}`,
      );
    }
  }
}

export function resolveAssumptions(overrides: Readonly<Record<string, number>> = {}): ResolvedAssumptions {
  checkOverrides(overrides);
  const values = {} as Record<AssumptionId, number>;
  const entries: ResolvedAssumption[] = [];
  for (const spec of ASSUMPTIONS) {
    const override = Object.hasOwn(overrides, spec.id) ? overrides[spec.id] : undefined;
    const value = override ?? spec.value;
    values[spec.id] = value;
    entries.push({
      id: spec.id,
      value,
      defaultValue: spec.value,
      overridden: override !== undefined,
      unit: spec.unit,
      min: spec.min,
      max: spec.max,
      rationale: spec.rationale,
      basis: spec.basis,
    });
  }
  return { values, entries };
}
