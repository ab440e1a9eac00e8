/**
 * The one report module (issue 16): the document of one scenario's run or of a comparison, as one
 * self-contained HTML page. The app's "Export report", `report` and `compare --out` all call
 * `reportDocumentHtml`. Pure (Node and browser); writing files and printing PDF are the hosts'.
 */
import { comparisonHtml } from './comparison';
import type { ReportDocument } from './document';
import { singleReportHtml } from './single';

export type { ReportDocument, ReportScenario } from './document';
export { shellWord, stampOf } from './document';
export { escapeHtml } from './html';
export { outlinesFromFeatures, type AreaOutline } from './static-map';

export function reportDocumentHtml(doc: ReportDocument): string {
  if (doc.scenarios.length === 0) throw new Error('reportDocumentHtml: no scenario');
  return doc.scenarios.length === 1 ? singleReportHtml(doc) : comparisonHtml(doc);
}
