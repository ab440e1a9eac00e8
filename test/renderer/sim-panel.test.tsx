import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../src/renderer/api-context';
import { App } from '../../src/renderer/App';
import { SMALL_SCENARIO } from '../../src/renderer/scenarios';
import { createAppStore, StoreProvider } from '../../src/renderer/store';
import type { DesktopApi } from '../../src/shared/protocol';
import { fakeResults } from '../host/fakes';
import { fakeApi } from './fake-api';

afterEach(cleanup);

function renderApp(api: DesktopApi) {
  const store = createAppStore();
  render(
    <ApiProvider api={api}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </ApiProvider>,
  );
  return store;
}

describe('the simulator panel', () => {
  it('shows the version the simulator reports', async () => {
    renderApp(fakeApi().api);
    expect(screen.getByTestId('version').textContent).toBe('Asking the simulator…');
    await waitFor(() => expect(screen.getByTestId('version').textContent).toBe('Simulator 9.9.9 · app 0.1.0 · browser, 2 workers'));
  });

  it('says when the simulator does not answer', async () => {
    renderApp(fakeApi({ version: () => Promise.reject(new Error('sim worker crashed: boom')) }).api);
    await waitFor(() => expect(screen.getByTestId('version').textContent).toBe('The simulator did not answer: sim worker crashed: boom'));
  });

  it('runs the small scenario, shows progress, then the results', async () => {
    const { api, runs } = fakeApi();
    renderApp(api);
    fireEvent.click(screen.getByTestId('run-small'));
    expect(runs).toHaveLength(1);
    expect(runs[0]!.request.scenario, 'the built-in scenario is sent').toEqual(SMALL_SCENARIO.scenario);
    expect((screen.getByTestId('run-small') as HTMLButtonElement).disabled, 'no second run meanwhile').toBe(true);
    act(() => runs[0]!.progress(0.4));
    expect(screen.getByRole('progressbar', { name: 'Progress' }).getAttribute('value')).toBe('0.4');
    await act(async () => runs[0]!.finish({ ok: true, results: fakeResults(1234, 1), replications: 1, wallMs: 87 }));
    expect(screen.getByTestId('run').dataset.status).toBe('done');
    expect(screen.getByTestId('calls-offered').textContent).toBe('1,234');
    expect(screen.getByTestId('mean-response-I').textContent, '600 s').toBe('10:00');
    expect(within(screen.getByTestId('grade-S')).getAllByRole('cell')[0]!.textContent, 'a grade with no results shows a dash').toBe('–');
  });

  it('cancels the running job by its id', async () => {
    const { api, runs, cancelled } = fakeApi();
    renderApp(api);
    fireEvent.click(screen.getByTestId('run-small'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })));
    expect(cancelled).toEqual([runs[0]!.request.jobId]);
    expect(screen.getByTestId('run').dataset.status).toBe('cancelled');
    expect(screen.getByText('Cancelled.')).toBeTruthy();
  });

  it('lists every scenario problem with its path', async () => {
    const { api, runs } = fakeApi();
    renderApp(api);
    fireEvent.click(screen.getByTestId('run-small'));
    await act(async () =>
      runs[0]!.finish({
        ok: false,
        error: { kind: 'invalid-scenario', errors: [{ path: 'fleet[0].count', message: 'expected a whole number >= 0, got -2' }, { path: '', message: 'bad file' }] },
      }),
    );
    const alert = screen.getByTestId('run-error');
    expect(alert.textContent).toContain('The scenario has 2 problems');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['fleet[0].count: expected a whole number >= 0, got -2', '(file): bad file']);
  });

  it('shows a crash with the crash report file', async () => {
    const { api, runs } = fakeApi();
    renderApp(api);
    fireEvent.click(screen.getByTestId('run-small'));
    await act(async () => runs[0]!.finish({ ok: false, error: { kind: 'worker-crashed', message: 'exited with code 3', crashReport: '/u/crash-1.txt' } }));
    expect(screen.getByTestId('run-error').textContent).toBe('The simulator stopped unexpectedly: exited with code 3A crash report was written to /u/crash-1.txt.');
  });

  it('shows a rejected call as a failed run, and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    renderApp(fakeApi({ runScenario: () => Promise.reject(new Error("job 'x' is already running")) }).api);
    await act(async () => fireEvent.click(screen.getByTestId('run-small')));
    expect(screen.getByTestId('run-error').textContent).toContain("The simulation failed: job 'x' is already running");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('runs a file opened from the menu, and shows a file that failed to open', async () => {
    const { api, runs, emit } = fakeApi();
    renderApp(api);
    act(() => emit({ type: 'scenario-opened', file: { path: '/s/variant.json', name: 'variant.json', raw: { name: 'v' } } }));
    fireEvent.click(screen.getByTestId('run-opened'));
    expect(runs[0]!.request.scenario).toEqual({ name: 'v' });
    act(() => emit({ type: 'open-failed', message: '/s/x.json: not JSON: Unexpected end' }));
    expect(screen.getByText('/s/x.json: not JSON: Unexpected end')).toBeTruthy();
  });

  it('opens a file through the API, and refuses to run one that is not an object', async () => {
    const { api, runs } = fakeApi({ openScenarioFile: async () => ({ ok: true, file: { path: 'list.json', name: 'list.json', raw: [1, 2] } }) });
    renderApp(api);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Open scenario…' })));
    expect((screen.getByTestId('run-opened') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('list.json does not hold a JSON object, so it cannot be a scenario.')).toBeTruthy();
    expect(runs).toHaveLength(0);
  });

  it('unsubscribes from app events when unmounted', () => {
    const fake = fakeApi();
    renderApp(fake.api);
    expect(fake.listeners.size).toBe(1);
    cleanup();
    expect(fake.listeners.size).toBe(0);
  });
});
