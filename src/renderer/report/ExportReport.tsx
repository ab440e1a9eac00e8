/**
 * "Export report": the report document (src/report) of the open scenario's latest run, written by
 * the host: on the desktop as PDF (Electron's printToPDF) and HTML with the scenario file beside
 * them; in the browser as an HTML download and the scenario file, then the print dialog (the print
 * stylesheet ./report-print.css puts only the report on paper). Enabled once the scenario as it
 * stands has been run.
 */
import { useState } from 'react';
import { useApi } from '../api-context';
import { areaAt } from '../map/locate';
import { describeChanges } from '../scenario/describe';
import { useAppStore, useAppStoreApi } from '../store';
import { appReport } from './build';
import './report-print.css';

type Status = { readonly kind: 'idle' } | { readonly kind: 'busy' } | { readonly kind: 'done'; readonly text: string } | { readonly kind: 'failed'; readonly text: string };

export function ExportReport() {
  const api = useApi();
  const store = useAppStoreApi();
  const latest = useAppStore((s) => s.run.latest);
  const revision = useAppStore((s) => s.scenario.revision);
  const running = useAppStore((s) => s.run.status === 'running');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const ready = latest !== null && latest.revision === revision && !running;

  const onExport = async (): Promise<void> => {
    const s = store.getState();
    if (!s.run.latest) return;
    const layers = s.map.layers;
    const names = {
      areas: new Map((layers?.areas.features ?? []).map((f) => [String(f.properties.id), String(f.properties.name)])),
      bcus: new Map((layers?.bcus?.features ?? []).map((f) => [String(f.properties.id), String(f.properties.name)])),
      areaAt: (lon: number, lat: number) => areaAt(layers?.areas, lon, lat)?.name ?? null,
    };
    const report = appReport({
      current: s.scenario.current,
      changes: { origin: `${s.scenario.name} as opened`, lines: describeChanges(s.scenario.original, s.scenario.current, names) },
      run: s.run.latest,
      layers,
      version: s.host.version,
      now: new Date(),
    });
    if (!report.ok) {
      setStatus({ kind: 'failed', text: `No report: ${report.message}.` });
      return;
    }
    setStatus({ kind: 'busy' });
    try {
      const outcome = await api.exportReport({ html: report.html, scenarioText: report.scenarioText, suggestedName: report.suggestedName });
      if (outcome.ok) setStatus({ kind: 'done', text: `Report written: ${outcome.files.join(', ')}${outcome.printed ? '; the print dialog prints it or saves it as PDF' : ''}.` });
      else setStatus(outcome.reason === 'cancelled' ? { kind: 'idle' } : { kind: 'failed', text: `The report was not written: ${outcome.message}` });
    } catch (error) {
      setStatus({ kind: 'failed', text: `The report was not written: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <section className="panel export-report" aria-label="Report">
      <button type="button" onClick={() => void onExport()} disabled={!ready || status.kind === 'busy'} title={ready ? 'The reviewer’s report of the latest run: PDF and HTML, with the scenario file' : 'Run the scenario as it stands first'}>
        Export report
      </button>
      <p role="status" className={status.kind === 'failed' ? 'failure' : 'hint'}>
        {status.kind === 'busy' ? 'Writing the report…' : status.kind === 'done' || status.kind === 'failed' ? status.text : ''}
      </p>
    </section>
  );
}
