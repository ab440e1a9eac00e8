/**
 * The trainer's controls of issue 17 in the whole app (jsdom, scripted API): finding any unit by
 * name, a diversion confirmed only after a question naming the incident the unit leaves, standing a
 * unit down, the decision record of the selected incident, an inject outside the modelled area
 * refused with the reason, the list asked for again while playing, and the presenter view.
 */
import './dom-setup';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { injectAt } from '../../src/renderer/sim-client/trainer';
import { divertConfirmText, filterCandidates, leaves } from '../../src/renderer/store/trainer-units';
import type { DispatchExplanation, LiveCandidate, LiveFrame, LiveIncident, LiveTrainerAction, LiveTrainerOutcome } from '../../src/shared/protocol';
import { fakeApi } from './fake-api';
import { renderApp } from './render-app';

afterEach(cleanup);

const window0 = { fromS: 0, calls: 0, answered: 0, abandoned: 0, answeredWithinTargetPct: null, iAttended: 0, iMeanResponseS: null, iWithinTargetPct: null, attended: 0, withinTargetPct: null };
function frame(incidents: LiveIncident[], extra: Partial<LiveFrame> = {}): Omit<LiveFrame, 'jobId'> {
  return {
    seq: 0, tS: 3600, startS: -86400, endS: 86400, finished: false, units: [], incidents, callsWaiting: 2, pending: 1, busyUnits: 3,
    kpis: { lastHour: { ...window0, iMeanResponseS: 540, iWithinTargetPct: 87.5 }, today: window0 }, step: null, workMs: 1, events: 0, playing: false, speed: 60,
    ...extra,
  };
}
const incident = (id: number, extra: Partial<LiveIncident> = {}): LiveIncident => ({ id, grade: 'I', lon: -0.1, lat: 51.5, state: 'pending', callS: 3500, units: [], injected: false, ...extra });
const cand = (unit: string, etaS: number | null, extra: Partial<LiveCandidate> = {}): LiveCandidate => ({ unit, station: 'CX', state: 'free', etaS, chosen: false, eligible: true, reason: 'free', ...extra });

const explanation: DispatchExplanation = {
  incident: 7,
  decisions: [
    {
      tS: 3500,
      slot: 0,
      how: 'policy',
      unit: 'CX-1',
      etaS: 300,
      rule: 'nearest-eta: the smallest ETA among 2 free units any BCU (border rule any)',
      candidates: [
        { unit: 'CX-1', state: 'free', etaS: 300, verdict: 'chosen', why: 'sent' },
        { unit: 'BG-4', state: 'on-scene', etaS: 200, verdict: 'busy', why: 'busy: on-scene at incident 12' },
      ],
      passedOver: { busy: 1, 'off-duty': 30 },
    },
  ],
  notes: [],
  waiting: 'unit 2 of 2: no free unit it may take: 1 busy / 1 held in reserve for I',
  text: '',
};

/** Candidates CX-1 (free), BG-4 (on scene at incident 12), KT-9 (free, far); 900 more units, listed too. */
function answer(action: LiveTrainerAction): LiveTrainerOutcome {
  if (action.kind === 'inject') {
    return action.lon > 1
      ? { ok: false, kind: 'inject', reason: 'OUTSIDE_AREA', message: "1.50000, 51.50000 is outside the modelled area: it lies in none of the scenario's 33 areas" }
      : { ok: true, kind: 'inject', incident: 500, tS: 3600 };
  }
  if (action.kind === 'candidates') {
    const many = Array.from({ length: 900 }, (_, i) => cand(`ZZ-${i}`, 2000 + i));
    return {
      ok: true, kind: 'candidates', incident: action.incident, tS: 3600, explanation,
      candidates: [cand('KT-9', 1500, { station: 'KT' }), cand('BG-4', 200, { station: 'BG', state: 'on-scene', incident: 12, eligible: false, reason: 'busy: on-scene at incident 12' }), cand('CX-1', 300, { chosen: true }), ...many],
    };
  }
  if (action.kind === 'standDown') return { ok: true, kind: 'standDown', unit: action.unit, incident: 7, closed: true, tS: 3600 };
  return { ok: true, kind: 'assign', incident: action.incident, unit: action.unit, etaS: 200, tS: 3600 };
}

async function selected7() {
  const { api, lives } = fakeApi();
  const store = renderApp(api);
  const live = lives[0]!;
  live.answer = answer;
  act(() => live.frame(frame([incident(7, { state: 'assigned', units: ['CX-1'] }), incident(12, { grade: 'S', state: 'on-scene', units: ['BG-4'] })])));
  await act(async () => fireEvent.click(within(screen.getByTestId('incident-row-7')).getByRole('button', { name: 'Incident 7' })));
  return { api, store, live };
}

describe('the unit list and diversion, in words', () => {
  it('finds units by id, station or state, every word', () => {
    const list = [cand('CX-IRV-1', 60), cand('BG-IRV-2', 90, { station: 'BG', state: 'on-scene' })];
    expect(filterCandidates(list, 'bg scene').map((c) => c.unit)).toEqual(['BG-IRV-2']);
    expect(filterCandidates(list, '  ').map((c) => c.unit)).toEqual(['CX-IRV-1', 'BG-IRV-2']);
  });

  it('names the incident a diverted unit leaves, what it is doing there and that the incident waits again', () => {
    expect(leaves(cand('BG-4', 60, { incident: 12 }), 7)).toBe(12);
    expect(leaves(cand('BG-4', 60, { incident: 7 }), 7), 'already on this incident').toBeNull();
    expect(leaves(cand('CX-1', 60), 7)).toBeNull();
    expect(divertConfirmText('BG-4', 12, 7, 'on-scene', incident(12, { grade: 'S' }))).toBe(
      'Divert BG-4 from incident 12 to incident 7? BG-4 is on scene there; incident 12 (grade S) goes back to waiting for a unit.',
    );
    expect(divertConfirmText('BG-4', 12, 7, 'travelling', undefined)).toBe('Divert BG-4 from incident 12 to incident 7? BG-4 is on its way to it; incident 12 goes back to waiting for a unit.');
  });
});

