/**
 * The scenario: schema, defaults, migrations and checks (MODEL.md "The scenario file").
 *
 * `parseScenario(raw)` is the one way from an untrusted object to a `Scenario` the simulator runs:
 * it upgrades old versions, validates the shape, applies defaults and checks across fields,
 * reporting every problem at once.
 */
import { checkScenario } from './checks';
import { inspectStructure } from './inspect';
import { fromZodIssues, type ScenarioIssue } from './issues';
import { migrate } from './migrations';
import { show } from './primitives';
import { scenarioSchema, type Scenario } from './schema';

export type { ScenarioIssue } from './issues';
export { formatPath, joinPath } from './issues';
export type { Scenario, ScenarioInput, StationSpec, FleetRow, PoolSpec, ShiftSpec, SurgeSpec, DispatchPolicy, BorderRule, FeatureCollectionInput } from './schema';
export { CURRENT_SCHEMA_VERSION, scenarioSchema } from './schema';
export type { Distribution, Grade, Line } from './primitives';
export { GRADES, LINES } from './primitives';
export type { GradeSpec } from './grades';
export { DEFAULT_GRADES } from './grades';
export { MIGRATIONS, migrate, type Migration } from './migrations';
export { canonicalJson, scenarioHash } from './canonical';
export { peakUnitsOnDuty } from './checks';
export { LIMITS } from './limits';
export { inspectStructure } from './inspect';
export { scenarioWarnings, type ScenarioWarning, type WarningCode, type Bounds } from './warnings';

export type ParseOutcome = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioIssue[] };

/** Validates `raw` (a parsed JSON object with `extends` already resolved) into a Scenario. */
export function parseScenario(raw: unknown): ParseOutcome {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ path: '', message: `expected a scenario object, got ${show(raw)}` }] };
  }
  const structure = inspectStructure(raw);
  if (structure) return { ok: false, errors: [structure] };
  const object = raw as Record<string, unknown>;
  if ('extends' in object) {
    return {
      ok: false,
      errors: [{ path: 'extends', message: '`extends` is resolved when a file is read (loadScenarioFile); this object still has it' }],
    };
  }
  const migrated = migrate(object);
  if (!migrated.ok) return { ok: false, errors: [migrated.issue] };
  const parsed = scenarioSchema.safeParse(migrated.value, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: fromZodIssues(parsed.error.issues) };
  const errors = checkScenario(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario: parsed.data };
}

/** `fleet[3].perShift.late: expected ...` lines, one per issue (for messages and the CLI). */
export function describeIssues(errors: readonly ScenarioIssue[], file?: string): string {
  return errors.map((e) => `${file ? `${file}: ` : ''}${e.path || '(file)'}: ${e.message}`).join('\n');
}
