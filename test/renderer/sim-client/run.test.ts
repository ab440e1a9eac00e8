/** A run of what was run before in this page shows its figures at once (the same scenario gives the same results). */
import { describe, expect, it } from 'vitest';
import { startRun } from '../../../src/renderer/sim-client/run';
import { createAppStore } from '../../../src/renderer/store';
import { initialScenarioState } from '../../../src/renderer/store/scenario-slice';
import { fakeResults } from '../../host/fakes';
import { fakeApi } from '../fake-api';

const scenario = { name: 'S', days: 1, demand: { streams: [{ line: '999', callsPerDay: 100 }] } };
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('startRun', () => {
  it('runs a scenario, days and replications run before in this page from what that run gave; another, a failed one or a replay runs again', async () => {
    const fake = fakeApi();
    const store = createAppStore({ scenario: initialScenarioState(scenario, 'x') });
    const first = startRun(fake.api, store, { scenario, label: 'S', days: 1 });
    fake.runs[0]!.finish({ ok: true, results: fakeResults(5, 1), replications: 1, wallMs: 1 });
    await first;
    const again = await startRun(fake.api, store, { scenario, label: 'S', days: 1, revision: 2 });
    expect(fake.runs, 'no second call').toHaveLength(1);
    expect(again.ok && again.results.calls.offered).toBe(5);
    expect(store.getState().run).toMatchObject({ status: 'done', revision: 2 });

    const week = startRun(fake.api, store, { scenario, label: 'S', days: 7 });
    await tick();
    expect(fake.runs, 'other days: a run').toHaveLength(2);
    fake.runs[1]!.finish({ ok: false, error: { kind: 'cancelled' } });
    await week;
    void startRun(fake.api, store, { scenario, label: 'S', days: 7 });
    await tick();
    expect(fake.runs, 'a cancelled run is not kept').toHaveLength(3);
    void startRun(fake.api, store, { scenario, label: 'S', days: 1, replay: { name: 'log.csv', csv: 'x', calls: 1 } });
    await tick();
    expect(fake.runs, 'a replay runs').toHaveLength(4);
  });
});
