/**
 * Step-by-step upgrades of older scenario files to CURRENT_SCHEMA_VERSION. Each step upgrades one
 * version to the next (`upgradeV1toV2`, ...) and is kept forever, with a fixture of its input
 * version under test/shared/fixtures, so that every file ever written still opens.
 *
 * Version 1 is the first version (MODEL.md); there is no step yet. When version 2 comes, add
 * `{ from: 1, upgrade: upgradeV1toV2 }` here and keep `scenario-v1.json` in the fixtures.
 */
import type { ScenarioIssue } from './issues';
import { show } from './primitives';
import { CURRENT_SCHEMA_VERSION } from './schema';

/** Upgrades a raw file object of version `from` to version `from + 1` (pure: returns a new object). */
export interface Migration {
  readonly from: number;
  upgrade(raw: Record<string, unknown>): Record<string, unknown>;
}

/** Every step, oldest first. */
export const MIGRATIONS: readonly Migration[] = [];

export type MigrationOutcome =
  | { ok: true; value: Record<string, unknown>; from: number }
  | { ok: false; issue: ScenarioIssue };

/** Brings `raw` to `current` by applying each step in turn; says why when it cannot. */
export function migrate(
  raw: Record<string, unknown>,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = CURRENT_SCHEMA_VERSION,
): MigrationOutcome {
  const version = raw['schemaVersion'];
  if (version === undefined) return { ok: false, issue: { path: 'schemaVersion', message: `required: expected ${current}` } };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, issue: { path: 'schemaVersion', message: `expected a whole number >= 1, got ${show(version)}` } };
  }
  if (version > current) {
    return {
      ok: false,
      issue: {
        path: 'schemaVersion',
        message: `this file was written for schemaVersion ${version}; this simulator reads up to ${current} (update the simulator)`,
      },
    };
  }
  let value = raw;
  for (let v = version; v < current; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, issue: { path: 'schemaVersion', message: `no upgrade from schemaVersion ${v} to ${v + 1}` } };
    value = { ...step.upgrade(value), schemaVersion: v + 1 };
  }
  return { ok: true, value, from: version };
}
