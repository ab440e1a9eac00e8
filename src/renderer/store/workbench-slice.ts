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
}

export const initialWorkbenchState: WorkbenchState = { placing: null, selectedBase: null, corners: [] };

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
