/**
 * "Demand from incident log" (issue 17 item 6): a malformed CSV is refused naming its line and column
 * and the demand stays random; a good one re-runs the scenario with the log's calls (the run
 * request carries the file), the run status says so, its figures are not compared with the random
 * run's, and "Random demand" returns to normal runs.
 */
import './dom-setup';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimResults } from '../../src/shared/protocol';
import { fakeResults } from '../host/fakes';
import { fakeApi } from './fake-api';
import { renderApp } from './render-app';

afterEach(cleanup);

function results(iMeanS: number): SimResults {
  const r = fakeResults(1000, 1);
  return { ...r, grades: { ...r.grades, I: { ...(r.grades.I as object), meanResponseS: iMeanS } as SimResults['grades']['I'] } };
}

function pick(name: string, text: string): void {
  const file = new File([text], name, { type: 'text/csv' });
  fireEvent.change(screen.getByTestId('replay-file'), { target: { files: [file] } });
}

const GOOD = 'time,longitude,latitude,grade\n60,-0.14,51.5,I\n120,-0.13,51.51,S\n3600,-0.12,51.5,E\n';

describe('Demand from incident log', () => {
  it('refuses a bad CSV naming line and column; replays a good one, not compared with random runs; Random demand returns', async () => {
    const { api, runs } = fakeApi();
    renderApp(api);
    await act(async () => runs[0]!.finish({ ok: true, results: results(600), replications: 1, wallMs: 5 }));
    expect(screen.getByRole('button', { name: 'Demand from incident log' })).toBeTruthy();

    await act(async () => pick('bad.csv', 'time,longitude,latitude,grade\n60,-0.14,51.5,I\n120,abc,51.5,S\n'));
    await waitFor(() => expect(screen.getByTestId('replay-error').textContent).toContain('bad.csv: line 3, column 2 (longitude): expected a number from -180 to 180, got "abc"'));
    expect(runs, 'no run for a refused file').toHaveLength(1);

    await act(async () => pick('log.csv', GOOD));
    await waitFor(() => expect(runs).toHaveLength(2));
    expect(screen.queryByTestId('replay-error')).toBeNull();
    expect(runs[1]!.request.trace).toEqual({ name: 'log.csv', csv: GOOD });
    expect(screen.getByTestId('replay-status').textContent).toBe('Runs use demand replayed from log.csv (3 calls).');
    expect(screen.getByTestId('run-demand').textContent).toBe(', demand replayed from log.csv (3 calls)');
    await act(async () => runs[1]!.finish({ ok: true, results: results(700), replications: 1, wallMs: 5 }));
    const figures = () => within(screen.getByRole('region', { name: 'Key figures' })).getByTestId('figure-I-mean');
    expect(figures().querySelector('td.value')!.textContent).toBe('11:40');
    // No change shown (a dash): replayed demand is not compared with the random run before it.
    expect(figures().querySelector('td.change')!.textContent).toBe('–');
    expect(figures().querySelector('td.change')!.getAttribute('data-direction')).toBeFalsy();

    // The report's reproduce command runs random demand, so a replayed run's report is refused, saying why.
    const exportButton = screen.getByRole('button', { name: 'Export report' }) as HTMLButtonElement;
    await waitFor(() => expect(exportButton.disabled).toBe(false));
    fireEvent.click(exportButton);
    await waitFor(() => expect(screen.getByText(/No report: the latest run's demand replayed from log\.csv \(3 calls\), which the report's reproduce command cannot repeat; choose Random demand, then export\./)).toBeTruthy());

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Random demand' })));
    // Random demand again is the first run over: its figures at once, from that run (the same scenario gives the same results).
    await waitFor(() => expect(figures().querySelector('td.value')!.textContent).toBe('10:00'));
    expect(runs, 'not run again').toHaveLength(2);
    expect(screen.queryByTestId('run-demand')).toBeNull();
    expect(screen.getByRole('button', { name: 'Demand from incident log' })).toBeTruthy();
  });
});
