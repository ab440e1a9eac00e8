/**
 * The data a comparison's scenarios read, by file and sha256, for "how this was made": the London
 * data step's inputs (from its manifest) when a scenario uses built-in areas or places, and the
 * road files when one drives the London road network. Empty for scenarios of inline data only.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Scenario } from '../../shared/scenario';
import { ensureBuiltinDataReport } from '../data/builtin';
import { londonDataDir } from '../data/paths';
import { LONDON_ROAD_FILES } from '../osm/london';

export function dataHashes(scenarios: readonly Scenario[]): [string, string][] {
  const out = new Map<string, string>();
  if (scenarios.some((s) => s.areas?.source === 'london-boroughs' || s.demand.pointsSource !== undefined)) {
    for (const [file, hash] of Object.entries(ensureBuiltinDataReport().manifest.inputs).sort()) out.set(file, hash);
  }
  if (scenarios.some((s) => s.travel.mode === 'road' && s.network?.source === 'london')) {
    const dir = londonDataDir({ required: Object.values(LONDON_ROAD_FILES) });
    for (const file of Object.values(LONDON_ROAD_FILES)) out.set(file, createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex'));
  }
  return [...out];
}
