/** The headline figures of a run's results: calls, and response by grade. */
import type { RunOutcome } from '../../shared/protocol';
import { isAttendedGrade } from '../../shared/results';
import { formatCount, formatDuration, formatPct } from '../format';

type Ok = Extract<RunOutcome, { ok: true }>;

const GRADE_NAMES = { I: 'Immediate', S: 'Significant', E: 'Extended' } as const;

export function ResultsSummary({ outcome }: { outcome: Ok }) {
  const { results } = outcome;
  const { calls } = results;
  return (
    <div className="results" data-testid="results">
      <dl className="figures">
        <div>
          <dt>Calls offered</dt>
          <dd data-testid="calls-offered">{formatCount(calls.offered)}</dd>
        </div>
        <div>
          <dt>Answered</dt>
          <dd>{formatCount(calls.answered)}</dd>
        </div>
        <div>
          <dt>Abandoned</dt>
          <dd>{formatPct(calls.abandonedPct)}</dd>
        </div>
        <div>
          <dt>Mean answer</dt>
          <dd>{formatDuration(calls.meanAnswerS)}</dd>
        </div>
      </dl>
      <table className="grades">
        <thead>
          <tr>
            <th scope="col">Grade</th>
            <th scope="col">Incidents</th>
            <th scope="col">Mean response</th>
            <th scope="col">Within target</th>
          </tr>
        </thead>
        <tbody>
          {(Object.keys(GRADE_NAMES) as (keyof typeof GRADE_NAMES)[]).map((grade) => {
            const any = results.grades[grade];
            const g = isAttendedGrade(any) ? any : undefined;
            return (
              <tr key={grade} data-testid={`grade-${grade}`}>
                <th scope="row">
                  {grade} {GRADE_NAMES[grade]}
                </th>
                <td>{formatCount(any?.incidents)}</td>
                <td data-testid={`mean-response-${grade}`}>{formatDuration(g?.meanResponseS)}</td>
                <td>{formatPct(g?.withinTargetPct)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="meta">
        {outcome.replications} replication{outcome.replications === 1 ? '' : 's'} · simulator {results.meta.version} · {formatCount(outcome.wallMs)} ms
      </p>
    </div>
  );
}
