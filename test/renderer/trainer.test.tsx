/**
 * The trainer's controls in the whole app (jsdom, scripted API): arming and cancelling the placing
 * of an incident, an inject reaching the API with the grade and place, selecting an incident from
 * the keyboard-operable table, the candidates nearest first with ETAs, and an assignment's outcome.
 */
import './dom-setup';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { injectAt } from '../../src/renderer/sim-client/trainer';
import type { LiveFrame, LiveIncident, LiveTrainerAction, LiveTrainerOutcome } from '../../src/shared/protocol';
import { fakeApi } from './fake-api';
import { renderApp } from './render-app';

afterEach(cleanup);

const window0 = { fromS: 0, calls: 0, answered: 0, abandoned: 0, answeredWithinTargetPct: null, iAttended: 0, iMeanResponseS: null, iWithinTargetPct: null, attended: 0, withinTargetPct: null };
function frame(incidents: LiveIncident[]): Omit<LiveFrame, 'jobId'> {
  return {
    seq: 0, tS: 3600, startS: -86400, endS: 86400, finished: false, units: [], incidents, callsWaiting: 0, pending: 1, busyUnits: 0,
    kpis: { lastHour: window0, today: window0 }, step: null, workMs: 1, events: 0, playing: false, speed: 60,
  };
}
const incident = (id: number, extra: Partial<LiveIncident> = {}): LiveIncident => ({ id, grade: 'I', lon: -0.1, lat: 51.5, state: 'pending', callS: 3500, units: [], injected: false, ...extra });

/** Answers like the simulator: candidates U9 (far), U1 (near), X (no route); U2 is off duty. */
function answer(action: LiveTrainerAction): LiveTrainerOutcome {
  if (action.kind === 'inject') return { ok: true, kind: 'inject', incident: 500, tS: 3600 };
  if (action.kind === 'candidates') {
    return {
      ok: true,
      kind: 'candidates',
      incident: action.incident,
      tS: 3600,
      candidates: [
        { unit: 'U9', station: 'B', state: 'free', etaS: 900, chosen: false, eligible: true, reason: 'free' },
        { unit: 'U1', station: 'B', state: 'free', etaS: 240, chosen: true, eligible: true, reason: 'chosen by nearest-eta' },
        { unit: 'U2', station: 'B', state: 'returning', etaS: 300, chosen: false, eligible: true, reason: 'free' },
        { unit: 'X', station: 'B', state: 'free', etaS: null, chosen: false, eligible: true, reason: 'free' },
      ],
    };
  }
  if (action.kind === 'standDown') return { ok: true, kind: 'standDown', unit: action.unit, incident: 7, closed: false, tS: 3600 };
  if (action.unit === 'U2') return { ok: false, kind: 'assign', reason: 'UNIT_OFF_DUTY', message: 'unit U2 is off duty' };
  return { ok: true, kind: 'assign', incident: action.incident, unit: action.unit, etaS: 240, tS: 3600 };
}

describe("the trainer's controls", { timeout: 30_000 }, () => {
  it('arm placing with Inject incident (a hint on the map), Esc cancels; an inject sends the chosen grade and place and selects the new incident', async () => {
    const { api, lives } = fakeApi();
    const store = renderApp(api);
    const live = lives[0]!;
    live.answer = answer;
    const inject = screen.getByRole('button', { name: 'Inject incident' });
    expect((inject as HTMLButtonElement).disabled, 'no frame yet: nothing to inject into').toBe(true);
    act(() => live.frame(frame([])));
    expect((inject as HTMLButtonElement).disabled).toBe(false);

    fireEvent.change(screen.getByRole('combobox', { name: 'Grade' }), { target: { value: 'S' } });
    fireEvent.click(inject);
    expect(inject.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('placing-hint').textContent).toContain('Click the map to place the incident');
    expect(document.querySelector('.leaflet-container')!.classList.contains('placing'), 'crosshair cursor').toBe(true);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(inject.getAttribute('aria-pressed'), 'Esc cancels').toBe('false');
    expect(screen.queryByTestId('placing-hint')).toBeNull();
    expect(document.querySelector('.leaflet-container')!.classList.contains('placing')).toBe(false);

    // The map's click handler calls injectAt with the clicked place (Leaflet's click in jsdom has no layout).
    await act(async () => void (await injectAt(api, store, -0.12, 51.51)));
    expect(live.actions.slice(0, 2)).toEqual([
      { kind: 'inject', lon: -0.12, lat: 51.51, grade: 'S' },
      { kind: 'candidates', incident: 500 },
    ]);
    expect(screen.getByTestId('trainer-message').textContent).toBe('Incident 500 injected.');
    act(() => live.frame(frame([incident(500, { grade: 'S', injected: true })])));
    const details = screen.getByTestId('selected-incident');
    expect(within(details).getByRole('heading').textContent).toBe('Incident 500');
    expect(details.textContent).toContain('injected by the trainer');
    expect(screen.getByTestId('incident-row-500').textContent).toContain('(injected)');
  });

  it('selects an incident from the table, lists units nearest first with ETAs in minutes, and shows an assignment or why it was refused', async () => {
    const { api, lives } = fakeApi();
    renderApp(api);
    const live = lives[0]!;
    live.answer = answer;
    act(() => live.frame(frame([incident(7), incident(8, { grade: 'E' })])));
    const row = screen.getByTestId('incident-row-7');
    await act(async () => fireEvent.click(within(row).getByRole('button', { name: 'Incident 7' })));
    expect(live.actions).toEqual([{ kind: 'candidates', incident: 7 }]);
    const select = screen.getByRole('combobox', { name: 'Assign unit' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      "U1, free, 4.0 min (the policy's choice)",
      'U2, returning, 5.0 min',
      'U9, free, 15.0 min',
      'X, free, no route',
    ]);
    expect(select.value, 'the nearest is chosen').toBe('U1');
    expect([...select.options].find((o) => o.value === 'X')!.disabled, 'no route: cannot be chosen').toBe(true);

    fireEvent.change(select, { target: { value: 'U2' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Assign' })));
    expect(live.actions.at(-1)).toEqual({ kind: 'assign', incident: 7, unit: 'U2' });
    expect(screen.getByTestId('trainer-message').textContent).toBe('Not assigned: the unit is off duty (unit U2 is off duty).');

    fireEvent.change(select, { target: { value: 'U1' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Assign' })));
    expect(live.actions.slice(-2), 'then the list again').toEqual([
      { kind: 'assign', incident: 7, unit: 'U1' },
      { kind: 'candidates', incident: 7 },
    ]);
    await waitFor(() => expect(screen.getByTestId('trainer-message').textContent).toBe('Unit U1 assigned to incident 7, arriving in 4.0 min.'));
    act(() => live.frame(frame([incident(7, { state: 'assigned', units: ['U1'] })])));
    expect(screen.getByTestId('incident-state').textContent).toBe('unit on the way');
    expect(screen.getByTestId('incident-units').textContent).toBe('U1 Stand down');
  });

  it('a new live session clears the selection', async () => {
    const { api, lives } = fakeApi();
    renderApp(api);
    lives[0]!.answer = answer;
    act(() => lives[0]!.frame(frame([incident(7)])));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Incident 7' })));
    expect(screen.getByTestId('selected-incident')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Restart' })));
    expect(screen.queryByTestId('selected-incident')).toBeNull();
  });
});
