/**
 * The live canvas layer on a real Leaflet map in jsdom, with a recording 2D context: units are drawn
 * where Leaflet itself projects them (its own Web Mercator code agrees), moving units glide along
 * their trips by the sim clock, off-duty units can be hidden, and the canvas reports what it drew.
 */
import * as L from 'leaflet';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INJECTED_RING_COLOUR } from '../../../src/renderer/map/colours';
import { LiveCanvasLayer, type LiveDrawState } from '../../../src/renderer/map/live-layer';
import type { LiveFrame, LiveUnit } from '../../../src/shared/protocol';

/** Records the circles (unit positions) and rectangles (incidents) drawn. */
function recordingContext() {
  const arcs: { x: number; y: number; r: number; fill: string }[] = [];
  const rects: { x: number; y: number }[] = [];
  const rings: { x: number; y: number; r: number; stroke: string }[] = [];
  let pending: { x: number; y: number; r: number }[] = [];
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    setTransform: () => {},
    clearRect: () => {},
    beginPath: () => void (pending = []),
    moveTo: () => {},
    arc: (x: number, y: number, r: number) => void pending.push({ x, y, r }),
    rect: (x: number, y: number) => void rects.push({ x, y }),
    fill() {
      for (const p of pending) arcs.push({ ...p, fill: this.fillStyle });
    },
    stroke() {
      for (const p of pending) rings.push({ ...p, stroke: this.strokeStyle });
    },
  };
  return { ctx, arcs, rects, rings };
}

const kpi = { fromS: 0, calls: 0, answered: 0, abandoned: 0, answeredWithinTargetPct: null, iAttended: 0, iMeanResponseS: null, iWithinTargetPct: null, attended: 0, withinTargetPct: null };
function frame(units: LiveUnit[], extra: Partial<LiveFrame> = {}): LiveFrame {
  return {
    jobId: 'L', seq: 1, tS: 50, startS: 0, endS: 1000, finished: false, units, incidents: [{ id: 1, grade: 'I', lon: -0.1, lat: 51.52, state: 'pending', callS: 0, units: [], injected: false }],
    callsWaiting: 0, pending: 1, busyUnits: 1, kpis: { lastHour: kpi, today: kpi }, step: null, workMs: 0, events: 0, playing: true, speed: 10, ...extra,
  };
}

describe('live canvas layer', () => {
  let div: HTMLDivElement;
  let map: L.Map;
  let rec: ReturnType<typeof recordingContext>;

  beforeEach(() => {
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => {});
    div = document.createElement('div');
    Object.defineProperty(div, 'clientWidth', { value: 800 });
    Object.defineProperty(div, 'clientHeight', { value: 600 });
    document.body.appendChild(div);
    map = L.map(div, { zoomAnimation: false, fadeAnimation: false }).setView([51.5, -0.1], 12);
    rec = recordingContext();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(rec.ctx as unknown as CanvasRenderingContext2D);
  });

  afterEach(() => {
    map.remove();
    div.remove();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('draws a unit gliding along its trip where Leaflet projects that place, and reports what it drew', () => {
    const trip = { departS: 0, coords: [-0.2, 51.5, 0, 51.5], timesS: [0, 100] };
    let now = 1000;
    const state: LiveDrawState = {
      frame: frame([
        { id: 'M', station: 'B', state: 'travelling', lon: -0.15, lat: 51.5, incident: 1, moving: true },
        { id: 'F', station: 'B', state: 'free', lon: -0.1, lat: 51.49, incident: null, moving: false },
        { id: 'O', station: 'B', state: 'off-duty', lon: -0.1, lat: 51.48, incident: null, moving: false },
      ]),
      receivedAt: 1000,
      trips: { M: trip },
      showOffDuty: true,
      selectedIncident: null,
    };
    const layer = new LiveCanvasLayer(() => state, () => now).addTo(map);
    layer.draw();
    const expectAt = (lat: number, lon: number, fill: string) => {
      const p = map.latLngToContainerPoint([lat, lon]);
      const hit = rec.arcs.find((a) => a.fill === fill);
      expect(hit, `a ${fill} unit was drawn`).toBeDefined();
      // Leaflet rounds its points to whole pixels; the layer does not (smoother gliding).
      expect(Math.abs(hit!.x - p.x)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(hit!.y - p.y)).toBeLessThanOrEqual(0.5);
    };
    expectAt(51.5, -0.1, '#d73027'); // half way at 50 s
    expectAt(51.49, -0.1, '#1a9850');
    const canvas = div.querySelector('canvas.live-layer') as HTMLCanvasElement;
    expect(canvas.dataset).toMatchObject({ units: '3', moving: '1', incidents: '1' });
    expect(rec.rects, 'one incident square').toHaveLength(2); // filled, then outlined as pending

    // 0.2 s later at 10x the unit has driven 2 s further along the trip, without a new frame.
    rec.arcs.length = 0;
    now = 1200;
    layer.draw();
    expectAt(51.5, -0.2 + 0.2 * 0.52, '#d73027');

    rec.arcs.length = 0;
    layer.remove();
    expect(div.querySelector('canvas.live-layer'), 'removed with the layer').toBeNull();
  });

  it('hides off-duty units when asked, and draws nothing without a frame', () => {
    const units: LiveUnit[] = [{ id: 'O', station: 'B', state: 'off-duty', lon: -0.1, lat: 51.5, incident: null, moving: false }];
    let state: LiveDrawState = { frame: frame(units), receivedAt: 0, trips: {}, showOffDuty: false, selectedIncident: null };
    const layer = new LiveCanvasLayer(() => state, () => 0).addTo(map);
    layer.draw();
    expect(rec.arcs).toHaveLength(0);
    const canvas = div.querySelector('canvas.live-layer') as HTMLCanvasElement;
    expect(canvas.dataset.units).toBe('0');
    state = { ...state, frame: null };
    layer.draw();
    expect(canvas.dataset).toMatchObject({ units: '0', moving: '0', incidents: '0' });
  });

  it('rings the incidents a trainer injected and the selected one, and reports them', () => {
    const injected = { id: 7, grade: 'S' as const, lon: -0.12, lat: 51.51, state: 'pending' as const, callS: 40, units: [], injected: true };
    const plain = frame([]).incidents[0]!;
    const state: LiveDrawState = { frame: frame([], { incidents: [plain, injected] }), receivedAt: 0, trips: {}, showOffDuty: true, selectedIncident: 7 };
    new LiveCanvasLayer(() => state, () => 0).addTo(map).draw();
    const p = map.latLngToContainerPoint([51.51, -0.12]);
    const ring = rec.rings.find((r) => r.stroke === INJECTED_RING_COLOUR);
    expect(ring, 'a ring in the injected colour').toBeDefined();
    expect(Math.abs(ring!.x - p.x) + Math.abs(ring!.y - p.y), 'around the injected incident').toBeLessThanOrEqual(1);
    expect(rec.rings.filter((r) => r.stroke === INJECTED_RING_COLOUR), 'only the injected incident is ringed').toHaveLength(1);
    expect(rec.rings.some((r) => r.stroke === '#13294b' && r.r > ring!.r && Math.abs(r.x - p.x) <= 1), 'the selected one has a wider dark ring').toBe(true);
    const canvas = div.querySelector('canvas.live-layer') as HTMLCanvasElement;
    expect(canvas.dataset).toMatchObject({ incidents: '2', injected: '1', selected: '7' });
  });
});
