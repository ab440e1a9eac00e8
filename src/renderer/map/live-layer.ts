/**
 * The map's live layer: every unit and live incident drawn on one canvas, redrawn on each
 * animation frame from the live slice (read outside React) and the sim clock run on between
 * frames, so units glide along their trips instead of jumping ten times a second. Hundreds of
 * units cost a few filled paths per frame (one per colour), no DOM nodes and no React renders.
 *
 * Leaflet's Web Mercator projection is done here without allocating (the default CRS, EPSG:3857);
 * the canvas sits in a pane of its own above the outlines and lets clicks through.
 *
 * The canvas reports what it drew in data attributes (read by the end-to-end tests and the UI
 * benchmark): `data-units` (drawn), `data-moving` (drawn mid-trip), `data-incidents`, `data-injected`
 * (incidents a trainer injected, drawn ringed), `data-selected` (the selected incident's id, or empty)
 * and `data-fps` (frames drawn in the last second).
 */
import * as L from 'leaflet';
import type { LiveFrame, LiveTrip, LiveUnitState } from '../../shared/protocol';
import { drawTime } from '../live/clock';
import { GRADE_COLOURS, INJECTED_RING_COLOUR, INJECTED_RING_PX, UNIT_COLOURS } from './colours';
import { positionOnTrip } from './trips';

/** What the layer reads each animation frame. */
export interface LiveDrawState {
  readonly frame: LiveFrame | null;
  readonly receivedAt: number;
  readonly trips: Readonly<Record<string, LiveTrip>>;
  readonly showOffDuty: boolean;
  /** the incident the trainer selected, drawn with a dark ring */
  readonly selectedIncident: number | null;
}

export const LIVE_PANE = 'live-units';

/** Draw order: off duty at the bottom, the units at work on top. */
const STATE_ORDER: readonly LiveUnitState[] = ['off-duty', 'free', 'returning', 'custody', 'on-scene', 'travelling'];
const TILE = 256;

