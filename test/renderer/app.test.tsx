/**
 * The whole app in jsdom against a scripted API: what it asks the host for, and what it shows for
 * each answer (figures and their changes, errors with paths, the live controls, host events).
 */
import './dom-setup';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LONDON_BASELINE } from '../../src/renderer/scenarios';
import type { LiveFrame, SimResults } from '../../src/shared/protocol';
import { fakeResults } from '../host/fakes';
import { fakeApi } from './fake-api';
import { renderApp } from './render-app';

afterEach(cleanup);

function results(iMeanS: number, offered = 1000): SimResults {
  const r = fakeResults(offered, 1);
  return { ...r, grades: { ...r.grades, I: { ...(r.grades.I as object), meanResponseS: iMeanS } as SimResults['grades']['I'] } };
}

const window0 = { fromS: 0, calls: 0, answered: 0, abandoned: 0, answeredWithinTargetPct: null, iAttended: 0, iMeanResponseS: null, iWithinTargetPct: null, attended: 0, withinTargetPct: null };
function frame(tS: number, extra: Partial<LiveFrame> = {}): Omit<LiveFrame, 'jobId'> {
  return {
    seq: 0, tS, startS: -86400, endS: 86400, finished: false, units: [{ id: 'U1', station: 'B', state: 'free', lon: -0.1, lat: 51.5, incident: null, moving: false }],
    incidents: [], callsWaiting: 2, pending: 1, busyUnits: 7, kpis: { lastHour: window0, today: window0 }, step: null, workMs: 1, events: 3, playing: false, speed: 60, ...extra,
  };
}

