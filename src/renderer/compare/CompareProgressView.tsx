/**
 * A comparison running: progress, the time left, Cancel, and the 95 % interval of each variant's
 * difference in I within target as it narrows with the replications every scenario has finished.
 */
import type { NarrowingStep } from '../../shared/protocol';
import { differenceText, timeLeftText } from './format';
import type { ComparisonRun } from './use-comparison';

export function CompareProgressView({ run, sequential, onCancel }: { run: ComparisonRun & { kind: 'running' }; sequential: boolean; onCancel: () => void }) {
  const p = run.progress;
  const fraction = p?.fraction ?? 0;
  const left = timeLeftText(run.nowMs - run.startedMs, fraction);
  const variants = run.labels.slice(1);
  const latest = run.steps.at(-1) ?? null;
  return (
    <div className="compare-progress" data-testid="compare-progress">
      <progress aria-label="Comparison progress" max={1} value={fraction} />
      <p role="status">
        {p === null
          ? `Starting ${run.labels.length} scenarios…`
          : `${p.replicationsDone} of ${sequential ? 'at most ' : ''}${p.planned} replications of each of ${run.labels.length} scenarios finished`}
        {left !== null && ` · ${left} left${sequential ? ' at most' : ''}`}
      </p>
      <button type="button" onClick={onCancel} disabled={run.cancelling}>
        {run.cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
      {latest !== null && <Narrowing steps={run.steps} variants={variants} />}
    </div>
  );
}

/** The interval of each variant's difference in I within target after each batch, newest last. */
export function Narrowing({ steps, variants }: { steps: readonly NarrowingStep[]; variants: readonly string[] }) {
  return (
    <table className="compare-table narrowing" aria-label="Interval of the difference in I within target as replications arrive">
      <caption>Difference in I within target (points), variant − baseline, ± 95 % interval</caption>
      <thead>
        <tr>
          <th scope="col">Replications</th>
          {variants.map((v) => (
            <th key={v} scope="col">
              {v}
            </th>
          ))}
          <th scope="col">Widest interval, points</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s) => (
          <tr key={s.replications}>
            <th scope="row">{s.replications}</th>
            {s.differences.map((d, i) => (
              <td key={i}>{differenceText(d, '%')}</td>
            ))}
            <td>{s.width === null ? '–' : s.width.toFixed(1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
