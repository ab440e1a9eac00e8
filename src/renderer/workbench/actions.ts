/**
 * The workbench's actions on the store: each applies a pure edit of src/renderer/scenario through
 * `scenarioEdited` (one edit, one step) and updates what the map shows. A failed edit (bad input
 * the fields let through) is reported with `onError`, never thrown into React.
 */
import { editScenario, update, type AppStore } from '../store';
import { areaAt } from '../map/locate';
import { addBase, moveBase, newBaseName, readBases } from '../scenario/bases';
import { addEvent, readEvents, secondsAt, type EventShape } from '../scenario/demand';
import type { RawScenario } from '../store/scenario-slice';
import { baseMoved, baseSelected, baseSnapped, workbenchPlacingSet, type BaseSnap } from '../store/workbench-slice';
import type { DesktopApi, RunError } from '../../shared/protocol';

/**
 * Applies `edit` to the current scenario as one undo step named `label` (what the Undo button says:
 * "Undo: Move base Brixton"); consecutive edits with one label merge (typing "1", "12" in a field)
 * unless `merge` is false (two drags of one base are two steps). Returns the error message when it refused.
 */
export function applyEdit(store: AppStore, edit: (raw: RawScenario) => RawScenario, label?: string, merge = true): string | null {
  try {
    editScenario(store, edit, label, merge);
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
  const name = newBaseName(store.getState().scenario.current);
  applyEdit(
    store,
    (raw) => {
      const out = addBase(raw, { name, lon, lat, ...(area ? { area } : {}) });
      id = out.id;
      return out.raw;
    },
    `Add base ${name}`,
    false,
  );
  update(store, 'workbench', workbenchPlacingSet, null);
  update(store, 'workbench', baseSelected, id);
  if (id !== null) update(store, 'workbench', baseMoved, { id, name: baseName(store, id), from: null, to: [lon, lat] as const });
}

/** Moves base `id` to (lon, lat); its area follows the outlines there. */
export function moveBaseTo(store: AppStore, id: string, lon: number, lat: number): string | null {
  update(store, 'workbench', baseSelected, id);
  const was = readBases(store.getState().scenario.current).find((b) => b.id === id);
  const error = applyEdit(store, (raw) => moveBase(raw, id, lon, lat, areaOf(store, lon, lat)), `Move base ${baseName(store, id)}`, false);
  const now = readBases(store.getState().scenario.current).find((b) => b.id === id);
  if (error === null && was && now && (was.lon !== now.lon || was.lat !== now.lat)) {
    update(store, 'workbench', baseMoved, { id, name: now.name, from: [was.lon, was.lat] as const, to: [now.lon, now.lat] as const });
  }
  return error;
}

/** The shown name of base `id` (its id when it has none). */
export function baseName(store: AppStore, id: string): string {
  return readBases(store.getState().scenario.current).find((b) => b.id === id)?.name ?? id;
}

function addDefaultEvent(store: AppStore, shape: EventShape): void {
  const taken = new Set(readEvents(store.getState().scenario.current).map((e) => e.label));
  let k = 1;
  while (taken.has(`Event ${k}`)) k++;
  const label = `Event ${k}`;
  applyEdit(store, (raw) => addEvent(raw, { label, shape, fromS: secondsAt(1, '18:00'), toS: secondsAt(1, '23:00'), multiplier: 2 }), `Add ${label}`, false);
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

/**
 * Asks the host where the last moved or added base lies on the scenario's road network, and keeps
 * the answer for the map and the bases table (src/renderer/store/workbench-slice.ts `snap`).
 */
export async function snapLastMove(api: DesktopApi, store: AppStore): Promise<void> {
  const move = store.getState().workbench.lastMove;
  if (!move) return;
  let snap: BaseSnap;
  try {
    const outcome = await api.snapToRoads({ scenario: store.getState().scenario.current as Record<string, unknown>, points: [{ lon: move.to[0], lat: move.to[1] }] });
    snap = outcome.ok ? { move, road: outcome.points?.[0] ?? null, error: null } : { move, road: null, error: runErrorText(outcome.error) };
  } catch (e) {
    snap = { move, road: null, error: e instanceof Error ? e.message : String(e) };
  }
  update(store, 'workbench', baseSnapped, snap);
}

function runErrorText(e: RunError): string {
  if (e.kind === 'cancelled') return 'cancelled';
  if (e.kind === 'invalid-scenario') return `the scenario is not valid: ${e.errors.map((x) => `${x.path || '(scenario)'}: ${x.message}`).join('; ')}`;
  return e.message;
}
