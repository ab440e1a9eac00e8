/**
 * The panels whose code is fetched after the page's first script (issue 14, aim 6: the main chunk
 * under 300 kB): the map (Leaflet), its legend and tables, the scenario's warnings (the scenario
 * schema and zod), the trainer's and the suggestion panels, the workbench editors, the exercise panel
 * (the exercise schema), Export report (the report module), the presenter view, Demand from incident log and
 * a borough's figures (shown once one is selected), and the settings (folded at first). Each keeps the
 * name and props of the component it stands for, so App.tsx only imports them from here; each shows
 * a one-line placeholder while its chunk arrives (fetched at once when first drawn: locally a few
 * milliseconds).
 *
 * `preloadPanels()` fetches them all; once a panel's chunk is there it renders at once, without a
 * placeholder (component tests await it before rendering the app).
 */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { loadScenarioParser } from './sim-client/scenario-parser';

type Props = Record<string, never>;
type Loaded = { default: ComponentType<Props> };

/** A thenable that calls back at once: React.lazy then renders the loaded component without suspending. */
function settled(value: Loaded): PromiseLike<Loaded> {
  return { then: (resolve) => (resolve ? resolve(value) : value) as never };
}

interface LazyPanel {
  (): ReactNode;
  preload(): Promise<unknown>;
}

function lazyPanel(load: () => Promise<ComponentType<Props>>, placeholder: () => ReactNode): LazyPanel {
  let loaded: ComponentType<Props> | null = null;
  let pending: Promise<ComponentType<Props>> | null = null;
  const preload = (): Promise<ComponentType<Props>> => {
    pending ??= load().then((component) => (loaded = component));
    // A failed fetch (the site was updated under the page) may be tried again.
    pending.catch(() => (pending = null));
    return pending;
  };
  const Lazy = lazy(() => (loaded ? settled({ default: loaded }) : preload().then((component) => ({ default: component }))) as Promise<Loaded>);
  const Panel = () => (
    <Suspense fallback={placeholder()}>
      <Lazy />
    </Suspense>
  );
  return Object.assign(Panel, { preload });
}

const loading = (what: string) => () => (
  <p className="muted" role="status">
    Loading {what}…
  </p>
);

export const MapView = lazyPanel(
  () => import('./map/MapView').then((m) => m.MapView),
  () => (
    <div className="map-box" data-testid="map-loading">
      <div className="map" role="status">
        <p className="muted">Loading the map…</p>
      </div>
    </div>
  ),
);
export const MapLegend = lazyPanel(() => import('./map/MapLegend').then((m) => m.MapLegend), () => null);
export const MapTables = lazyPanel(() => import('./panels/MapTables').then((m) => m.MapTables), loading('the tables'));
export const ScenarioWarnings = lazyPanel(() => import('./panels/ScenarioWarnings').then((m) => m.ScenarioWarnings), () => null);
export const TrainerPanel = lazyPanel(() => import('./panels/TrainerPanel').then((m) => m.TrainerPanel), loading('the trainer’s controls'));
export const SuggestPanel = lazyPanel(() => import('./panels/SuggestPanel').then((m) => m.SuggestPanel), loading('Suggest resourcing'));
export const WhatChanged = lazyPanel(() => import('./workbench/WhatChanged').then((m) => m.WhatChanged), () => null);
export const BasesEditor = lazyPanel(() => import('./workbench/BasesEditor').then((m) => m.BasesEditor), loading('the bases'));
export const ShiftsEditor = lazyPanel(() => import('./workbench/ShiftsEditor').then((m) => m.ShiftsEditor), loading('the shifts'));
export const DemandEditor = lazyPanel(() => import('./workbench/DemandEditor').then((m) => m.DemandEditor), loading('the demand'));
export const DispatchEditor = lazyPanel(() => import('./workbench/DispatchEditor').then((m) => m.DispatchEditor), loading('the dispatch rules'));
export const ExercisePanel = lazyPanel(() => import('./exercise/ExercisePanel').then((m) => m.ExercisePanel), loading('the exercise panel'));
export const ExportReport = lazyPanel(() => import('./report/ExportReport').then((m) => m.ExportReport), () => null);
export const PresenterView = lazyPanel(() => import('./panels/PresenterView').then((m) => m.PresenterView), () => null);
export const ReplayIncidentLog = lazyPanel(() => import('./panels/ReplayIncidentLog').then((m) => m.ReplayIncidentLog), () => null);
export const AreaDetails = lazyPanel(() => import('./panels/AreaDetails').then((m) => m.AreaDetails), () => null);
export const SettingsPanel = lazyPanel(() => import('./panels/SettingsPanel').then((m) => m.SettingsPanel), () => null);

const ALL: readonly LazyPanel[] = [
  MapView,
  MapLegend,
  MapTables,
  ScenarioWarnings,
  TrainerPanel,
  SuggestPanel,
  WhatChanged,
  BasesEditor,
  ShiftsEditor,
  DemandEditor,
  DispatchEditor,
  ExercisePanel,
  ExportReport,
  PresenterView,
  ReplayIncidentLog,
  AreaDetails,
  SettingsPanel,
];

/** Fetches every lazy panel's code and the scenario schema; resolves when all are there (a failure rejects). */
export function preloadPanels(): Promise<void> {
  return Promise.all([...ALL.map((panel) => panel.preload()), loadScenarioParser()]).then(() => undefined);
}
