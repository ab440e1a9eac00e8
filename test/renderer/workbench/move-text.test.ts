/** What the planner reads after moving or adding a base: distance moved and the road position. */
import { describe, expect, it } from 'vitest';
import { baseMoved, baseSnapped, initialWorkbenchState, type BaseMove } from '../../../src/renderer/store/workbench-slice';
import { moveText } from '../../../src/renderer/workbench/move-text';

const move: BaseMove = { id: 'bx', name: 'Brixton', from: [-0.1149, 51.4621], to: [-0.0976, 51.4621] };

describe('moving a base: the slice and the words', () => {
  it('keeps the last move and takes only the snap that answers it', () => {
    const s1 = baseMoved(initialWorkbenchState, move);
    expect(s1).toMatchObject({ selectedBase: 'bx', lastMove: move, snap: null });
    const stale = { move: { ...move }, road: null, error: null };
    expect(baseSnapped(s1, stale)).toBe(s1);
    const snap = { move, road: { lon: -0.0977, lat: 51.4623, distanceM: 24.6 }, error: null };
    expect(baseSnapped(s1, snap).snap).toBe(snap);
  });

  it('says how far and which way, then where on the roads (or why not)', () => {
    expect(moveText(move, null)).toBe('Brixton moved 1.2 km east; finding the nearest road…');
    expect(moveText(move, { move, road: { lon: -0.0977, lat: 51.4623, distanceM: 24.6 }, error: null })).toBe('Brixton moved 1.2 km east; on the road network at 51.46230, -0.09770, 25 m from the marker');
    expect(moveText(move, { move, road: null, error: null })).toMatch(/straight lines, so there is no road network to snap to$/);
    expect(moveText(move, { move, road: null, error: 'cancelled' })).toMatch(/could not be found \(cancelled\)$/);
    expect(moveText({ ...move, from: null, name: 'New base 1' }, null)).toBe('New base 1 added at 51.46210, -0.09760; finding the nearest road…');
  });
});
