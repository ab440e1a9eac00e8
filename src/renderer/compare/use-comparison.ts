/**
 * A comparison in the panel: start it on the host (`compareScenarios`), follow its progress and
 * the narrowing of the interval, cancel it, keep its outcome. Local to the Compare panel (no other
 * part of the app reads it).
 */
import { useRef, useState } from 'react';
import type { CompareOutcome, CompareProgress, CompareRequest, NarrowingStep } from '../../shared/protocol';
import { useApi } from '../api-context';

export type ComparisonRun =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'running';
      readonly jobId: string;
      readonly labels: readonly string[];
      readonly startedMs: number;
      readonly nowMs: number;
      readonly progress: CompareProgress | null;
      /** the interval of the difference in I within target each time more replications were finished */
      readonly steps: readonly NarrowingStep[];
      readonly cancelling: boolean;
    }
  | { readonly kind: 'done'; readonly labels: readonly string[]; readonly outcome: CompareOutcome };

export function useComparison() {
  const api = useApi();
  const [run, setRun] = useState<ComparisonRun>({ kind: 'idle' });
  const counter = useRef(0);

  const start = async (request: Omit<CompareRequest, 'jobId'>): Promise<void> => {
    const jobId = `compare-${Date.now()}-${++counter.current}`;
    const labels = request.scenarios.map((s) => s.label);
    const startedMs = Date.now();
    setRun({ kind: 'running', jobId, labels, startedMs, nowMs: startedMs, progress: null, steps: [], cancelling: false });
    const outcome = await api
      .compareScenarios({ ...request, jobId }, (p) =>
        setRun((s) => {
          if (s.kind !== 'running' || s.jobId !== jobId) return s;
          const last = s.steps.at(-1);
          const steps = p.narrowing && p.narrowing.replications !== last?.replications ? [...s.steps, p.narrowing] : s.steps;
          return { ...s, progress: p, steps, nowMs: Date.now() };
        }),
      )
      .catch((error: unknown): CompareOutcome => ({ ok: false, error: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } }));
    setRun({ kind: 'done', labels, outcome });
  };

  const cancel = (): void => {
    if (run.kind !== 'running') return;
    setRun({ ...run, cancelling: true });
    void api.cancel(run.jobId);
  };

  return { run, start, cancel };
}
