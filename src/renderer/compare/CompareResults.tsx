/**
 * A comparison's results: what was run and why it stopped, then for each key figure each
 * scenario's mean ± 95 % interval, each variant's paired difference from the baseline ± its
 * interval and the verdict in words; then per BCU and per borough (table and diverging map) and
 * the response-time distributions overlaid. Definitions: docs/MODEL-ADDITIONS.md "Compare in the app".
 */
import { useState } from 'react';
import type { Comparison } from '../../shared/protocol';
import { AreaTables } from './AreaTables';
import { CompareChart } from './CompareChart';
import { CompareMap } from './CompareMap';
import { Narrowing } from './CompareProgressView';
import { differenceText, meanText, unitWord, verdictClass, verdictText } from './format';

const STOPPED: Record<Comparison['stopped'], string> = {
  fixed: 'the fixed number of replications ran',
  'narrow enough': 'the interval of the difference in I within target became narrow enough',
  'cap reached': 'the most replications allowed ran before the interval became narrow enough',
  cancelled: 'cancelled; the replications every scenario finished are kept',
};

export function CompareResults({ comparison: c }: { comparison: Comparison }) {
  const labels = c.scenarios.map((s) => s.label);
  const [variant, setVariant] = useState(0);
  const [figure, setFigure] = useState(1);
  const n = c.replications.length;
  return (
    <div className="compare-results" data-testid="compare-results">
      <p>
        {n} paired replication{n === 1 ? '' : 's'} of {c.days} day{c.days === 1 ? '' : 's'} each (seed {c.seed}, the same calls in every scenario); stopped: {STOPPED[c.stopped]}.
        {c.width !== null && ` Widest interval of the difference in I within target: ${c.width.toFixed(1)} points.`}
      </p>
      <table className="compare-table" aria-label="Key figures compared">
        <caption>Key figures: mean ± 95 % interval; difference = variant − baseline, paired over the same calls</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Baseline: {labels[0]}</th>
            {labels.slice(1).map((l, i) => [
              <th key={`m${i}`} scope="col">
                Variant {i + 1}: {l}
              </th>,
              <th key={`d${i}`} scope="col">
                Difference {i + 1}
              </th>,
              <th key={`v${i}`} scope="col">
                Verdict {i + 1}
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {c.figures.map((f) => (
            <tr key={f.figure.id} data-figure={f.figure.id}>
              <th scope="row">
                {f.figure.label} ({unitWord(f.figure.unit)})
              </th>
              <td>{meanText(f.scenarios[0]!, f.figure.unit)}</td>
              {f.differences.map((d, i) => [
                <td key={`m${i}`}>{meanText(f.scenarios[i + 1]!, f.figure.unit)}</td>,
                <td key={`d${i}`}>{differenceText(d, f.figure.unit)}</td>,
                <td key={`v${i}`} className={verdictClass(d)} data-testid="verdict">
                  {verdictText(d)}
                </td>,
              ])}
            </tr>
          ))}
        </tbody>
      </table>
      {c.narrowing.length > 1 && <Narrowing steps={c.narrowing} variants={labels.slice(1)} />}
      <h3>By BCU and borough</h3>
      <div className="resourcing-row">
        {labels.length > 2 && (
          <label>
            Variant
            <select value={variant} onChange={(e) => setVariant(Number(e.target.value))}>
              {labels.slice(1).map((l, i) => (
                <option key={i} value={i}>
                  {i + 1}: {l}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Figure
          <select value={figure} onChange={(e) => setFigure(Number(e.target.value))}>
            {c.areaFigures.map((f, i) => (
              <option key={f.id} value={i}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <CompareMap comparison={c} variant={variant} figure={figure} />
      <AreaTables comparison={c} variant={variant} figure={figure} />
      <CompareChart comparison={c} />
    </div>
  );
}
