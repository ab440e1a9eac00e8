/** Mounts the live canvas layer on the map; it reads the store itself on every animation frame. */
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { useAppStoreApi } from '../store';
import { LiveCanvasLayer } from './live-layer';

export function LiveLayer() {
  const map = useMap();
  const store = useAppStoreApi();
  useEffect(() => {
    const layer = new LiveCanvasLayer(() => {
      const { live, map: m, trainer } = store.getState();
      const selectedIncident = trainer.jobId === live.jobId ? trainer.selected : null;
      return { frame: live.frame, receivedAt: live.receivedAt, trips: live.trips, showOffDuty: m.showOffDuty, selectedIncident };
    });
    layer.addTo(map);
    return () => void layer.remove();
  }, [map, store]);
  return null;
}
