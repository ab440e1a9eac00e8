/** Per BCU and per borough: one figure, the baseline and one variant, the paired difference and its verdict. */
import type { AreaComparison, Comparison } from '../../shared/protocol';
import { differenceText, meanText, unitWord, verdictClass, verdictText } from './format';

function AreaTable({ rows, title, comparison: c, variant, figure }: { rows: readonly AreaComparison[]; title: string; comparison: Comparison; variant: number; figure: number }) {
  const info = c.areaFigures[figure]!;
  if (rows.length === 0) return null;
  return (
    <table className="compare-table" aria-label={`${title}: ${info.label}`}>
      <caption>
        {title}: {info.label} ({unitWord(info.unit)}), {c.scenarios[variant + 1]!.label} against {c.scenarios[0]!.label}
      </caption>
      <thead>
        <tr>
          <th scope="col">{title === 'Per BCU' ? 'BCU' : 'Borough'}</th>
          <th scope="col">Baseline</th>
          <th scope="col">Variant</th>
          <th scope="col">Difference</th>
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => {
          const f = a.figures[figure]!;
          const d = f.differences[variant]!;
          return (
            <tr key={a.id}>
              <th scope="row">{a.name}</th>
              <td>{meanText(f.scenarios[0]!, info.unit)}</td>
              <td>{meanText(f.scenarios[variant + 1]!, info.unit)}</td>
              <td>{differenceText(d, info.unit)}</td>
              <td className={verdictClass(d)}>{verdictText(d)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function AreaTables(props: { comparison: Comparison; variant: number; figure: number }) {
  return (
    <div className="compare-areas">
      <AreaTable rows={props.comparison.bcus} title="Per BCU" {...props} />
      <details>
        <summary>Per borough</summary>
        <AreaTable rows={props.comparison.areas} title="Per borough" {...props} />
      </details>
    </div>
  );
}
