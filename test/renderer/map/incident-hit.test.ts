import { describe, expect, it } from 'vitest';
import { HIT_RADIUS_PX, incidentAt } from '../../../src/renderer/map/incident-hit';
import type { LiveIncident } from '../../../src/shared/protocol';

const inc = (id: number, lon: number, lat: number): LiveIncident => ({ id, grade: 'I', lon, lat, state: 'pending', callS: 0, units: [], injected: false });
/** 1 degree = 100 px, y down. */
const project = (lon: number, lat: number) => ({ x: lon * 100, y: -lat * 100 });

describe('incidentAt', () => {
  it('hits the nearest incident within the radius, and nothing farther', () => {
    const incidents = [inc(1, 0, 0), inc(2, 0.1, 0)];
    expect(incidentAt(incidents, project, 3, 0), 'nearest to incident 1').toBe(1);
    expect(incidentAt(incidents, project, 7, 0), 'nearer to incident 2 (10 px away)').toBe(2);
    expect(incidentAt(incidents, project, 0, HIT_RADIUS_PX + 1), 'too far from both').toBeNull();
    expect(incidentAt([], project, 0, 0)).toBeNull();
  });
});
