/**
 * The worker's side of a trainer's actions on the real simulator (not the fake simulator): a session
 * of the quiet two-station fixture kept by LiveRegistry, as a sim worker keeps it.
 */
import { describe, expect, it } from 'vitest';
import { LiveRegistry } from '../../src/host/live-worker';
import { createLiveSession } from '../../src/sim';
import { quietInput } from '../sim/fixtures/small';
import { prepare } from '../sim/helpers';

describe("trainer's actions on a real live session", () => {
  it('injects an incident the next frame shows, lists candidates nearest first with finite ETAs, assigns one by hand, and refuses a second', async () => {
    const { scenario, world } = await prepare(quietInput());
    const registry = new LiveRegistry(() => 0);
    registry.open('s', createLiveSession(scenario, world));
    const injected = registry.trainer({ session: 's', action: { kind: 'inject', lon: -0.14, lat: 51.5, grade: 'I' } });
    expect(injected.outcome).toMatchObject({ ok: true, kind: 'inject' });
    const id = injected.outcome.ok && injected.outcome.kind === 'inject' ? injected.outcome.incident : -1;
    expect(injected.frame!.incidents.find((i) => i.id === id), 'in the frame, marked injected').toMatchObject({ grade: 'I', injected: true, lon: -0.14, lat: 51.5 });

    const listed = registry.trainer({ session: 's', action: { kind: 'candidates', incident: id } }).outcome;
    const candidates = listed.ok && listed.kind === 'candidates' ? listed.candidates : [];
    expect(candidates.map((c) => c.unit), 'W is 0.7 km away, E 2.8 km').toEqual(['W-IRV-1', 'E-IRV-1']);
    expect(candidates.every((c) => c.etaS !== null && c.etaS > 60), 'turnout + travel').toBe(true);

    const assigned = registry.trainer({ session: 's', action: { kind: 'assign', incident: id, unit: 'E-IRV-1' } });
    expect(assigned.outcome).toMatchObject({ ok: true, kind: 'assign', unit: 'E-IRV-1', incident: id });
    expect(assigned.frame!.incidents.find((i) => i.id === id), 'the frame shows the unit sent').toMatchObject({ state: 'assigned', units: ['E-IRV-1'] });
    expect(registry.trainer({ session: 's', action: { kind: 'assign', incident: id, unit: 'W-IRV-1' } }).outcome).toMatchObject({
      ok: false,
      reason: 'INCIDENT_FULLY_ASSIGNED',
    });
    expect(registry.trainer({ session: 's', action: { kind: 'assign', incident: 9999, unit: 'W-IRV-1' } }).outcome).toMatchObject({ ok: false, reason: 'NO_SUCH_INCIDENT' });
  });

  it('answers the decision record with the candidates, refuses an inject outside the modelled area (no frame), and stands a unit down', async () => {
    const { scenario, world } = await prepare(quietInput());
    const registry = new LiveRegistry(() => 0);
    registry.open('s', createLiveSession(scenario, world));
    const far = registry.trainer({ session: 's', action: { kind: 'inject', lon: 2.35, lat: 48.85, grade: 'I' } });
    expect(far.outcome).toMatchObject({ ok: false, kind: 'inject', reason: 'OUTSIDE_AREA', message: expect.stringContaining('2.35000, 48.85000 is outside the modelled area') });
    expect(far.frame, 'nothing changed').toBeNull();

    const injected = registry.trainer({ session: 's', action: { kind: 'inject', lon: -0.14, lat: 51.5, grade: 'I' } }).outcome;
    const id = injected.ok && injected.kind === 'inject' ? injected.incident : -1;
    registry.advance({ session: 's', toS: 1 });
    const listed = registry.trainer({ session: 's', action: { kind: 'candidates', incident: id } }).outcome;
    const explanation = listed.ok && listed.kind === 'candidates' ? listed.explanation : undefined;
    expect(explanation?.decisions.map((d) => [d.unit, d.how]), 'the policy sent the nearer unit').toEqual([['W-IRV-1', 'policy']]);
    expect(explanation?.waiting).toBeNull();

    const stood = registry.trainer({ session: 's', action: { kind: 'standDown', unit: 'W-IRV-1' } });
    expect(stood.outcome).toEqual({ ok: true, kind: 'standDown', unit: 'W-IRV-1', incident: id, closed: true, tS: 1 });
    expect(stood.frame!.incidents.find((i) => i.id === id), 'over').toBeUndefined();
    expect(registry.trainer({ session: 's', action: { kind: 'standDown', unit: 'W-IRV-1' } }).outcome).toMatchObject({ ok: false, kind: 'standDown', reason: 'UNIT_NOT_ON_INCIDENT' });
  });
});
