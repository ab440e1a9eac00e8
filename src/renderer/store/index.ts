/**
 * The app's one zustand store, in slices (STYLE.md 13). A store is made per mounted app (tests make
 * their own). Components read it through `useAppStore(selector)`; changes go through the slices'
 * pure updaters. Add a slice = one file with its state and updaters, one field here.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { LONDON_BASELINE } from '../scenarios';
import { initialHostState, type HostState } from './host-slice';
import { initialLiveState, type LiveState } from './live-slice';
import { initialMapState, type MapState } from './map-slice';
import { initialRunState, type RunState } from './run-slice';
import { initialScenarioState, scenarioEdited, type RawScenario, type ScenarioState } from './scenario-slice';
import { initialTrainerState, type TrainerState } from './trainer-slice';
import { initialWorkbenchState, type WorkbenchState } from './workbench-slice';

export interface AppState {
  readonly host: HostState;
  readonly run: RunState;
  readonly scenario: ScenarioState;
  readonly live: LiveState;
  readonly map: MapState;
  readonly trainer: TrainerState;
  readonly workbench: WorkbenchState;
}

export type AppStore = StoreApi<AppState>;

/** A store starting with the London baseline (or what `initial` gives). */
export function createAppStore(initial: Partial<AppState> = {}): AppStore {
  return createStore<AppState>()(() => ({
    host: initialHostState,
    run: initialRunState,
    scenario: initialScenarioState(LONDON_BASELINE.scenario, LONDON_BASELINE.label),
    live: initialLiveState,
    map: initialMapState,
    trainer: initialTrainerState,
    workbench: initialWorkbenchState,
    ...initial,
  }));
}

/** Applies a pure updater to one slice. */
export function update<K extends keyof AppState, P>(store: AppStore, slice: K, updater: (state: AppState[K], payload: P) => AppState[K], payload: P): void {
  store.setState((state) => {
    const next = updater(state[slice], payload);
    return next === state[slice] ? state : { ...state, [slice]: next };
  });
}

/**
 * One edit of the scenario as one undo step named `label` ("Units, NA, early": what the Undo button's
 * tooltip says; consecutive edits with the same label merge, as typing in one field does).
 * `update(store, 'scenario', scenarioEdited, edit)` does the same with the label "Edit".
 */
export function editScenario(store: AppStore, edit: (raw: RawScenario) => RawScenario, label?: string, mergeSameLabel = true): void {
  store.setState((state) => {
    const scenario = scenarioEdited(state.scenario, edit, label, mergeSameLabel);
    return scenario === state.scenario ? state : { ...state, scenario };
  });
}

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore: no <StoreProvider> above this component');
  return store;
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
