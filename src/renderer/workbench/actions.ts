/**
 * The workbench's actions on the store: each applies a pure edit of src/renderer/scenario through
 * `scenarioEdited` (one edit, one step) and updates what the map shows. A failed edit (bad input
 * the fields let through) is reported with `onError`, never thrown into React.
 */
import { update, type AppStore } from '../store';
import { areaAt } from '../map/locate';
import { addBase, moveBase, newBaseName } from '../scenario/bases';
import { addEvent, readEvents, secondsAt, type EventShape } from '../scenario/demand';
import { scenarioEdited, type RawScenario } from '../store/scenario-slice';
import { baseSelected, workbenchPlacingSet } from '../store/workbench-slice';

/** Applies `edit` to the current scenario; returns the error message when it refused. */
export function applyEdit(store: AppStore, edit: (raw: RawScenario) => RawScenario): string | null {
  try {
    update(store, 'scenario', scenarioEdited, edit);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function areaOf(store: AppStore, lon: number, lat: number): string | undefined {
  return areaAt(store.getState().map.layers?.areas, lon, lat)?.id;
}

/** Adds an open base with no units at (lon, lat), in the area there, and selects it. */
export function addBaseAt(store: AppStore, lon: number, lat: number): void {
  let id: string | null = null;
  const area = areaOf(store, lon, lat);
  applyEdit(store, (raw) => {
    const out = addBase(raw, { name: newBaseName(raw), lon, lat, ...(area ? { area } : {}) });
    id = out.id;
    return out.raw;
  });
  update(store, 'workbench', workbenchPlacingSet, null);
  update(store, 'workbench', baseSelected, id);
}

/** Moves base `id` to (lon, lat); its area follows the outlines there. */
export function moveBaseTo(store: AppStore, id: string, lon: number, lat: number): string | null {
  update(store, 'workbench', baseSelected, id);
  return applyEdit(store, (raw) => moveBase(raw, id, lon, lat, areaOf(store, lon, lat)));
}

function addDefaultEvent(store: AppStore, shape: EventShape): void {
  applyEdit(store, (raw) => {
    const taken = new Set(readEvents(raw).map((e) => e.label));
    let k = 1;
    while (taken.has(`Event ${k}`)) k++;
    return addEvent(raw, { label: `Event ${k}`, shape, fromS: secondsAt(1, '18:00'), toS: secondsAt(1, '23:00'), multiplier: 2 });
  });
  update(store, 'workbench', workbenchPlacingSet, null);
}

/** A demand event at (lon, lat): a 1 km circle, the first day 18:00-23:00, twice the demand. */
export function addEventAt(store: AppStore, lon: number, lat: number): void {
  addDefaultEvent(store, { kind: 'circle', lon, lat, radiusM: 1000 });
}

/** Ends the polygon being drawn: an event over it when it has 3 corners or more; false when too few. */
export function finishPolygon(store: AppStore): boolean {
  const corners = store.getState().workbench.corners;
  if (corners.length < 3) return false;
  const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
  addDefaultEvent(store, { kind: 'polygon', corners: corners.map(([x, y]) => [r6(x), r6(y)] as const) });
  return true;
}
