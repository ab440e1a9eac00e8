/**
 * The map (react-leaflet): borough outlines coloured by the chosen figure, BCU borders, police
 * bases, and the live layer's units and incidents; a scale bar and the data attribution; the road
 * data coverage layer when the user turns it on (./CoverageLayer.tsx, below the boroughs, whose
 * fill is then turned down so its colours read true). Offline by default: a tile layer is added only
 * when the user turned online tiles on in the settings.
 *
 * Outlines are SVG paths (33 boroughs, 12 BCUs: few, clickable); moving units are drawn on a
 * canvas (live-layer.ts). Leaflet objects live in the components, never in the store.
 */
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo } from 'react';
import { GeoJSON, MapContainer, ScaleControl, TileLayer, useMap } from 'react-leaflet';
import type { MapFeatureCollection } from '../../shared/protocol';
import { choroplethDef, choroplethScale } from '../figures/areas';
import { update, useAppStore, useAppStoreApi } from '../store';
import { areaSelected } from '../store/map-slice';
import { MAP_CREDITS } from './attribution';
import { CoverageLayer } from './CoverageLayer';
import { incidentAt } from './incident-hit';
import { LiveLayer } from './LiveLayer';
import { TrainerMap } from './TrainerMap';
import { WorkbenchMap } from './WorkbenchMap';

const LONDON: [number, number] = [51.49, -0.11];

type Fc = GeoJSON.FeatureCollection;
const asGeoJson = (fc: MapFeatureCollection): Fc => fc as unknown as Fc;

function Attribution({ credits }: { credits: readonly string[] }) {
  const map = useMap();
  useEffect(() => {
    const control = L.control.attribution({ prefix: false, position: 'bottomright' });
    for (const c of credits) control.addAttribution(c);
    control.addTo(map);
    return () => void control.remove();
  }, [map, credits]);
  return null;
}

/** Fits the view to the outlines when they change (a new area set). */
function FitTo({ areas }: { areas: MapFeatureCollection | null }) {
  const map = useMap();
  useEffect(() => {
    if (!areas || areas.features.length === 0) return;
    const bounds = L.geoJSON(asGeoJson(areas)).getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
  }, [map, areas]);
  return null;
}

/** Labels the map's container, which Leaflet makes focusable for its arrow-key and +/- navigation. */
function Label({ text }: { text: string }) {
  const map = useMap();
  useEffect(() => {
    const el = map.getContainer();
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', text);
    // The map is one Tab stop (its container: arrow keys pan, + and - zoom): the zoom buttons and
    // attribution links inside it would add more; the footer lists the same sources.
    const untab = () => el.querySelectorAll('.leaflet-control a').forEach((a) => a.setAttribute('tabindex', '-1'));
    untab();
    const watch = new MutationObserver(untab);
    watch.observe(el.querySelector('.leaflet-control-container') ?? el, { childList: true, subtree: true });
    return () => watch.disconnect();
  }, [map, text]);
  return null;
}

