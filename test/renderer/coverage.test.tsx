/**
 * The road data coverage layer's controls and text (issue 4 item 3) and the access-leg figure
 * beside the key figures, rendered from a store: the switch is off by default, named, and disabled
 * with the reason when the host has no layer; the legend says what a class means for incidents
 * under the scenario's travel settings; the BCU table carries the same information as text. (That
 * the map draws the cells is checked in Chromium: test/e2e/coverage.spec.ts.)
 */
import './dom-setup';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MapLegend } from '../../src/renderer/map/MapLegend';
import { KeyFigures } from '../../src/renderer/panels/KeyFigures';
import { MapTables } from '../../src/renderer/panels/MapTables';
import { LONDON_BASELINE } from '../../src/renderer/scenarios';
import { createAppStore, StoreProvider, type AppStore } from '../../src/renderer/store';
import { initialMapState, type MapState } from '../../src/renderer/store/map-slice';
import { initialRunState } from '../../src/renderer/store/run-slice';
import { initialScenarioState } from '../../src/renderer/store/scenario-slice';
import type { MapLayers, SimResults } from '../../src/shared/protocol';
import { fakeResults } from '../host/fakes';
import { tinyCoverage } from './map/coverage-fixture';

afterEach(cleanup);

const fc = { type: 'FeatureCollection' as const, features: [] };
const layers = (extra: Partial<MapLayers> = {}): MapLayers => ({ source: 'london-boroughs', areas: fc, bcus: fc, attribution: [], coverage: tinyCoverage(), coverageError: null, ...extra });

function renderWith(map: Partial<MapState>, extra: Parameters<typeof createAppStore>[0] = {}): AppStore {
  const store = createAppStore({ map: { ...initialMapState, layers: layers(), ...map }, ...extra });
  render(
    <StoreProvider store={store}>
      <KeyFigures />
      <MapLegend />
      <MapTables />
    </StoreProvider>,
  );
  return store;
}

function withRun(results: SimResults): Parameters<typeof createAppStore>[0] {
  return { run: { ...initialRunState, status: 'done', latest: { outcome: { ok: true, results, replications: 1, wallMs: 5 }, label: 'London baseline, 1 day', revision: 0, document: 0 } } };
}

const roadResults = (pct: number | null): SimResults => {
  const r = fakeResults(1000, 1);
  return { ...r, meta: { ...r.meta, travelMode: 'road', accessLegTimePct: pct } };
};

