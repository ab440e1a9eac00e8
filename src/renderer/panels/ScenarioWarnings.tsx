/**
 * The current scenario's warnings (docs/MODEL-ADDITIONS.md "Warnings"): legal values worth a
 * second look, each with its code and JSON path, folded under one line. Computed from the
 * scenario alone (the app's world is built in the sim worker), so far-off places are judged
 * against the scenario's own areas and places.
 */
import { useMemo } from 'react';
import { parseScenario, scenarioWarnings } from '../../shared/scenario';
import { useAppStore } from '../store';

export function ScenarioWarnings() {
  const current = useAppStore((s) => s.scenario.current);
  const warnings = useMemo(() => {
    const parsed = parseScenario(current);
    return parsed.ok ? scenarioWarnings(parsed.scenario) : [];
  }, [current]);
  if (warnings.length === 0) return null;
  return (
    <details className="notice scenario-warnings" data-testid="scenario-warnings">
      <summary>
        {warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`} about this scenario (it runs; worth a second look)
      </summary>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>
            <code>{w.path || '(file)'}</code> ({w.code}): {w.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
