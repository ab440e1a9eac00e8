/**
 * The workbench slice: what a map click does next ("Add base" and "Add demand event" arm it; Esc
 * or a placed click disarms it) and which base the planner last touched. Pure updaters; the
 * scenario edits themselves go through scenario-slice's `scenarioEdited`.
 */
export type WorkbenchPlacing = 'base' | 'event' | null;

export interface WorkbenchState {
  readonly placing: WorkbenchPlacing;
  /** id of the base last added, moved or chosen (highlighted on the map and in the table) */
  readonly selectedBase: string | null;
}

export const initialWorkbenchState: WorkbenchState = { placing: null, selectedBase: null };

export function workbenchPlacingSet(state: WorkbenchState, placing: WorkbenchPlacing): WorkbenchState {
  return placing === state.placing ? state : { ...state, placing };
}

export function baseSelected(state: WorkbenchState, id: string | null): WorkbenchState {
  return id === state.selectedBase ? state : { ...state, selectedBase: id };
}
