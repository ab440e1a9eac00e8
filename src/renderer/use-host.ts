/**
 * What the app does with its host once mounted: asks for the version and the settings, listens to
 * host events (a scenario opened from the File menu or Ctrl+O, a file that could not be read),
 * keeps the figures and the live session in step with the scenario (sim-client/auto-run.ts),
 * autosaves the document and offers an autosave left behind (sim-client/autosave.ts), and
 * loads the outlines of the scenario's area set for the map.
 */
import { useEffect } from 'react';
import type { MapFeatureCollection } from '../shared/protocol';
import { useApi } from './api-context';
import { startAutoRun } from './sim-client/auto-run';
import { startAutosave } from './sim-client/autosave';
import { browserConfirm, mayDiscard, saveScenario } from './sim-client/document';
import { acceptOpenedFile } from './sim-client/open';
import { update, useAppStore, useAppStoreApi } from './store';
import { noticeShown, settingsReceived, versionFailed, versionReceived } from './store/host-slice';
import { layersFailed, layersLoaded } from './store/map-slice';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function useHost(options: { autoRun?: boolean; figuresFirst?: boolean } = {}): void {
  const api = useApi();
  const store = useAppStoreApi();
  const areasSource = useAppStore((s) => (s.scenario.current.areas as { source?: unknown } | undefined)?.source);

  useEffect(() => {
    let live = true;
    api.version().then(
      (version) => live && update(store, 'host', versionReceived, version),
      (error: unknown) => live && update(store, 'host', versionFailed, message(error)),
    );
    api.getSettings().then(
      (settings) => live && update(store, 'host', settingsReceived, settings),
      (error: unknown) => live && update(store, 'host', noticeShown, `Settings could not be read: ${message(error)}`),
    );
    return () => {
      live = false;
    };
  }, [api, store]);

  useEffect(
    () =>
      api.onAppEvent((event) => {
        // Opened from the File menu (or Ctrl+O in the browser): unsaved changes are not lost without asking.
        if (event.type === 'scenario-opened') {
          if (mayDiscard(store, browserConfirm)) acceptOpenedFile(store, event.file);
        }
        else if (event.type === 'open-failed') update(store, 'host', noticeShown, event.message);
        else if (event.type === 'save-scenario') void saveScenario(api, store, { saveAs: event.saveAs });
      }),
    [api, store],
  );

  const autoRun = options.autoRun ?? true;
  const figuresFirst = options.figuresFirst === true;
  useEffect(() => (autoRun ? startAutoRun(api, store, { figuresFirst }) : undefined), [api, store, autoRun, figuresFirst]);
  useEffect(() => startAutosave(api, store), [api, store]);

  useEffect(() => {
    let live = true;
    if (typeof areasSource === 'string') {
      api.mapLayers(areasSource).then(
        (outcome) => {
          if (!live) return;
          if (outcome.ok) update(store, 'map', layersLoaded, outcome.layers);
          else update(store, 'map', layersFailed, outcome.message);
        },
        (error: unknown) => live && update(store, 'map', layersFailed, message(error)),
      );
    } else if (isInlineAreas(areasSource)) {
      update(store, 'map', layersLoaded, { source: 'inline', areas: areasSource, bcus: null, attribution: [] });
    } else {
      update(store, 'map', layersLoaded, null);
    }
    return () => {
      live = false;
    };
  }, [api, store, areasSource]);
}

function isInlineAreas(value: unknown): value is MapFeatureCollection {
  const v = value as { type?: unknown; features?: unknown } | null | undefined;
  return typeof v === 'object' && v !== null && v.type === 'FeatureCollection' && Array.isArray(v.features);
}
