/**
 * The areas a report's static map draws, in Node (the command line, the desktop's main process):
 * the built-in set's display outlines from the data step's cache, or the scenario's own inline
 * GeoJSON areas. Null when the scenario has no areas (or the built-in data cannot be read: the
 * report is then written without a map rather than not at all).
 */
import { readFileSync } from 'node:fs';
import type { Scenario } from '../../shared/scenario';
import { outlinesFromFeatures, type AreaOutline } from '../../report';
import { ensureBuiltinDataReport } from '../data/builtin';

export function outlinesFor(scenario: Scenario): AreaOutline[] | null {
  const areas = scenario.areas;
  if (!areas) return null;
  if (typeof areas.source !== 'string') return outlinesFromFeatures(areas.source.features, areas.idProperty, areas.nameProperty);
  if (areas.source !== 'london-boroughs') return null;
  try {
    const fc = JSON.parse(readFileSync(ensureBuiltinDataReport().files.areasDisplay, 'utf8')) as { features?: unknown };
    return Array.isArray(fc.features) ? outlinesFromFeatures(fc.features) : null;
  } catch {
    return null;
  }
}
