/**
 * The app's one screen: the scenario bar, the live controls, the map with its legend and tables,
 * and beside it the trainer's controls, the run, the key figures, the charts and the resourcing panel.
 */
import { LazyCharts } from './charts/LazyCharts';
import { Compare } from './compare/Compare';
import { ErrorBoundary } from './ErrorBoundary';
// Fetched after the first script (issue 14, aim 6); same names and props as the components.
import { AreaDetails, BasesEditor, DemandEditor, DispatchEditor, ExercisePanel, ExportReport, MapLegend, MapTables, MapView, PresenterView, ReplayIncidentLog, ScenarioWarnings, SettingsPanel, ShiftsEditor, SuggestPanel, TrainerPanel, WhatChanged } from './lazy-panels';
import { FULL_ATTRIBUTION } from './map/attribution';
import { KeyFigures } from './panels/KeyFigures';
import { LiveControls } from './panels/LiveControls';
import { ResourcingPanel } from './panels/ResourcingPanel';
import { RunStatus } from './panels/RunStatus';
import { ScenarioBar, ScenarioMessages } from './panels/ScenarioBar';
import { useAppStore } from './store';
import { useHost } from './use-host';
import { useShortcuts } from './use-shortcuts';

/** @param figuresFirst provisional one-day figures first, the live session after the figures (sim-client/auto-run.ts) */
export function App({ autoRun = true, figuresFirst = false }: { autoRun?: boolean; figuresFirst?: boolean }) {
  useHost({ autoRun, figuresFirst });
  useShortcuts();
  const presenter = useAppStore((s) => s.trainer.presenter);
  return (
    <div className={presenter ? 'app presenter' : 'app'}>
      <header className="app-header">
        <h1>Response Simulator</h1>
        <ScenarioBar />
        <Compare />
        <SettingsPanel />
      </header>
      <ScenarioMessages />
      <ScenarioWarnings />
      <LiveControls />
      <main className="workspace">
        <div className="map-column">
          <ErrorBoundary>
            <div className="map-wrap">
              <MapView />
              <AreaDetails />
              <PresenterView />
            </div>
            <MapLegend />
          </ErrorBoundary>
          <ErrorBoundary>
            <MapTables />
          </ErrorBoundary>
          <ErrorBoundary>
            <div className="workbench" role="group" aria-label="Workbench: edit the scenario">
              <WhatChanged />
              <BasesEditor />
              <ShiftsEditor />
              <DemandEditor />
              <DispatchEditor />
            </div>
          </ErrorBoundary>
        </div>
        <aside className="side-column" aria-label="Figures and resourcing">
          <ErrorBoundary>
            <TrainerPanel />
          </ErrorBoundary>
          <ErrorBoundary>
            <ExercisePanel />
          </ErrorBoundary>
          <ErrorBoundary>
            <RunStatus />
            <ReplayIncidentLog />
            <KeyFigures />
            <ExportReport />
            <LazyCharts />
            <ResourcingPanel />
            <SuggestPanel />
          </ErrorBoundary>
        </aside>
      </main>
      <Footer />
    </div>
  );
}

function Footer() {
  const host = useAppStore((s) => s.host);
  const attribution = useAppStore((s) => s.map.layers?.attribution);
  const coverageAttribution = useAppStore((s) => s.map.layers?.coverage?.attribution);
  return (
    <footer className="app-footer">
      <p data-testid="version">
        {host.version
          ? `Simulator ${host.version.sim} · app ${host.version.app} · ${host.version.host === 'electron' ? 'desktop' : 'browser'}, ${host.version.workers} worker${host.version.workers === 1 ? '' : 's'}`
          : host.versionError
            ? `The simulator did not answer: ${host.versionError}`
            : 'Asking the simulator…'}
      </p>
      <p className="hint">Keys: Space plays or pauses, “.” steps to the next event; on the map, arrow keys pan and + / − zoom.</p>
      <details>
        <summary>Data sources and licences</summary>
        <ul>
          {[...new Set([...FULL_ATTRIBUTION, ...(attribution ?? []), ...(coverageAttribution ?? [])])].map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </details>
    </footer>
  );
}
