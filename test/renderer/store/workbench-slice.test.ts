import { describe, expect, it } from 'vitest';
import { baseSelected, cornerAdded, initialWorkbenchState, workbenchPlacingSet } from '../../../src/renderer/store/workbench-slice';

describe('workbench slice', () => {
  it('arming a placing mode clears drawn corners; corners are kept only while drawing a polygon', () => {
    const s0 = initialWorkbenchState;
    expect(cornerAdded(s0, [0, 51])).toBe(s0);
    const drawing = cornerAdded(cornerAdded(workbenchPlacingSet(s0, 'polygon'), [0, 51]), [1, 51]);
    expect(drawing.corners).toEqual([[0, 51], [1, 51]]);
    expect(workbenchPlacingSet(drawing, null)).toEqual({ ...s0, placing: null, corners: [] });
    expect(workbenchPlacingSet(s0, null)).toBe(s0);
    expect(baseSelected(s0, 'x').selectedBase).toBe('x');
    expect(baseSelected(s0, null)).toBe(s0);
  });
});
