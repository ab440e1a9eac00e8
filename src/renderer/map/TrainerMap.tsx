/**
 * The trainer's side of the map: while placing (armed by "Inject incident") the cursor is a
 * crosshair and a click injects an incident there (Enter on the focused map places it at the centre,
 * for keyboard users; Esc cancels anywhere). Otherwise a click on an incident's square selects it.
 */
import { useEffect } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';
import { useApi } from '../api-context';
import { injectAt, selectIncident } from '../sim-client/trainer';
import { update, useAppStore, useAppStoreApi } from '../store';
import { placingSet } from '../store/trainer-slice';
import { incidentAt } from './incident-hit';

export function TrainerMap() {
  const map = useMap();
  const api = useApi();
  const store = useAppStoreApi();
  const placing = useAppStore((s) => s.trainer.placing);

  useEffect(() => {
    const el = map.getContainer();
    el.classList.toggle('placing', placing);
    if (!placing) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') update(store, 'trainer', placingSet, false);
      else if (e.key === 'Enter' && e.target === el) {
        const c = map.getCenter();
        void injectAt(api, store, c.lng, c.lat);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      el.classList.remove('placing');
    };
  }, [map, api, store, placing]);

  useMapEvents({
    click(e) {
      const state = store.getState();
      if (state.trainer.placing) {
        void injectAt(api, store, e.latlng.lng, e.latlng.lat);
        return;
      }
      const hit = incidentAt(state.live.frame?.incidents ?? [], (lon, lat) => map.latLngToContainerPoint([lat, lon]), e.containerPoint.x, e.containerPoint.y);
      if (hit !== null) void selectIncident(api, store, hit);
    },
  });
  return null;
}