export class LiveCanvasLayer extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private raf = 0;
  private framesThisSecond = 0;
  private secondStarted = 0;
  private readonly point: [number, number] = [0, 0];
  private readonly byState = new Map<LiveUnitState, number[]>(STATE_ORDER.map((s) => [s, []]));

  constructor(
    private readonly read: () => LiveDrawState,
    private readonly now: () => number = () => performance.now(),
  ) {
    super();
  }

  override onAdd(map: L.Map): this {
    const pane = map.getPane(LIVE_PANE) ?? map.createPane(LIVE_PANE);
    pane.style.zIndex = '450';
    pane.style.pointerEvents = 'none';
    const canvas = L.DomUtil.create('canvas', 'live-layer', pane);
    canvas.setAttribute('aria-hidden', 'true');
    this.canvas = canvas;
    map.on('zoomstart', this.hide, this);
    map.on('zoomend', this.show, this);
    this.secondStarted = this.now();
    const loop = (): void => {
      this.draw();
      this.raf = requestAnimationFrame(loop);
    };
    this.raf = requestAnimationFrame(loop);
    return this;
  }

  override onRemove(map: L.Map): this {
    cancelAnimationFrame(this.raf);
    map.off('zoomstart', this.hide, this);
    map.off('zoomend', this.show, this);
    this.canvas?.remove();
    this.canvas = null;
    return this;
  }

  private hide(): void {
    // Leaflet scales the panes during a zoom animation; the next frame after it draws afresh.
    if (this.canvas) this.canvas.style.visibility = 'hidden';
  }

  private show(): void {
    if (this.canvas) this.canvas.style.visibility = '';
  }

  /** Draws the current state once (exposed for tests; the animation loop calls it). */
  draw(): void {
    const map = this._map as L.Map | undefined;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(size.x * ratio) || canvas.height !== Math.round(size.y * ratio)) {
      canvas.width = Math.round(size.x * ratio);
      canvas.height = Math.round(size.y * ratio);
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
    }
    const topLeft = map.containerPointToLayerPoint([0, 0]);
    L.DomUtil.setPosition(canvas, topLeft);
    const ctx = canvas.getContext('2d');
    const now = this.now();
    this.countFrame(now);
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    const state = this.read();
    const frame = state.frame;
    if (!frame) {
      this.report(0, 0, 0, 0, null);
      return;
    }
    const tS = drawTime(frame, state.receivedAt, now);
    const origin = map.getPixelOrigin();
    const scale = TILE * Math.pow(2, map.getZoom());
    const dx = origin.x + topLeft.x;
    const dy = origin.y + topLeft.y;
    const project = (lon: number, lat: number, out: [number, number]): [number, number] => {
      const sin = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
      out[0] = scale * (0.5 + lon / 360) - dx;
      out[1] = scale * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) - dy;
      return out;
    };

    // Incidents: small squares by grade; pending ones (no unit yet) with a dark outline.
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#1d232b';
    for (const grade of ['E', 'S', 'I'] as const) {
      ctx.fillStyle = GRADE_COLOURS[grade];
      ctx.beginPath();
      for (const inc of frame.incidents) {
        if (inc.grade !== grade) continue;
        const [x, y] = project(inc.lon, inc.lat, this.point);
        ctx.rect(x - 3.5, y - 3.5, 7, 7);
      }
      ctx.fill();
      ctx.beginPath();
      for (const inc of frame.incidents) {
        if (inc.grade !== grade || inc.state !== 'pending') continue;
        const [x, y] = project(inc.lon, inc.lat, this.point);
        ctx.rect(x - 3.5, y - 3.5, 7, 7);
      }
      ctx.stroke();
    }

    // Injected incidents: a ring around the square; the selected one: a thicker dark ring.
    let injected = 0;
    let selectedShown: number | null = null;
    ctx.beginPath();
    for (const inc of frame.incidents) {
      if (!inc.injected) continue;
      injected++;
      const [x, y] = project(inc.lon, inc.lat, this.point);
      ctx.moveTo(x + INJECTED_RING_PX, y);
      ctx.arc(x, y, INJECTED_RING_PX, 0, 2 * Math.PI);
    }
    ctx.lineWidth = 2;
    ctx.strokeStyle = INJECTED_RING_COLOUR;
    ctx.stroke();
    const selected = state.selectedIncident === null ? undefined : frame.incidents.find((i) => i.id === state.selectedIncident);
    if (selected) {
      selectedShown = selected.id;
      const [x, y] = project(selected.lon, selected.lat, this.point);
      ctx.beginPath();
      ctx.arc(x, y, INJECTED_RING_PX + 4, 0, 2 * Math.PI);
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#13294b';
      ctx.stroke();
    }

    // Units: positions first (gliding along trips), then one filled path per state colour.
    for (const list of this.byState.values()) list.length = 0;
    let moving = 0;
    let drawn = 0;
    for (const unit of frame.units) {
      if (unit.state === 'off-duty' && !state.showOffDuty) continue;
      const trip = unit.moving ? state.trips[unit.id] : undefined;
      const at = trip ? positionOnTrip(trip, tS, this.point) : ((this.point[0] = unit.lon), (this.point[1] = unit.lat), this.point);
      if (trip && tS > trip.departS && tS < trip.departS + trip.timesS[trip.timesS.length - 1]!) moving++;
      const [x, y] = project(at[0], at[1], this.point);
      if (x < -10 || y < -10 || x > size.x + 10 || y > size.y + 10) continue;
      this.byState.get(unit.state)!.push(x, y);
      drawn++;
    }
    ctx.lineWidth = 1;
    ctx.strokeStyle = '#ffffff';
    for (const s of STATE_ORDER) {
      const xy = this.byState.get(s)!;
      if (xy.length === 0) continue;
      const r = s === 'off-duty' ? 2.5 : 4.5;
      ctx.fillStyle = UNIT_COLOURS[s];
      ctx.beginPath();
      for (let i = 0; i < xy.length; i += 2) {
        ctx.moveTo(xy[i]! + r, xy[i + 1]!);
        ctx.arc(xy[i]!, xy[i + 1]!, r, 0, 2 * Math.PI);
      }
      ctx.fill();
      if (s !== 'off-duty') ctx.stroke();
    }
    this.report(drawn, moving, frame.incidents.length, injected, selectedShown);
  }

  private countFrame(now: number): void {
    this.framesThisSecond++;
    if (now - this.secondStarted >= 1000) {
      const fps = (this.framesThisSecond * 1000) / (now - this.secondStarted);
      this.canvas?.setAttribute('data-fps', fps.toFixed(1));
      this.framesThisSecond = 0;
      this.secondStarted = now;
    }
  }

  private report(units: number, moving: number, incidents: number, injected: number, selected: number | null): void {
    const c = this.canvas!;
    if (c.dataset.injected !== String(injected)) c.dataset.injected = String(injected);
    if (c.dataset.selected !== String(selected ?? '')) c.dataset.selected = String(selected ?? '');
    if (c.dataset.units !== String(units)) c.dataset.units = String(units);
    if (c.dataset.moving !== String(moving)) c.dataset.moving = String(moving);
    if (c.dataset.incidents !== String(incidents)) c.dataset.incidents = String(incidents);
  }
}