function Areas({ areas }: { areas: MapFeatureCollection }) {
  const store = useAppStoreApi();
  const map = useMap();
  const figure = useAppStore((s) => s.map.figure);
  const selected = useAppStore((s) => s.map.selectedArea);
  const results = useAppStore((s) => s.run.latest?.outcome.results ?? null);
  const coverageOn = useAppStore((s) => s.map.showCoverage && (s.map.layers?.coverage ?? null) !== null);
  const style = useMemo(() => {
    const def = choroplethDef(figure);
    const byId = new Map((results?.areas ?? []).map((a) => [a.id, def.read(a)]));
    const scale = choroplethScale(def, [...byId.values()]);
    return (feature?: GeoJSON.Feature): L.PathOptions => {
      const id = String(feature?.properties?.id ?? '');
      const isSelected = id === selected;
      return {
        color: isSelected ? '#13294b' : '#5b6573',
        weight: isSelected ? 3 : 1,
        fillColor: scale.colourOf(byId.get(id) ?? null),
        // Under the coverage layer's colours the choropleth would mix with them: a trace of it stays.
        fillOpacity: coverageOn ? 0.06 : 0.55,
        className: `borough borough-${id}`,
      };
    };
  }, [figure, results, selected, coverageOn]);
  return (
    <GeoJSON
      data={asGeoJson(areas)}
      style={style}
      onEachFeature={(feature, layer) => {
        const name = String(feature.properties?.name ?? feature.properties?.id ?? '');
        layer.bindTooltip(name, { sticky: true, direction: 'top' });
      }}
      eventHandlers={{
        click: (e) => {
          // A click that places or selects an incident (TrainerMap) does not select the borough under it.
          const { trainer, live } = store.getState();
          const p = e.containerPoint;
          if (trainer.placing || store.getState().workbench.placing !== null || incidentAt(live.frame?.incidents ?? [], (lon, lat) => map.latLngToContainerPoint([lat, lon]), p.x, p.y) !== null) return;
          const id = (e.propagatedFrom as L.Layer & { feature?: GeoJSON.Feature }).feature?.properties?.id;
          if (typeof id === 'string') update(store, 'map', areaSelected, id);
        },
      }}
    />
  );
}

export function MapView() {
  const layers = useAppStore((s) => s.map.layers);
  const layersError = useAppStore((s) => s.map.layersError);
  const showCoverage = useAppStore((s) => s.map.showCoverage);
  const settings = useAppStore((s) => s.host.settings);
  const browser = useAppStore((s) => s.host.version?.host === 'browser');
  // The browser build's content policy is fixed when it is built and allows no tile host.
  const tiles = settings?.onlineTiles === true && !browser ? settings.tileUrl : null;
  const placing = useAppStore((s) => s.trainer.placing);
  const workbenchPlacing = useAppStore((s) => s.workbench.placing);
  const credits = useMemo(() => (tiles ? [...MAP_CREDITS, 'Tiles: © OpenStreetMap contributors'] : MAP_CREDITS), [tiles]);
  return (
    <div className="map-box" data-testid="map">
      <MapContainer center={LONDON} zoom={10} minZoom={8} maxZoom={17} attributionControl={false} className="map" keyboard>
        <Label text="Map of the scenario: boroughs coloured by the chosen figure, BCU borders, bases, units and incidents, and when turned on the road data coverage. The same figures are in the tables below the map." />
        {tiles && <TileLayer url={tiles} />}
        {showCoverage && layers?.coverage && <CoverageLayer coverage={layers.coverage} />}
        {layers && <Areas key={layers.source} areas={layers.areas} />}
        {layers?.bcus && <GeoJSON key={`${layers.source}-bcus`} data={asGeoJson(layers.bcus)} interactive={false} style={() => ({ color: '#13294b', weight: 2.5, fill: false, className: 'bcu-border' })} />}
        <WorkbenchMap />
        <LiveLayer />
        <TrainerMap />
        <FitTo areas={layers?.areas ?? null} />
        <ScaleControl position="bottomleft" imperial={false} />
        <Attribution credits={credits} />
      </MapContainer>
      {placing && (
        <p className="map-hint" role="status" data-testid="placing-hint">
          Click the map to place the incident (or press Enter on the map to place it at the centre); Esc cancels.
        </p>
      )}
      {workbenchPlacing && (
        <p className="map-hint" role="status" data-testid="workbench-placing-hint">
          {workbenchPlacing === 'polygon'
            ? 'Click the map for each corner of the event’s area (or press Enter on the map for a corner at the centre); Finish polygon or Enter with 3 corners or more ends it; Esc cancels.'
            : `Click the map to place the ${workbenchPlacing === 'base' ? 'new base' : 'demand event'} (or press Enter on the map to place it at the centre); Esc cancels.`}
        </p>
      )}
      {layersError && (
        <p className="map-message" role="status">
          No outlines: {layersError}
        </p>
      )}
    </div>
  );
}
