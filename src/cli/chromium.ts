/**
 * Finding Chromium for a PDF before anything runs, so a missing browser costs no simulation time
 * and says so in one line (`report` and `compare` with `--out FILE.pdf`).
 */
import { findChromium, PdfError } from '../node/report/pdf';

/** Chromium's path, or null after one line on standard error saying why there is none. */
export function chromiumForPdf(command: string): string | null {
  try {
    return findChromium();
  } catch (error) {
    if (!(error instanceof PdfError)) throw error;
    process.stderr.write(`response-sim: ${command}: ${error.message}\n`);
    return null;
  }
}
