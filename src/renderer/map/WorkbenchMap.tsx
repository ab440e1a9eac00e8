/**
 * The workbench on the map: bases as markers the planner drags to move (the distance and direction
 * moved show while dragging), demand events as their circles or polygons, and the map click armed
 * by "Add base" or "Add demand event" (Enter on the focused map places at its centre; Esc cancels).
 * Markers take no Tab stop: the tables of bases and events are the keyboard's way to the same edits.
 */
import * as L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { Circle, CircleMarker, Marker, Polygon, Polyline, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import { readBases } from '../scenario/bases';
import { readEvents } from '../scenario/demand';
import { moveText, movedText } from '../workbench/move-text';
import { update, useAppStore, useAppStoreApi } from '../store';
import { cornerAdded, workbenchPlacingSet } from '../store/workbench-slice';
import { addBaseAt, addEventAt, finishPolygon, moveBaseTo } from '../workbench/actions';

const icon = (cls: string) => L.divIcon({ className: `base-marker ${cls}`, iconSize: [16, 16], iconAnchor: [8, 8] });


/** Where the last moved or added base lies on the road network: a dot on the road and a dashed line to it. */
function SnappedBase() {
  const snap = useAppStore((s) => s.workbench.snap);
  const move = useAppStore((s) => s.workbench.lastMove);
  if (!snap || !move || snap.move !== move || !snap.road) return null;
  const base: [number, number] = [move.to[1], move.to[0]];
  const road: [number, number] = [snap.road.lat, snap.road.lon];
  const style = { color: '#1d6b2f', weight: 2, interactive: false };
  return (
    <>
      <Polyline positions={[base, road]} pathOptions={{ ...style, dashArray: '4 4' }} />
      <CircleMarker center={road} radius={5} pathOptions={{ ...style, fillOpacity: 1 }}>
        <Tooltip direction="bottom" permanent className="snap-tooltip">
          {moveText(move, snap)}
        </Tooltip>
      </CircleMarker>
    </>
  );
}

function BaseMarkers() {
  const store = useAppStoreApi();
  const current = useAppStore((s) => s.scenario.current);
  const selected = useAppStore((s) => s.workbench.selectedBase);
  const bases = useMemo(() => readBases(current), [current]);
  const map = useMap();
  const dragTip = useRef<L.Tooltip | null>(null);
  useEffect(() => () => void dragTip.current?.remove(), []);
  return (
    <>
      {bases.map((b) => (
        <Marker
          key={`${b.id}:${b.lon}:${b.lat}`}
          position={[b.lat, b.lon]}
          draggable
          keyboard={false}
          icon={icon(`${b.closed ? 'closed' : ''} ${b.synthetic ? 'synthetic' : ''} ${b.id === selected ? 'selected' : ''}`)}
          eventHandlers={{
            // The distance moved shows in a tooltip of Leaflet's own while dragging: changing the
            // marker's React-rendered tooltip from Leaflet would break React's unmount of it.
            dragstart: (e) => {
              dragTip.current?.remove();
              dragTip.current = L.tooltip({ permanent: true, direction: 'top', offset: [0, -12], className: 'drag-tooltip' }).setLatLng((e.target as L.Marker).getLatLng()).setContent(`${b.name}: moved 0 m`).addTo(map);
            },
            drag: (e) => {
              const p = (e.target as L.Marker).getLatLng();
              dragTip.current?.setLatLng(p).setContent(`${b.name}: moved ${movedText(b.lon, b.lat, p.lng, p.lat)}`);
            },
            dragend: (e) => {
              dragTip.current?.remove();
              dragTip.current = null;
              const p = (e.target as L.Marker).getLatLng();
              moveBaseTo(store, b.id, p.lng, p.lat);
            },
          }}
        >
          <Tooltip direction="top">
            {b.name}
            {b.closed ? ' (closed)' : ''}
            {b.synthetic ? ' (synthetic base)' : ''}
          </Tooltip>
        </Marker>
      ))}
    </>
  );
}

function EventShapes() {
  const current = useAppStore((s) => s.scenario.current);
  const events = useMemo(() => readEvents(current), [current]);
  const style = { color: '#a23b00', weight: 2, dashArray: '6 4', fillOpacity: 0.12, interactive: false };
  return (
    <>
      {events.map((e) =>
        e.shape.kind === 'circle' ? (
          <Circle key={e.index} center={[e.shape.lat, e.shape.lon]} radius={e.shape.radiusM} pathOptions={style} />
        ) : e.shape.kind === 'polygon' ? (
          <Polygon key={e.index} positions={e.shape.corners.map(([x, y]) => [y, x] as [number, number])} pathOptions={style} />
        ) : null,
      )}
    </>
  );
}

/** The polygon being drawn: its corners and the lines between them. */
function DrawnCorners() {
  const corners = useAppStore((s) => s.workbench.corners);
  if (corners.length === 0) return null;
  const positions = corners.map(([x, y]) => [y, x] as [number, number]);
  return (
    <>
      <Polyline positions={positions} pathOptions={{ color: '#a23b00', weight: 2, interactive: false }} />
      {positions.map((p, i) => (
        <CircleMarker key={i} center={p} radius={4} pathOptions={{ color: '#a23b00', fillOpacity: 1, interactive: false }} />
      ))}
    </>
  );
}

export function WorkbenchMap() {
  const map = useMap();
  const store = useAppStoreApi();
  const placing = useAppStore((s) => s.workbench.placing);

  useEffect(() => {
    const el = map.getContainer();
    el.classList.toggle('placing', placing !== null);
    if (placing === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') update(store, 'workbench', workbenchPlacingSet, null);
      else if (placing === 'polygon' && e.key === 'Enter' && store.getState().workbench.corners.length >= 3) finishPolygon(store);
      else if (e.key === 'Enter' && e.target === el) {
        const c = map.getCenter();
        if (placing === 'base') addBaseAt(store, c.lng, c.lat);
        else if (placing === 'event') addEventAt(store, c.lng, c.lat);
        else update(store, 'workbench', cornerAdded, [c.lng, c.lat] as const);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      el.classList.remove('placing');
    };
  }, [map, store, placing]);

  useMapEvents({
    click(e) {
      const armed = store.getState().workbench.placing;
      if (armed === 'base') addBaseAt(store, e.latlng.lng, e.latlng.lat);
      else if (armed === 'event') addEventAt(store, e.latlng.lng, e.latlng.lat);
      else if (armed === 'polygon') update(store, 'workbench', cornerAdded, [e.latlng.lng, e.latlng.lat] as const);
    },
  });
  return (
    <>
      <DrawnCorners />
      <EventShapes />
      <BaseMarkers />
      <SnappedBase />
    </>
  );
}