describe('road data coverage in the app', () => {
  it('is off by default; the named switch shows the legend, whose classes carry the access legs of the scenario', () => {
    const store = renderWith({});
    const toggle = screen.getByRole('checkbox', { name: 'Show road data coverage' }) as HTMLInputElement;
    expect(toggle.checked, 'off by default').toBe(false);
    expect(toggle.disabled).toBe(false);
    expect(screen.queryByTestId('coverage-legend'), 'no legend while the layer is off').toBeNull();

    act(() => fireEvent.click(toggle));
    expect(store.getState().map.showCoverage).toBe(true);
    const legend = screen.getByTestId('coverage-legend');
    expect(legend.getAttribute('data-cells'), 'the 9 cells inside the areas').toBe('9');
    expect(legend.textContent).toContain('Road data coverage: distance from each 500 m cell to the nearest modelled road');
    // London baseline: detour 1.3 at 24 km/h: 500 m = 97.5 s, 1 km = 195 s.
    const rows = within(legend).getAllByRole('listitem').map((li) => li.textContent);
    expect(rows[3]).toBe('500 m – 1 km · access leg 1:38 – 3:15 (2 cells)');
    expect(rows[0]).toBe('under 100 m · access leg under 0:20 (4 cells)');
    expect(rows[5]).toBe('2 km and more · access leg 6:30 and more (1 cell)');
    expect(legend.textContent).toContain('Incidents here reach the road by an access leg of the distance × 1.3 at 24 km/h');
    expect(legend.textContent).toContain('East of the Greenwich meridian only main roads (motorways, trunk roads, a few A roads) are modelled.');

    expect(screen.getByTestId('choropleth-legend').textContent, 'the boroughs\' colours are turned down').toContain('faint while the road data coverage shows');

    act(() => fireEvent.click(toggle));
    expect(screen.queryByTestId('coverage-legend'), 'off again').toBeNull();
    expect(screen.getByTestId('choropleth-legend').textContent).not.toContain('faint');
  });

  it('gives the share of demand far from a road by BCU as a table, whether or not the layer shows', () => {
    renderWith({});
    const table = screen.getByRole('table', { name: 'Demand far from a modelled road, by BCU (road data coverage)' });
    const ea = within(table).getByTestId('coverage-row-EA');
    expect([...ea.children].map((c) => c.textContent)).toEqual(['East Area (EA)', '80.0%', '1.2 km', '3:54']);
    expect(within(table).getByTestId('coverage-row-london').textContent).toBe('All25.5%420 m1:22');
    expect(screen.getByTestId('coverage-summary').textContent).toContain("25.5% of London's demand lies more than 500 m from a modelled road");
  });

  it('says why the switch is disabled when the host has no layer, and shows no table', () => {
    renderWith({ layers: layers({ coverage: null, coverageError: 'road-coverage.json answered HTTP 404' }) });
    const toggle = screen.getByRole('checkbox', { name: 'Show road data coverage' }) as HTMLInputElement;
    expect(toggle.disabled).toBe(true);
    expect(toggle.getAttribute('aria-describedby')).toBe('coverage-switch-note');
    expect(document.getElementById('coverage-switch-note')!.textContent).toBe('not available: road-coverage.json answered HTTP 404');
    expect(screen.queryByTestId('coverage-table')).toBeNull();
  });

  it('says when the scenario does not drive on the roads measured', () => {
    const straight = { ...LONDON_BASELINE.scenario, travel: { mode: 'straight-line' } };
    renderWith({ showCoverage: true }, { scenario: initialScenarioState(straight, 'test') });
    expect(screen.getByTestId('coverage-legend').textContent).toContain('This scenario uses straight-line travel: it has no access legs.');
    cleanup();
    const other = { ...LONDON_BASELINE.scenario, network: { source: 'paris.graph' } };
    renderWith({ showCoverage: true }, { scenario: initialScenarioState(other, 'test') });
    expect(screen.getByTestId('coverage-legend').textContent).toContain('This scenario drives on paris.graph; the layer shows the built-in london roads.');
  });
});

describe('access legs beside the key figures', () => {
  it('shows the share of travel time on access legs of a road run, traceable to its definition, and can show the layer', () => {
    const store = renderWith({}, withRun(roadResults(6.14)));
    const line = screen.getByTestId('access-legs');
    expect(line.getAttribute('data-value')).toBe('6.14');
    expect(line.textContent).toContain('6.1% of travel time on access legs (off the modelled roads): where road data is thin.');
    expect(document.getElementById('access-legs-def')!.textContent).toContain('meta.accessLegTimePct, docs/MODEL-ADDITIONS.md');
    act(() => fireEvent.click(within(line).getByRole('button', { name: 'Show it on the map' })));
    expect(store.getState().map.showCoverage).toBe(true);
    expect(within(line).queryByRole('button'), 'nothing left to show').toBeNull();
  });

  it('says nothing for straight-line travel, and a dash when nothing travelled', () => {
    renderWith({}, withRun(fakeResults(1000, 1)));
    expect(screen.queryByTestId('access-legs')).toBeNull();
    cleanup();
    renderWith({ layers: layers({ coverage: null }) }, withRun(roadResults(null)));
    expect(screen.getByTestId('access-legs').textContent).toBe('– of travel time on access legs (off the modelled roads): where road data is thin.' + document.getElementById('access-legs-def')!.textContent);
  });
});
