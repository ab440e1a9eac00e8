/**
 * The charts of the latest run: the response-time distribution of I and S incidents with the
 * target as a dashed line, and the hourly profile (calls, units busy, I mean response). Each has a
 * one-line summary in words for those who cannot see it.
 */
import { useMemo } from 'react';
import uPlot from 'uplot';
import type { ResponseHistogram } from '../../shared/protocol';
import { formatCount } from '../format';
import { useAppStore } from '../store';
import { distributionData, hourlyData } from './data';
import { UPlotChart } from './UPlotChart';

const AXIS = { stroke: '#3b4450', grid: { stroke: '#e3e6ea', width: 1 }, ticks: { stroke: '#c5cbd3', width: 1 } };

/** Draws a dashed vertical line at `xValue` labelled "target". */
function targetLine(xValue: number): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u) => {
          const x = u.valToPos(xValue, 'x', true);
          const { ctx } = u;
          ctx.save();
          ctx.strokeStyle = '#1d232b';
          ctx.lineWidth = 2 * devicePixelRatio;
          ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.setLineDash([]);
          ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
          const label = 'target';
          const w = ctx.measureText(label).width;
          const pad = 3 * devicePixelRatio;
          // On a white ground, so the label stays readable over the bars.
          ctx.fillStyle = '#ffffff';
          ctx.fillRect(x + pad, u.bbox.top + pad, w + 2 * pad, 16 * devicePixelRatio);
          ctx.fillStyle = '#1d232b';
          ctx.fillText(label, x + 2 * pad, u.bbox.top + 15 * devicePixelRatio);
          ctx.restore();
        },
      ],
    },
  };
}

function Distribution({ grade, histogram }: { grade: 'I' | 'S'; histogram: ResponseHistogram }) {
  const d = useMemo(() => distributionData(histogram), [histogram]);
  const data = useMemo<uPlot.AlignedData>(() => [d.x.map((x) => x + (histogram.binS / 120)), d.share], [d, histogram.binS]);
  const options = useMemo<Omit<uPlot.Options, 'width'>>(
    () => ({
      height: 150,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [0, d.x.length * (histogram.binS / 60)] }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [
        { ...AXIS, label: 'minutes from call to first unit on scene', labelSize: 18, size: 36 },
        { ...AXIS, label: '% of incidents', labelSize: 18, size: 44 },
      ],
      series: [{}, { label: `${grade} share`, fill: grade === 'I' ? '#e31a1caa' : '#ff7f00aa', stroke: grade === 'I' ? '#b3161a' : '#cc6600', paths: uPlot.paths.bars?.({ size: [0.92, 40] }) }],
      plugins: [targetLine(d.targetMin)],
    }),
    // Rebuilt only when the target or bins change (a new scenario), not per run.
    [grade, d.targetMin, histogram.binS, d.x.length],
  );
  const summary = `${grade}: ${formatCount(d.attended)} attended incidents, ${d.withinPct.toFixed(1)}% within the ${formatCount(d.targetMin)}-minute target, ${d.overflowPct.toFixed(1)}% later than ${formatCount(d.x.length * (histogram.binS / 60))} minutes.`;
  return (
    <figure className="chart-figure" data-testid={`distribution-${grade}`} data-attended={d.attended}>
      <figcaption>
        <strong>{grade === 'I' ? 'I Immediate' : 'S Significant'}: response times</strong>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      <UPlotChart key={`${grade}-${d.targetMin}-${d.x.length}`} options={options} data={data} label={summary} />
    </figure>
  );
}

function Hourly() {
  const results = useAppStore((s) => s.run.latest?.outcome.results);
  const d = useMemo(() => (results ? hourlyData(results) : null), [results]);
  const data = useMemo<uPlot.AlignedData>(() => (d ? [d.x, d.calls, d.busyUnits, d.iMeanMin] : [[], [], [], []]), [d]);
  const options = useMemo<Omit<uPlot.Options, 'width'>>(
    () => ({
      height: 170,
      legend: { live: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, mins: { range: (_u, _min, max) => [0, Math.max(20, (max ?? 0) * 1.1)] } },
      axes: [
        { ...AXIS, label: 'hour of the counted period', labelSize: 18, size: 36 },
        { ...AXIS, label: 'calls / units', labelSize: 18, size: 48 },
        { ...AXIS, scale: 'mins', side: 1, label: 'I mean, min', labelSize: 18, size: 44, grid: { show: false } },
      ],
      series: [
        {},
        { label: 'Calls', stroke: '#1f5fa8', width: 2 },
        { label: 'Units busy', stroke: '#7b3294', width: 2 },
        { label: 'I mean response (min)', stroke: '#e31a1c', width: 2, scale: 'mins', dash: [5, 3] },
      ],
    }),
    [],
  );
  if (!d) return null;
  const peak = d.calls.length > 0 ? d.x[d.calls.indexOf(Math.max(...d.calls))] : null;
  const summary = `Hourly profile over ${d.x.length} hours: calls peak at hour ${peak ?? '–'} with ${formatCount(Math.max(0, ...d.calls))} calls; at most ${formatCount(Math.round(Math.max(0, ...d.busyUnits)))} units busy.`;
  return (
    <figure className="chart-figure" data-testid="hourly" data-hours={d.x.length}>
      <figcaption>
        <strong>Hourly profile</strong>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      <UPlotChart options={options} data={data} label={summary} />
    </figure>
  );
}

export function Charts() {
  const histograms = useAppStore((s) => s.run.latest?.outcome.histograms);
  return (
    <section className="panel charts" aria-labelledby="charts-title">
      <h2 id="charts-title">Charts</h2>
      {histograms?.I && <Distribution grade="I" histogram={histograms.I} />}
      {histograms?.S && <Distribution grade="S" histogram={histograms.S} />}
      <Hourly />
    </section>
  );
}