describe("the trainer's controls (issue 17)", { timeout: 60_000 }, () => {
  it('lists every unit on duty, not only 25, and "Find unit" narrows the list', async () => {
    await selected7();
    const select = screen.getByRole('combobox', { name: 'Assign unit' }) as HTMLSelectElement;
    expect(select.options.length, 'all 903 units').toBe(903);
    expect(screen.getByTestId('units-listed').textContent).toMatch(/^903 of 903 units on duty/);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find unit' }), { target: { value: 'kt' } });
    expect([...select.options].map((o) => o.value)).toEqual(['KT-9']);
    expect(select.value, 'the one found is chosen').toBe('KT-9');
    expect(screen.getByTestId('units-listed').textContent).toMatch(/^1 of 903 units on duty/);
  });

  it('a busy unit is diverted only after a question naming the incident it leaves; Cancel sends nothing', async () => {
    const { live } = await selected7();
    fireEvent.change(screen.getByRole('combobox', { name: 'Assign unit' }), { target: { value: 'BG-4' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Assign' })));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('Divert BG-4 from incident 12 to incident 7? BG-4 is on scene there; incident 12 (grade S) goes back to waiting for a unit.');
    expect(live.actions.some((a) => a.kind === 'assign'), 'nothing sent yet').toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(live.actions.some((a) => a.kind === 'assign')).toBe(false);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Assign' })));
    await act(async () => fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Divert' })));
    expect(live.actions.filter((a) => a.kind === 'assign')).toEqual([{ kind: 'assign', incident: 7, unit: 'BG-4' }]);
    await waitFor(() => expect(screen.getByTestId('trainer-message').textContent).toBe('Unit BG-4 assigned to incident 7, arriving in 3.3 min.'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('stands a unit of the incident down and says so', async () => {
    const { live } = await selected7();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Stand down CX-1' })));
    expect(live.actions.filter((a) => a.kind === 'standDown')).toEqual([{ kind: 'standDown', unit: 'CX-1' }]);
    await waitFor(() => expect(screen.getByTestId('trainer-message').textContent).toBe('Unit CX-1 stood down from incident 7, which is now closed.'));
  });

  it('shows the decision record: why it waits, the rule, the units weighed with state and ETA', async () => {
    await selected7();
    const record = screen.getByTestId('dispatch-decision');
    expect(within(record).getByTestId('waiting-reason').textContent).toBe('Waits: unit 2 of 2: no free unit it may take: 1 busy / 1 held in reserve for I');
    expect(within(record).getByTestId('decision-rule').textContent).toBe('nearest-eta: the smallest ETA among 2 free units any BCU (border rule any)');
    const rows = within(record).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['CX-1', 'free', '5.0 min', 'sent'],
      ['BG-4', 'on-scene', '3.3 min', 'busy: on-scene at incident 12'],
    ]);
    expect(within(record).getByRole('table').querySelector('caption')!.textContent).toBe('Units weighed, nearest first; passed over: 1 busy, 30 off duty');
  });

  it('an inject outside the modelled area is refused with the reason', async () => {
    const { api, store, live } = await selected7();
    await act(async () => void (await injectAt(api, store, 1.5, 51.5)));
    expect(live.actions.at(-1)).toEqual({ kind: 'inject', lon: 1.5, lat: 51.5, grade: 'I' });
    expect(screen.getByTestId('trainer-message').textContent).toBe(
      "Not injected: the place is outside the modelled area (1.50000, 51.50000 is outside the modelled area: it lies in none of the scenario's 33 areas).",
    );
  });

  it('while playing, the candidates are asked for again as frames arrive', async () => {
    const { live } = await selected7();
    const asked = () => live.actions.filter((a) => a.kind === 'candidates').length;
    const before = asked();
    await act(async () => live.frame(frame([incident(7, { state: 'assigned', units: ['CX-1'] })], { seq: 5, playing: true })));
    await waitFor(() => expect(asked(), 'asked again').toBe(before + 1));
  });

  it('the presenter view: the map full screen with a large clock and the figures; Escape leaves', async () => {
    const { api, lives } = fakeApi();
    renderApp(api);
    act(() => lives[0]!.frame(frame([])));
    fireEvent.click(screen.getByRole('button', { name: 'Presenter view' }));
    const view = screen.getByRole('region', { name: 'Presenter view' });
    expect(document.querySelector('.app')!.classList.contains('presenter')).toBe(true);
    expect(within(view).getByTestId('presenter-clock').textContent).toBe('Mon 01:00:00Day 1paused');
    expect(view.textContent).toContain('Incidents waiting1');
    expect(view.textContent).toContain('Units busy3');
    expect(view.textContent).toContain('I within target, last hour87.5');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Presenter view' })).toBeNull();
    expect(document.querySelector('.app')!.classList.contains('presenter')).toBe(false);
  });
});
