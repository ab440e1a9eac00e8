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
      const { live, map: m } = store.getState();
      return { frame: live.frame, receivedAt: live.receivedAt, trips: live.trips, showOffDuty: m.showOffDuty };
    });
    layer.addTo(map);
    return () => void layer.remove();
  }, [map, store]);
  return null;
}
