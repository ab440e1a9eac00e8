/**
 * The workbench slice: what a map click does next ("Add base" and "Add demand event" arm it; Esc
 * or a placed click disarms it) and which base the planner last touched. Pure updaters; the
 * scenario edits themselves go through scenario-slice's `scenarioEdited`.
 */
/** base: one click adds a base; event: one click adds a circle event; polygon: clicks add corners. */
export type WorkbenchPlacing = 'base' | 'event' | 'polygon' | null;

export interface WorkbenchState {
  readonly placing: WorkbenchPlacing;
  /** id of the base last added, moved or chosen (highlighted on the map and in the table) */
  readonly selectedBase: string | null;
  /** corners of the polygon being drawn ([lon, lat]), while placing is 'polygon' */
  readonly corners: readonly (readonly [number, number])[];
  /** the last base moved or added: where from (null: added) and where to */
  readonly lastMove: BaseMove | null;
  /** where the last move put the base on the road network, once the host answered (for lastMove) */
  readonly snap: BaseSnap | null;
}

export interface BaseMove {
  readonly id: string;
  readonly name: string;
  /** [lon, lat] before the move; null when the base was added */
  readonly from: readonly [number, number] | null;
  readonly to: readonly [number, number];
}

export interface BaseSnap {
  /** the move it answers */
  readonly move: BaseMove;
  /** the nearest road position and the straight metres to it; null: the scenario travels in straight lines (no roads) */
  readonly road: { readonly lon: number; readonly lat: number; readonly distanceM: number } | null;
  /** why it could not be snapped, or null */
  readonly error: string | null;
}

export const initialWorkbenchState: WorkbenchState = { placing: null, selectedBase: null, corners: [], lastMove: null, snap: null };

export function workbenchPlacingSet(state: WorkbenchState, placing: WorkbenchPlacing): WorkbenchState {
  return placing === state.placing ? state : { ...state, placing, corners: [] };
}

/** One more corner of the polygon being drawn. */
export function cornerAdded(state: WorkbenchState, corner: readonly [number, number]): WorkbenchState {
  return state.placing === 'polygon' ? { ...state, corners: [...state.corners, corner] } : state;
}

export function baseSelected(state: WorkbenchState, id: string | null): WorkbenchState {
  return id === state.selectedBase ? state : { ...state, selectedBase: id };
}

/** A base was moved (or added): its snap to the roads is asked for next. */
export function baseMoved(state: WorkbenchState, move: BaseMove): WorkbenchState {
  return { ...state, selectedBase: move.id, lastMove: move, snap: null };
}

/** The host's answer for a move; ignored when another move came since. */
export function baseSnapped(state: WorkbenchState, snap: BaseSnap): WorkbenchState {
  return snap.move === state.lastMove ? { ...state, snap } : state;
}
