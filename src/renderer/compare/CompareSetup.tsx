/**
 * The Compare panel's form: the open scenario against a baseline (by default the document it came
 * from, else the London baseline) and up to three more variants (the document's other copies, the
 * London baseline, a scenario file or a recent file), the horizon (a day to four weeks), and the
 * replications: a fixed number, or until the 95 % interval of the difference in I within target is
 * narrower than N points (at most a cap).
 */
import { useState } from 'react';
import type { ComparePlan, CompareSide, OpenFileOutcome } from '../../shared/protocol';
import { useApi } from '../api-context';
import { NumberField } from '../panels/NumberField';
import { useAppStore } from '../store';
import { runHorizon } from '../store/scenario-slice';
import { builtInCandidates, defaultHorizon, fileCandidate, HORIZON_MAX_DAYS, HORIZON_MIN_DAYS, MAX_MORE_VARIANTS, openCandidate, type Candidate } from './sources';

export interface SetupChoice {
  readonly scenarios: CompareSide[];
  readonly days: number;
  readonly plan: ComparePlan;
}

const fileName = (p: string): string => p.split(/[\\/]/).pop() ?? p;

export function CompareSetup({ onRun }: { onRun: (choice: SetupChoice) => void }) {
  const api = useApi();
  const scenario = useAppStore((s) => s.scenario);
  const recent = useAppStore((s) => s.host.settings?.recentFiles ?? []);
  const open = openCandidate(scenario);
  const [files, setFiles] = useState<Candidate[]>([]);
  const candidates = [...builtInCandidates(scenario), ...files];
  const [baseId, setBaseId] = useState(candidates[0]!.id);
  const [more, setMore] = useState<string[]>([]);
  const [adding, setAdding] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [days, setDays] = useState(() => defaultHorizon(runHorizon(scenario).days));
  const [mode, setMode] = useState<'fixed' | 'rule'>('fixed');
  const [replications, setReplications] = useState(5);
  const [width, setWidth] = useState(4);
  const [cap, setCap] = useState(20);

  const byId = (id: string) => candidates.find((c) => c.id === id);
  const base = byId(baseId) ?? candidates[0]!;
  const addable = candidates.filter((c) => c.id !== base.id && !more.includes(c.id));

  const added = (outcome: OpenFileOutcome): void => {
    if (!outcome.ok) {
      if (outcome.reason !== 'cancelled') setProblem(outcome.message);
      return;
    }
    const c = fileCandidate(outcome.file);
    if (!c.ok) return setProblem(c.message);
    setProblem(null);
    setFiles((fs) => [...fs.filter((f) => f.id !== c.candidate.id), c.candidate]);
    setMore((m) => (m.includes(c.candidate.id) || m.length >= MAX_MORE_VARIANTS ? m : [...m, c.candidate.id]));
  };
  const addVariant = async (): Promise<void> => {
    try {
      if (adding === 'file') added(await api.openScenarioFile());
      else if (adding.startsWith('recent:')) added(await api.openRecentFile(adding.slice('recent:'.length)));
      else if (adding !== '') setMore((m) => [...m, adding]);
    } catch (error) {
      setProblem(`The file could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    }
    setAdding('');
  };

  const run = (): void => {
    const sides = [base, open, ...more.map(byId).filter((c): c is Candidate => c !== undefined)].map((c) => ({ label: c.label.slice(0, 200), scenario: c.scenario as Record<string, unknown> }));
    onRun({ scenarios: sides, days, plan: mode === 'fixed' ? { replications } : { rule: { widthPoints: width, maxReplications: cap } } });
  };

  return (
    <form
      className="compare-setup"
      aria-label="What to compare"
      onSubmit={(e) => {
        e.preventDefault();
        run();
      }}
    >
      <label>
        Baseline
        <select value={base.id} onChange={(e) => setBaseId(e.target.value)}>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <p>
        Variant 1: <strong>{open.label}</strong> (the open scenario)
      </p>
      <ul aria-label="More variants" className="compare-variants">
        {more.map((id, i) => (
          <li key={id}>
            Variant {i + 2}: {byId(id)?.label ?? id}{' '}
            <button type="button" onClick={() => setMore((m) => m.filter((x) => x !== id))} aria-label={`Remove variant ${i + 2}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {more.length < MAX_MORE_VARIANTS && (
        <div className="resourcing-row">
          <label>
            Add a variant
            <select value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">(choose)</option>
              {addable.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
              {recent.map((p) => (
                <option key={p} value={`recent:${p}`}>
                  Recent file: {fileName(p)}
                </option>
              ))}
              <option value="file">A scenario file…</option>
            </select>
          </label>
          <button type="button" disabled={adding === ''} onClick={() => void addVariant()}>
            Add variant
          </button>
        </div>
      )}
      {problem && <p role="alert">{problem}</p>}
      <span className="compare-field">
          <span aria-hidden="true">Horizon, days</span> <NumberField label="Horizon, days" value={days} min={HORIZON_MIN_DAYS} max={HORIZON_MAX_DAYS} onCommit={setDays} />
        </span>
      <fieldset>
        <legend>Replications</legend>
        <label>
          <input type="radio" name="compare-mode" checked={mode === 'fixed'} onChange={() => setMode('fixed')} /> A fixed number
        </label>
        {mode === 'fixed' && <span className="compare-field">
          <span aria-hidden="true">Replications of each scenario</span> <NumberField label="Replications of each scenario" value={replications} min={1} max={200} onCommit={setReplications} />
        </span>}
        <label>
          <input type="radio" name="compare-mode" checked={mode === 'rule'} onChange={() => setMode('rule')} /> Until the 95 % interval of the difference in I within target is narrower than N points
        </label>
        {mode === 'rule' && (
          <div className="resourcing-row">
            <span className="compare-field">
          <span aria-hidden="true">N, points</span> <NumberField label="N, points" value={width} min={0.1} max={100} integer={false} onCommit={setWidth} />
        </span>
            <span className="compare-field">
          <span aria-hidden="true">At most, replications</span> <NumberField label="At most, replications" value={cap} min={3} max={200} onCommit={setCap} />
        </span>
          </div>
        )}
      </fieldset>
      <button type="submit">Run comparison</button>
    </form>
  );
}
