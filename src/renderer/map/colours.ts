/** Colours of the map's live layer, shared with its legend (one place, so they cannot drift). */
import type { LiveIncident, LiveUnitState } from '../../shared/protocol';

export const UNIT_COLOURS: Readonly<Record<LiveUnitState, string>> = {
  free: '#1a9850',
  travelling: '#d73027',
  'on-scene': '#7b3294',
  returning: '#2c7bb6',
  custody: '#8c510a',
  'off-duty': '#9aa3ad',
};

export const UNIT_STATE_LABELS: Readonly<Record<LiveUnitState, string>> = {
  free: 'Free',
  travelling: 'Travelling',
  'on-scene': 'On scene',
  returning: 'Returning',
  custody: 'Custody',
  'off-duty': 'Off duty',
};

export const GRADE_COLOURS: Readonly<Record<LiveIncident['grade'], string>> = {
  I: '#e31a1c',
  S: '#ff7f00',
  E: '#e7298a',
  R: '#6b7280',
};

export const GRADE_LABELS: Readonly<Record<LiveIncident['grade'], string>> = {
  I: 'I Immediate',
  S: 'S Significant',
  E: 'E Extended',
  R: 'R Referred',
};

/** The ring drawn around an incident a trainer injected (radius in CSS pixels). */
export const INJECTED_RING_COLOUR = '#1f78b4';
export const INJECTED_RING_PX = 8;
