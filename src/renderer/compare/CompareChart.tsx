/**
 * The response-time distributions of the scenarios overlaid (I and S): for each scenario the share
 * of its attended incidents in each bin of the histogram summed over its replications (the same
 * reading as the main charts, src/renderer/charts/data.ts), one line per scenario. uPlot comes with
 * the Compare panel's chunk, fetched when the panel first opens.
 */
import { useMemo } from 'react';
import type uPlot from 'uplot';
import type { Comparison } from '../../shared/protocol';
import { distributionData } from '../charts/data';
import { UPlotChart } from '../charts/UPlotChart';

/** One colour per scenario, baseline first (Okabe-Ito, told apart in colour-vision deficiencies). */
export const SCENARIO_COLOURS = ['#000000', '#0072b2', '#d55e00', '#009e73', '#cc79a7'] as const;
const AXIS = { stroke: '#3b4450', grid: { stroke: '#e3e6ea', width: 1 }, ticks: { stroke: '#c5cbd3', width: 1 } };

function Overlay({ comparison: c, grade }: { comparison: Comparison; grade: 'I' | 'S' }) {
  const series = useMemo(() => c.scenarios.map((s) => (s.histograms?.[grade] ? distributionData(s.histograms[grade]) : null)), [c, grade]);
  const first = series.find((d) => d !== null) ?? null;
  const data = useMemo<uPlot.AlignedData>(() => (first ? [first.x, ...series.map((d) => (d ? d.share : first.x.map(() => null)))] : [[]]), [first, series]);
  const options = useMemo<Omit<uPlot.Options, 'width'>>(
    () => ({
      height: 170,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [
        { ...AXIS, label: 'minutes from call to first unit on scene', labelSize: 18, size: 36 },
        { ...AXIS, label: '% of incidents', labelSize: 18, size: 44 },
      ],
      series: [{}, ...c.scenarios.map((s, i) => ({ label: s.label, stroke: SCENARIO_COLOURS[i % SCENARIO_COLOURS.length], width: 2, points: { show: false } }))],
    }),
    [c.scenarios],
  );
  if (!first) return null;
  return (
    <figure className="compare-chart">
      <UPlotChart options={options} data={data} label={`${grade} response-time distributions of the ${c.scenarios.length} scenarios overlaid`} />
      <figcaption>
        {grade}: share of attended incidents by response time (target {first.targetMin.toFixed(0)} min).
        <ul className="compare-legend" aria-label={`${grade} chart legend`}>
          {c.scenarios.map((s, i) => (
            <li key={i}>
              <span className="swatch line" style={{ background: SCENARIO_COLOURS[i % SCENARIO_COLOURS.length] }} /> {i === 0 ? 'Baseline' : `Variant ${i}`}: {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

export function CompareChart({ comparison }: { comparison: Comparison }) {
  return (
    <div className="compare-charts">
      <h3>Response-time distributions</h3>
      <Overlay comparison={comparison} grade="I" />
      <Overlay comparison={comparison} grade="S" />
    </div>
  );
}
