/**
 * The key figures of the latest run (MODEL.md "Results"), each with its change from the previous
 * run (up or down, by how much, better or worse) and its definition as a description; with road
 * travel, the share of travel time on access legs beside them (where road data is thin).
 */
import type { SimResults } from '../../shared/protocol';
import { formatCount, formatDuration, formatPct } from '../format';
import { FIGURE_GROUPS, KEY_FIGURES, figureChange, formatChange, type FigureDef } from '../figures/key-figures';
import { update, useAppStore, useAppStoreApi } from '../store';
import { coverageShown } from '../store/map-slice';

const ACCESS_LEG_DEFINITION =
  'Share of all travel time spent on access legs, between a place and its nearest modelled road: straight line × detour factor at the off-road speed (MODEL.md "Travel"; results meta.accessLegTimePct, docs/MODEL-ADDITIONS.md "Results").';

/** `meta.accessLegTimePct` of a road run, with a way to show the coverage layer that explains it. */
function AccessLegs({ results }: { results: SimResults }) {
  const store = useAppStoreApi();
  const canShow = useAppStore((s) => !s.map.showCoverage && (s.map.layers?.coverage ?? null) !== null);
  if (results.meta.travelMode !== 'road') return null;
  const pct = results.meta.accessLegTimePct;
  return (
    <p className="access-legs" data-testid="access-legs" data-value={pct ?? ''}>
      <span title={ACCESS_LEG_DEFINITION} aria-describedby="access-legs-def">
        <strong>{formatPct(pct)}</strong> of travel time on access legs (off the modelled roads): where road data is thin.
      </span>
      <span id="access-legs-def" className="visually-hidden">
        {ACCESS_LEG_DEFINITION}
      </span>
      {canShow && (
        <>
          {' '}
          <button type="button" className="link" onClick={() => update(store, 'map', coverageShown, true)}>
            Show it on the map
          </button>
        </>
      )}
    </p>
  );
}

function formatValue(def: FigureDef, value: number | null): string {
  return def.kind === 'duration' ? formatDuration(value) : formatPct(value);
}

export function KeyFigures() {
  const final = useAppStore((s) => s.run.latest);
  const before = useAppStore((s) => s.run.previous);
  const provisional = useAppStore((s) => s.run.provisional);
  const running = useAppStore((s) => s.run.status === 'running');
  const revision = useAppStore((s) => s.scenario.revision);
  // A shorter run's figures stand in until the run's own arrive (issue 14 aim 4); never compared.
  const early = provisional?.revision === revision && final?.revision !== revision ? provisional : null;
  const latest = early ?? final;
  const previous = early ? null : before;
  const stale = latest !== null && latest.revision !== revision;
  return (
    <section
      className="panel key-figures"
      aria-labelledby="key-figures-title"
      data-testid="key-figures"
      aria-busy={running}
      data-figures-revision={final?.revision ?? ''}
      data-provisional-revision={early?.revision ?? ''}
      data-scenario-revision={revision}
    >
      <h2 id="key-figures-title">Key figures{early && ' (provisional)'}</h2>
      {!latest ? (
        <p className="hint">{running ? 'Running the scenario…' : 'No figures yet.'}</p>
      ) : (
        <>
          <p className="meta">
            <span data-testid="calls-offered" data-value={latest.outcome.results.calls.offered}>
              {formatCount(latest.outcome.results.calls.offered)} calls offered
            </span>
            {' · '}
            {early ? `provisional: the first ${early.days === 1 ? 'day' : `${early.days} days`} only; ${latest.label}, follows` : latest.label}
            {previous ? ` · change from the previous run (${previous.label})` : early ? '' : ' · first run'}
            {stale ? ' · figures of the scenario before your last change' : ''}
          </p>
          <table className="figures-table">
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">Value</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            {FIGURE_GROUPS.map((group) => (
              <tbody key={group.id}>
                <tr className="group-row">
                  <th scope="rowgroup" colSpan={3}>
                    {group.title}
                  </th>
                </tr>
                {KEY_FIGURES.filter((d) => d.group === group.id).map((def) => {
                  const value = def.read(latest.outcome.results);
                  const change = previous ? figureChange(def, value, def.read(previous.outcome.results)) : null;
                  const descId = `fig-def-${def.id}`;
                  return (
                    <tr key={def.id} data-testid={`figure-${def.id}`} data-value={value ?? ''}>
                      <th scope="row" title={def.definition} aria-describedby={descId}>
                        {def.label}
                        <span id={descId} className="visually-hidden">
                          {def.definition}
                        </span>
                      </th>
                      <td className="value">{formatValue(def, value)}</td>
                      <td className={`change ${change?.verdict ?? ''}`} data-direction={change?.direction ?? ''}>
                        {change ? (
                          <>
                            <span aria-hidden="true">{change.direction === 'up' ? '▲ ' : change.direction === 'down' ? '▼ ' : ''}</span>
                            {formatChange(def, change)}
                            {change.verdict !== 'neutral' && <span className="visually-hidden"> ({change.verdict})</span>}
                          </>
                        ) : (
                          '–'
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
          <AccessLegs results={latest.outcome.results} />
        </>
      )}
    </section>
  );
}