describe('the app', () => {
  it('starts with the London baseline: runs it for its own days (7) and opens a paused live session', async () => {
    const { api, runs, lives } = fakeApi();
    renderApp(api);
    await waitFor(() => expect(screen.getByTestId('version').textContent).toBe('Simulator 9.9.9 · app 0.1.0 · browser, 2 workers'));
    expect(screen.getByTestId('scenario-name').textContent).toBe('London baseline');
    expect(runs.length, 'StrictMode-free render: one run').toBe(1);
    expect(runs[0]!.request).toMatchObject({ scenario: LONDON_BASELINE.scenario, days: 7 });
    expect(lives[0]!.request).toMatchObject({ days: 7, playing: false });
    expect(screen.getByRole('region', { name: 'Key figures' }).textContent).toContain('Running the scenario…');
  });

  it('shows progress with Cancel, then the key figures; the next run shows the change from it', async () => {
    const { api, runs, cancelled } = fakeApi();
    renderApp(api);
    act(() => runs[0]!.progress(0.4));
    expect(screen.getByRole('progressbar', { name: 'Progress' }).getAttribute('value')).toBe('0.4');
    await act(async () => runs[0]!.finish({ ok: true, results: results(600), replications: 1, wallMs: 87 }));
    const figures = screen.getByRole('region', { name: 'Key figures' });
    expect(within(figures).getByTestId('figure-I-mean').querySelector('td.value')!.textContent).toBe('10:00');
    expect(within(figures).getByTestId('calls-offered').textContent).toBe('1,000 calls offered');
    expect(within(figures).getByTestId('figure-S-mean').querySelector('td.value')!.textContent, 'nothing measured: a dash').toBe('–');

    // A resourcing change marks the scenario modified and re-runs (after the debounce).
    fireEvent.change(screen.getByTestId('units-CW-early'), { target: { value: '0' } });
    expect(screen.getAllByTestId('modified').length).toBeGreaterThan(0);
    await waitFor(() => expect(runs).toHaveLength(2));
    expect(JSON.stringify(runs[1]!.request.scenario)).not.toBe(JSON.stringify(LONDON_BASELINE.scenario));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })));
    expect(cancelled).toContain(runs[1]!.request.jobId);
    fireEvent.change(screen.getByTestId('units-CW-early'), { target: { value: '3' } });
    await waitFor(() => expect(runs).toHaveLength(3));
    await act(async () => runs[2]!.finish({ ok: true, results: results(665), replications: 1, wallMs: 50 }));
    const change = within(screen.getByRole('region', { name: 'Key figures' })).getByTestId('figure-I-mean').querySelector('td.change')!;
    expect(change.textContent).toBe('▲ +1:05 (worse)');
    expect(change.getAttribute('data-direction')).toBe('up');
  });

  it('lists every scenario problem of a failed run with its path, and a crash with its report', async () => {
    const { api, runs } = fakeApi();
    renderApp(api);
    await act(async () =>
      runs[0]!.finish({ ok: false, error: { kind: 'invalid-scenario', errors: [{ path: 'fleet[0].count', message: 'expected a whole number >= 0, got -2' }, { path: '', message: 'bad file' }] } }),
    );
    const alert = screen.getByTestId('run-error');
    expect(alert.textContent).toContain('The scenario has 2 problems');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['fleet[0].count: expected a whole number >= 0, got -2', '(file): bad file']);
  });

  it('shows a crashed worker with the crash report, and a rejected call as a failed run (logged)', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { api, runs } = fakeApi();
    renderApp(api);
    await act(async () => runs[0]!.finish({ ok: false, error: { kind: 'worker-crashed', message: 'exited with code 3', crashReport: '/u/crash-1.txt' } }));
    expect(screen.getByTestId('run-error').textContent).toContain('The simulator stopped unexpectedly: exited with code 3.');
    expect(screen.getByTestId('run-error').textContent).toContain('A crash report was written to /u/crash-1.txt.');
    cleanup();
    renderApp(fakeApi({ runScenario: () => Promise.reject(new Error("job 'x' is already running")) }).api);
    await waitFor(() => expect(screen.getByTestId('run-error').textContent).toContain("The simulation failed: job 'x' is already running"));
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('lists the warnings of an opened scenario that runs but has a station in New York', async () => {
    const odd = structuredClone(LONDON_BASELINE.scenario) as { stations: { lon: number; lat: number }[] };
    odd.stations[0]!.lon = -74.006;
    odd.stations[0]!.lat = 40.7128;
    const { api } = fakeApi({ openScenarioFile: async () => ({ ok: true, file: { path: 'odd.json', name: 'odd.json', raw: odd } }) });
    renderApp(api);
    expect(screen.queryByTestId('scenario-warnings'), 'the baseline has none').toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Open scenario' })));
    const list = screen.getByTestId('scenario-warnings');
    expect(list.textContent).toContain('1 warning about this scenario');
    expect(within(list).getAllByRole('listitem')[0]!.textContent).toMatch(/^stations\[0\] \(place-far-outside\): station ".*" is [\d,]+ km outside/);
  });

  it('refuses a malformed scenario file with its JSON path and keeps the current scenario', async () => {
    const broken = structuredClone(LONDON_BASELINE.scenario) as { fleet: { perShift: Record<string, number> }[] };
    broken.fleet[3]!.perShift.late = -2;
    const { api, runs } = fakeApi({ openScenarioFile: async () => ({ ok: true, file: { path: 'bad.json', name: 'bad.json', raw: broken } }) });
    renderApp(api);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Open scenario' })));
    const alert = screen.getByTestId('open-error');
    expect(alert.textContent).toContain('bad.json was not opened');
    expect(within(alert).getAllByRole('listitem')[0]!.textContent).toMatch(/^fleet\[3\]\.perShift\.late: /);
    expect(screen.getByTestId('scenario-name').textContent).toBe('London baseline');
    expect(runs, 'nothing re-run').toHaveLength(1);
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('open-error')).toBeNull();
  });

  it('opens a valid file from the menu and runs it; a file the host could not read is a notice; JSON that is no object is refused', async () => {
    const { api, runs, emit } = fakeApi();
    renderApp(api);
    const small = { schemaVersion: 1, name: 'Tiny', demand: { streams: [{ line: '999', callsPerDay: 10, gradeMix: { I: 1 } }], points: [{ lon: 0, lat: 51, weight: 1 }] }, stations: [{ id: 'A', lon: 0, lat: 51 }], fleet: [{ station: 'A', count: 1 }], callHandling: null };
    act(() => emit({ type: 'scenario-opened', file: { path: '/s/tiny.json', name: 'tiny.json', raw: small } }));
    expect(screen.getByTestId('scenario-name').textContent).toBe('Tiny');
    await waitFor(() => expect(runs).toHaveLength(2));
    expect(runs[1]!.request.scenario).toEqual(small);
    act(() => emit({ type: 'open-failed', message: '/s/x.json: not JSON: Unexpected end' }));
    expect(screen.getByText(/\/s\/x\.json: not JSON: Unexpected end/)).toBeTruthy();
    act(() => emit({ type: 'scenario-opened', file: { path: 'list.json', name: 'list.json', raw: [1, 2] } }));
    expect(screen.getByTestId('open-error').textContent).toContain('expected a scenario object');
    expect(screen.getByTestId('scenario-name').textContent, 'kept').toBe('Tiny');
  });

  it('plays, pauses and steps the live session by its controls and by Space, and shows its clock', async () => {
    const { api, lives } = fakeApi();
    renderApp(api);
    const live = lives[0]!;
    act(() => live.frame(frame(-86400)));
    expect(screen.getByTestId('clock').textContent).toBe('Sun 00:00:00Warm-up');
    expect(screen.getByTestId('busy-units').textContent).toBe('7');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Play' })));
    expect(live.commands).toEqual([{ kind: 'play' }]);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    act(() => live.frame(frame(3600 * 7.5, { playing: true })));
    expect(screen.getByTestId('clock').textContent).toBe('Mon 07:30:00Day 1');
    await act(async () => fireEvent.keyDown(window, { key: ' ' }));
    expect(live.commands.at(-1), 'Space pauses').toEqual({ kind: 'pause' });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Step' })));
    expect(live.commands.at(-1)).toEqual({ kind: 'step' });
    await act(async () => fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: 'max' } }));
    expect(live.commands.at(-1)).toEqual({ kind: 'speed', speed: 'max' });
    act(() => live.frame(frame(3600 * 8, { step: { tS: 28800, event: 'unit-at-scene', incident: 12, unit: 'CX-1' } })));
    expect(screen.getByText('Step: unit-at-scene, incident 12, unit CX-1')).toBeTruthy();
  });

  it('says when the live session crashed, and Restart starts a new one', async () => {
    const { api, lives } = fakeApi();
    renderApp(api);
    await act(async () => lives[0]!.finish({ ok: false, error: { kind: 'worker-crashed', message: 'sim worker exited with code 3' } }));
    expect(screen.getByTestId('live-error').textContent).toContain('The live simulation stopped unexpectedly (sim worker exited with code 3)');
    fireEvent.click(screen.getByRole('button', { name: 'Restart' }));
    expect(lives).toHaveLength(2);
  });

  it('names every control', () => {
    renderApp(fakeApi().api);
    for (const el of [...document.querySelectorAll('button, input, select')]) {
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
      const labelled = name !== '' || el.closest('label') !== null || el.id !== '';
      expect(labelled, `${el.outerHTML.slice(0, 120)} has an accessible name`).toBe(true);
    }
    for (const name of ['Play', 'Step', 'Restart', 'Open scenario']) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Speed' })).toBeTruthy();
  });

  it('the document commands: title with the file and a modified marker, Undo and Redo, Save by button, key and menu', async () => {
    const fake = fakeApi();
    const store = renderApp(fake.api);
    expect(document.title).toBe('London baseline – Response Simulator');
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect((undo as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('demand-multiplier'), { target: { value: '1.2' } });
    expect(document.title).toBe('* London baseline – Response Simulator');
    expect(undo.getAttribute('title')).toBe('Undo: Demand multiplier (Ctrl+Z)');
    expect(undo.textContent, 'the button says what it undoes').toBe('Undo: Demand multiplier');
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(store.getState().scenario.modified, 'Ctrl+Z undid it').toBe(false);
    fireEvent.keyDown(document.body, { key: 'y', ctrlKey: true });
    expect(store.getState().scenario.modified, 'Ctrl+Y redid it').toBe(true);
    // In a text field, Ctrl+Z is the field's own.
    fireEvent.keyDown(screen.getByTestId('demand-multiplier'), { key: 'z', ctrlKey: true });
    expect(store.getState().scenario.modified).toBe(true);
    await act(async () => void fireEvent.keyDown(document.body, { key: 's', ctrlKey: true }));
    expect(fake.saves).toHaveLength(1);
    expect(fake.saves[0]).toMatchObject({ suggestedName: 'london-baseline.json', path: null, saveAs: false });
    await waitFor(() => expect(document.title).toBe('london-baseline.json – Response Simulator'));
    await act(async () => fake.emit({ type: 'save-scenario', saveAs: true }));
    expect(fake.saves[1]).toMatchObject({ path: '/saved/london-baseline.json', saveAs: true });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Save scenario as' })));
    expect(fake.saves).toHaveLength(3);
  });

  it('unsubscribes from app events when unmounted', () => {
    const fake = fakeApi();
    renderApp(fake.api);
    expect(fake.listeners.size).toBe(1);
    cleanup();
    expect(fake.listeners.size).toBe(0);
  });
});
