import { describe, expect, it } from 'vitest';
import { areaSelected, figureChosen, initialMapState, layersFailed, layersLoaded, offDutyShown } from '../../../src/renderer/store/map-slice';

describe('map slice updaters', () => {
  it('chooses the figure, selects and clears a borough, toggles off-duty units; no-ops return the same state', () => {
    const chosen = figureChosen(initialMapState, 'S-within');
    expect(chosen.figure).toBe('S-within');
    expect(figureChosen(chosen, 'S-within')).toBe(chosen);
    const selected = areaSelected(chosen, 'E09000033');
    expect(selected.selectedArea).toBe('E09000033');
    expect(areaSelected(selected, 'E09000033')).toBe(selected);
    expect(areaSelected(selected, null).selectedArea).toBeNull();
    expect(offDutyShown(initialMapState, false).showOffDuty).toBe(false);
  });

  it('outlines replace an earlier failure and a failure clears the outlines', () => {
    const failed = layersFailed(initialMapState, 'no data');
    expect(failed).toMatchObject({ layers: null, layersError: 'no data' });
    const layers = { source: 'x', areas: { type: 'FeatureCollection' as const, features: [] }, bcus: null, attribution: [] };
    expect(layersLoaded(failed, layers)).toMatchObject({ layers, layersError: null });
  });
});
