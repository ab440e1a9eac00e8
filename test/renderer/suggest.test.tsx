/**
 * The "Suggest resourcing" panel against a scripted API: it asks the host for the open scenario's
 * suggestion at the run horizon, shows progress with Cancel, then what changed, and opens the
 * result as a new scenario named after where it came from.
 */
import './dom-setup';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SuggestOutcome, SuggestProgress, SuggestRequest } from '../../src/shared/protocol';
import { runHorizon } from '../../src/renderer/store/scenario-slice';
import { fakeApi } from './fake-api';
import { renderApp } from './render-app';

afterEach(cleanup);

describe('Suggest resourcing', () => {
  it('runs the optimiser with progress, shows what changed and opens the result as a new scenario', async () => {
    const asked: SuggestRequest[] = [];
    let finish: (o: SuggestOutcome) => void = () => {};
    let progress: (p: SuggestProgress) => void = () => {};
    const { api } = fakeApi({
      suggestResourcing: (request, onProgress) => {
        asked.push(request);
        progress = (p) => onProgress?.(p);
        return new Promise((resolve) => (finish = resolve));
      },
    });
    const store = renderApp(api);
    const panel = await screen.findByTestId('suggest');
    fireEvent.click(within(panel).getByRole('button', { name: 'Suggest resourcing' }));
    await waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]!.targets).toEqual([{ key: 'I', pct: 90 }]);
    expect(asked[0]!.days).toBe(runHorizon(store.getState().scenario).days);
    expect(asked[0]!.scenario).toBe(store.getState().scenario.current);
    progress({ jobId: asked[0]!.jobId, evaluations: 3, maxEvaluations: 30 });
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toContain('Simulating candidate 4 of at most 30'));
    expect(within(panel).getByRole('button', { name: 'Cancel' })).toBeTruthy();

    const from = store.getState().scenario.name;
    const suggested = { ...store.getState().scenario.current, name: 'suggested' };
    finish({
      ok: true,
      scenario: suggested,
      changes: [{ kind: 'units', group: 'CW', shift: 'late', from: 30, to: 27 }],
      described: ['CW, late shift: 30 -> 27 units'],
      targets: [{ key: 'I', pct: 90, mean: 93.2, half: 1.1, lower: 92.1, met: true }],
      met: true,
      evaluations: 9,
      stopped: null,
    });
    const changed = await within(panel).findByRole('list', { name: 'What changed' });
    expect(changed.textContent).toBe('CW, late shift: 30 -> 27 units');
    fireEvent.click(within(panel).getByRole('button', { name: 'Open as new scenario' }));
    await waitFor(() => expect(store.getState().scenario.origin).toBe(`suggested from ${from}`));
    expect(store.getState().scenario.current).toEqual(suggested);
  });

  it('Cancel asks the host to cancel the suggestion\'s job, and says it was cancelled', async () => {
    let finish: (o: SuggestOutcome) => void = () => {};
    const { api, cancelled } = fakeApi({ suggestResourcing: () => new Promise((resolve) => (finish = resolve)) });
    renderApp(api);
    const panel = await screen.findByTestId('suggest');
    fireEvent.click(within(panel).getByRole('button', { name: 'Suggest resourcing' }));
    fireEvent.click(await within(panel).findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(cancelled.some((id) => id.startsWith('suggest-'))).toBe(true));
    finish({ ok: false, error: { kind: 'cancelled' } });
    expect((await within(panel).findByRole('alert')).textContent).toBe('Cancelled.');
  });
});
