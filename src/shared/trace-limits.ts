/** The app's replay files over this size are refused (about 300,000 rows of the incidents.csv that `run --out` writes). */
export const MAX_APP_TRACE_BYTES = 64 * 1024 * 1024;
