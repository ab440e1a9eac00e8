/**
 * The selected incident's dispatch decision record (docs/MODEL-ADDITIONS.md "Dispatch explained"):
 * why it waits now, and for each unit sent the rule that chose, the units weighed with their state
 * and ETA and why each other was passed over. Shown in the trainer's panel under "Dispatch decision".
 */
import type { DispatchDecision as Decision, DispatchExplanation, DispatchVerdict } from '../../shared/protocol';
import { clockLabel } from '../live/clock';
import { etaMinutes } from '../store/trainer-slice';

const VERDICT_LABELS: Readonly<Record<DispatchVerdict, string>> = {
  chosen: 'sent',
  slower: 'slower',
  busy: 'busy',
  'off-duty': 'off duty',
  reserve: 'in reserve',
  border: 'outside border',
  'home-area': 'not own area',
  'no-route': 'no route',
};

const HOW_LABELS: Readonly<Record<Decision['how'], string>> = { policy: 'by the policy', diversion: 'diverted', trainer: 'by the trainer' };

/** '12 busy, 3 in reserve, 200 off duty'. */
export function passedOverText(passed: Decision['passedOver']): string {
  const parts = (Object.keys(VERDICT_LABELS) as DispatchVerdict[]).filter((k) => k !== 'chosen' && (passed[k] ?? 0) > 0).map((k) => `${passed[k]} ${VERDICT_LABELS[k]}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

export function DispatchDecision({ explanation, offsetS }: { explanation: DispatchExplanation | null; offsetS: number }) {
  if (explanation === null) return null;
  const { decisions, waiting, notes } = explanation;
  return (
    <section className="dispatch-decision" aria-labelledby="decision-title" data-testid="dispatch-decision">
      <h4 id="decision-title">Dispatch decision</h4>
      {waiting !== null && (
        <p className="waiting" data-testid="waiting-reason">
          <strong>Waits:</strong> {waiting}
        </p>
      )}
      {decisions.length === 0 && waiting === null && <p className="hint">No unit sent yet.</p>}
      {decisions.map((d) => (
        <div key={`${d.tS}-${d.slot}-${d.unit}`} className="decision" data-testid="decision">
          <p>
            <strong>
              {d.unit} {HOW_LABELS[d.how]}
            </strong>{' '}
            at {clockLabel(d.tS, offsetS).time}, ETA {etaMinutes(d.etaS)}: <span data-testid="decision-rule">{d.rule}</span>.
          </p>
          <table className="small-table decision-units">
            <caption>Units weighed, nearest first; passed over: {passedOverText(d.passedOver)}</caption>
            <thead>
              <tr>
                <th scope="col">Unit</th>
                <th scope="col">State</th>
                <th scope="col">ETA</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {d.candidates.map((c) => (
                <tr key={c.unit} className={c.verdict === 'chosen' ? 'selected' : undefined} data-verdict={c.verdict}>
                  <th scope="row">{c.unit}</th>
                  <td>{c.state}</td>
                  <td>{etaMinutes(c.etaS)}</td>
                  <td>{c.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {notes.length > 0 && (
        <ul className="decision-notes">
          {notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
