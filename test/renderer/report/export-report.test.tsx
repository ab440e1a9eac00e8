/**
 * The app's "Export report" button in jsdom against the scripted API: disabled until the scenario
 * as it stands has run, then it hands the host the report document of that run (with the mark the
 * host replaces by the scenario file's path), the scenario's text and a name, and says what was written.
 */
import '../dom-setup';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { REPORT_SCENARIO_MARK } from '../../../src/shared/report-export';
import { fakeResults } from '../../host/fakes';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

afterEach(cleanup);

describe('Export report', () => {
  it('waits for a run of the scenario as it stands, then exports its report', { timeout: 60_000 }, async () => {
    const { api, runs, reports } = fakeApi();
    renderApp(api);
    const button = screen.getByRole('button', { name: 'Export report' }) as HTMLButtonElement;
    expect(button.disabled, 'nothing has run yet').toBe(true);
    await act(async () => runs[0]!.finish({ ok: true, results: fakeResults(1000, 1), replications: 1, wallMs: 5 }));
    await waitFor(() => expect(button.disabled).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByText(/Report written: \/saved\/London baseline report\.pdf/)).toBeTruthy());
    expect(reports).toHaveLength(1);
    const r = reports[0]!;
    expect(r.suggestedName).toBe('London baseline report');
    expect(JSON.parse(r.scenarioText)).toMatchObject({ name: 'London baseline' });
    expect(r.html).toContain('<h2>How this was made</h2>');
    expect(r.html).toContain(`npm run sim -- report ${REPORT_SCENARIO_MARK} --seed`);
    expect(r.html).toContain('DfT Major Road Network');
    expect(r.html).toContain('the browser app 0.1.0');
  });
});
