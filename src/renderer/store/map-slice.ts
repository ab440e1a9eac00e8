/**
 * The map slice: which figure colours the boroughs, which borough is selected, which optional
 * layers show, and the outlines loaded for the scenario's area set. Pure updaters.
 */
import type { MapLayers } from '../../shared/protocol';

/** Figures a borough can be coloured by (src/renderer/map/choropleth.ts defines each). */
export type ChoroplethFigure = 'I-mean' | 'I-within' | 'S-mean' | 'S-within' | 'I-incidents';

export interface MapState {
  readonly figure: ChoroplethFigure;
  /** area id (GSS code) of the selected borough */
  readonly selectedArea: string | null;
  readonly showOffDuty: boolean;
  /** whether the road data coverage layer (MapLayers.coverage) is drawn; off by default */
  readonly showCoverage: boolean;
  /** outlines of a built-in area set, when the scenario names one and the host has it */
  readonly layers: MapLayers | null;
  /** why the outlines could not be had */
  readonly layersError: string | null;
}

export const initialMapState: MapState = { figure: 'I-mean', selectedArea: null, showOffDuty: true, showCoverage: false, layers: null, layersError: null };

export function figureChosen(state: MapState, figure: ChoroplethFigure): MapState {
  return figure === state.figure ? state : { ...state, figure };
}

/** Selects a borough (null clears; selecting the selected one keeps it). */
export function areaSelected(state: MapState, area: string | null): MapState {
  return area === state.selectedArea ? state : { ...state, selectedArea: area };
}

export function offDutyShown(state: MapState, show: boolean): MapState {
  return show === state.showOffDuty ? state : { ...state, showOffDuty: show };
}

export function coverageShown(state: MapState, show: boolean): MapState {
  return show === state.showCoverage ? state : { ...state, showCoverage: show };
}

export function layersLoaded(state: MapState, layers: MapLayers | null): MapState {
  return { ...state, layers, layersError: null };
}

export function layersFailed(state: MapState, message: string): MapState {
  return { ...state, layers: null, layersError: message };
}
