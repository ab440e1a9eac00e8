import { describe, expect, it } from 'vitest';
import {
  actionAnswered,
  candidateLabel,
  candidatesReceived,
  etaMinutes,
  incidentSelected,
  incidentsForTable,
  initialTrainerState,
  placingSet,
  refusalText,
  sortByEta,
  trainerSessionStarted,
  type TrainerState,
} from '../../../src/renderer/store/trainer-slice';
import type { LiveCandidate, LiveIncident } from '../../../src/shared/protocol';

const cand = (unit: string, etaS: number | null, extra: Partial<LiveCandidate> = {}): LiveCandidate => ({
  unit,
  station: 'B',
  state: 'free',
  etaS,
  chosen: false,
  eligible: true,
  reason: 'free',
  ...extra,
});

const selected = (incident: number): TrainerState => incidentSelected(initialTrainerState, { jobId: 'L', incident });

describe('trainer slice', () => {
  it('lists candidates nearest by ETA first, unreachable last, and picks the nearest reachable unit not in custody', () => {
    const s = candidatesReceived(selected(4), { incident: 4, candidates: [cand('C', 600, { chosen: true }), cand('A', null), cand('K', 120, { state: 'custody' }), cand('B', 300)] });
    expect(s.candidates!.map((c) => c.unit)).toEqual(['K', 'B', 'C', 'A']);
    expect(s.unit, 'K is nearer but dealing with a prisoner').toBe('B');
    expect(s.loading).toBe(false);
    expect(sortByEta([cand('Z', 60), cand('Y', 60)]).map((c) => c.unit), 'ties by unit id').toEqual(['Y', 'Z']);
  });

  it('ignores candidates of an incident no longer selected, and keeps the chosen unit when it is still listed', () => {
    const s = selected(4);
    expect(candidatesReceived(s, { incident: 9, candidates: [cand('A', 1)] })).toBe(s);
    const chosen = { ...candidatesReceived(s, { incident: 4, candidates: [cand('A', 60), cand('B', 90)] }), unit: 'B' };
    expect(candidatesReceived(chosen, { incident: 4, candidates: [cand('A', 30), cand('B', 20)] }).unit).toBe('B');
  });

  it('shows ETAs in minutes to a tenth, and labels the policy\'s choice', () => {
    expect(etaMinutes(254)).toBe('4.2 min');
    expect(etaMinutes(null)).toBe('no route');
    expect(candidateLabel(cand('CX-IRV-9', 90, { chosen: true }))).toBe("CX-IRV-9, free, 1.5 min (the policy's choice)");
  });

  it('an inject selects the new incident and disarms placing; a refusal says why in words with the simulator\'s message', () => {
    const armed = placingSet(initialTrainerState, true);
    expect(armed.placing).toBe(true);
    const injected = actionAnswered(armed, { jobId: 'L', outcome: { ok: true, kind: 'inject', incident: 77, tS: 10 } });
    expect(injected).toMatchObject({ placing: false, selected: 77, jobId: 'L', loading: true, message: { ok: true, text: 'Incident 77 injected.' } });
    const refused = actionAnswered(injected, { jobId: 'L', outcome: { ok: false, kind: 'assign', reason: 'UNIT_OFF_DUTY', message: 'unit U2 is off duty' } });
    expect(refused.message).toEqual({ ok: false, text: 'Not assigned: the unit is off duty (unit U2 is off duty).' });
    expect(refused.selected, 'the incident stays selected').toBe(77);
    expect(actionAnswered(injected, { jobId: 'L', outcome: null }).message).toEqual({ ok: false, text: 'No live session is running.' });
    expect(refusalText({ ok: false, kind: 'inject', reason: 'FAILED', message: 'boom' })).toBe('Not injected: boom');
  });

  it('an assignment says which unit goes and when it arrives; the list that follows keeps that message', () => {
    const s = actionAnswered(selected(5), { jobId: 'L', outcome: { ok: true, kind: 'assign', incident: 5, unit: 'U1', etaS: 312, tS: 0 } });
    expect(s.message).toEqual({ ok: true, text: 'Unit U1 assigned to incident 5, arriving in 5.2 min.' });
    const listed = actionAnswered(s, { jobId: 'L', outcome: { ok: true, kind: 'candidates', incident: 5, candidates: [cand('U1', 200)], tS: 0 } });
    expect(listed.message).toBe(s.message);
    expect(listed.candidates).toHaveLength(1);
  });

  it('a new session clears the selection and keeps the grade', () => {
    const s = { ...selected(3), grade: 'E' as const };
    expect(trainerSessionStarted(s, { jobId: 'M' })).toEqual({ ...initialTrainerState, grade: 'E', jobId: 'M' });
  });

  it('the incidents table puts injected ones first, then the newest calls, and is capped', () => {
    const inc = (id: number, callS: number, injected = false): LiveIncident => ({ id, grade: 'I', lon: 0, lat: 51, state: 'pending', callS, units: [], injected });
    const rows = incidentsForTable([inc(1, 10), inc(2, 50), inc(3, 5, true), inc(4, 40)], 3);
    expect(rows.map((r) => r.id)).toEqual([3, 2, 4]);
  });
});
