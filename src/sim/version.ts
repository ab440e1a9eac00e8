/**
 * The simulator's version, recorded in every result (`meta.version`). Bump it whenever a change
 * can alter results for the same scenario and seed (and re-pin the golden tests on purpose).
 */
export const SIM_VERSION = '0.1.0';
