/**
 * Schemas for every value that crosses a trust boundary into the Electron main process (IPC
 * arguments from the page) or is read back from disk (settings, the road coverage layer). The TypeScript types of these
 * values are derived from the schemas, so a type and its check cannot drift (STYLE.md 3).
 *
 * The protocol (./protocol.ts) imports these types with `import type` only, so the preload and the
 * renderer never bundle zod through it.
 */
import { z } from 'zod';
import { MAX_REPORT_HTML_BYTES } from './report-export';
import { tileUrlProblem } from './csp';
import { LIMITS } from './scenario/limits';
import { MAX_APP_TRACE_BYTES } from './trace-limits';

/** A job id chosen by the caller: used to route progress messages and to cancel. */
export const JobIdSchema = z.string().min(1).max(100);

/** A replay file as the app sends it: its name (for messages) and CSV text, parsed by the sim worker (src/shared/trace-csv.ts). */
export const TraceSourceSchema = z
  .object({
    name: z.string().min(1).max(500),
    csv: z.string().max(MAX_APP_TRACE_BYTES, { error: `expected a replay file of at most ${MAX_APP_TRACE_BYTES / 1024 / 1024} MB` }),
  })
  .strict();
export type TraceSource = z.infer<typeof TraceSourceSchema>;

/**
 * A batch run: `replications` independent runs of one scenario, seeds `seed`, `seed + 1`, ...
 * (`seed` and `days` default to the scenario's own). The scenario is the raw JSON object of a
 * scenario file; the sim worker parses and validates it (src/shared/scenario).
 */
export const RunRequestSchema = z
  .object({
    jobId: JobIdSchema,
    scenario: z.record(z.string(), z.unknown()),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
    /** simulated days, overriding the scenario's `days` */
    days: z.number().positive().max(LIMITS.days).optional(),
    replications: z.number().int().min(1).max(LIMITS.replications).optional(),
    /** demand replayed from a recorded incident log instead of random arrivals (docs/MODEL-ADDITIONS.md "Trace replay") */
    trace: TraceSourceSchema.optional(),
  })
  .strict();
export type RunRequest = z.infer<typeof RunRequestSchema>;

/** A playback speed of live mode (see `LiveSpeed` in ./live.ts). */
export const LiveSpeedSchema = z.union([z.literal(1), z.literal(10), z.literal(60), z.literal(600), z.literal('max')]);

/**
 * A live session: the scenario (raw JSON, parsed by the sim worker) played from the start of its
 * warm-up, paused unless `playing`, at `speed` (default 60).
 */
export const LiveStartRequestSchema = z
  .object({
    jobId: JobIdSchema,
    scenario: z.record(z.string(), z.unknown()),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
    days: z.number().positive().max(LIMITS.days).optional(),
    speed: LiveSpeedSchema.optional(),
    playing: z.boolean().optional(),
    /** an exercise script (raw JSON, checked by the sim worker) */
    exercise: z.record(z.string(), z.unknown()).optional(),
    /** run flat out to this simulation time when opened */
    startS: z.number().min(-366 * 86400).max(3660 * 86400).optional(),
    /** run the warm-up at full speed before the first frame (the session opens at tS 0): see LiveOpenRequest.warm */
    warm: z.boolean().optional(),
  })
  .strict();
export type LiveStartRequest = z.infer<typeof LiveStartRequestSchema>;

export const LiveCommandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('play') }).strict(),
  z.object({ kind: z.literal('pause') }).strict(),
  z.object({ kind: z.literal('step') }).strict(),
  z.object({ kind: z.literal('speed'), speed: LiveSpeedSchema }).strict(),
  z.object({ kind: z.literal('jump'), toS: z.number().min(-366 * 86400).max(3660 * 86400) }).strict(),
]);

/** A number from `min` to `max` whose every refusal says `expected <what>`. */
const bounded = (min: number, max: number, what: string) => {
  const error = `expected ${what}`;
  return z.number({ error }).min(min, { error }).max(max, { error });
};

/** An incident id of a live session (the simulator numbers calls 0, 1, 2, ...). */
const LiveIncidentIdSchema = bounded(0, 2 ** 31 - 1, 'an incident id').int({ error: 'expected an incident id' });

/**
 * A trainer's action (see `LiveTrainerAction` in ./live.ts): a place on Earth, a grade a unit can
 * attend, ids. Checked at the IPC boundary and again by the sim worker (./worker-schemas.ts).
 */
export const LiveTrainerActionSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('inject'),
        lon: bounded(-180, 180, 'a longitude'),
        lat: bounded(-90, 90, 'a latitude'),
        grade: z.enum(['I', 'S', 'E'], { error: "expected 'I', 'S' or 'E'" }),
      })
      .strict(),
    z.object({ kind: z.literal('assign'), incident: LiveIncidentIdSchema, unit: z.string({ error: 'expected a unit id' }).min(1, { error: 'expected a unit id' }).max(100) }).strict(),
    z.object({ kind: z.literal('candidates'), incident: LiveIncidentIdSchema }).strict(),
    z.object({ kind: z.literal('standDown'), unit: z.string({ error: 'expected a unit id' }).min(1, { error: 'expected a unit id' }).max(100) }).strict(),
  ],
  { error: (iss) => (iss.code === 'invalid_union' ? `expected 'inject', 'assign', 'candidates' or 'standDown', got ${JSON.stringify((iss.input as { kind?: unknown } | null)?.kind)}` : 'expected an object') },
);

/** Most recently opened scenario files, newest first. */
export const RECENT_FILES_MAX = 10;

/** An absolute file path (POSIX `/...`, Windows `C:\...` or `\\server\...`): never relative to some working folder. */
const AbsolutePathSchema = z.string().min(1).max(4096).regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'expected an absolute path');

/** The user's settings: stored by the main process in `<userData>/settings.json`, by the browser build in localStorage. */
export const SettingsSchema = z
  .object({
    schemaVersion: z.literal(1),
    /** Folder of the London source data chosen by the user; null = the default resolver (src/node/data/paths.ts). */
    dataDir: AbsolutePathSchema.nullable(),
    /**
     * Whether the map may load tiles from `tileUrl`'s host. Off by default: the Content-Security-Policy
     * allows no remote host until the user turns this on (src/shared/csp.ts).
     */
    onlineTiles: z.boolean(),
    /**
     * Tile URL template, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`: one the CSP builder
     * accepts (src/shared/csp.ts `tileUrlProblem`, the check `tileOriginOf` makes).
     */
    tileUrl: z.string().superRefine((template, ctx) => {
      const problem = tileUrlProblem(template);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    }),
    /** Absolute paths of recently opened scenario files, newest first. */
    recentFiles: z.array(AbsolutePathSchema).max(RECENT_FILES_MAX),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;

/** What the renderer may change; `recentFiles` is kept by the main process itself. */
export const SettingsPatchSchema = SettingsSchema.omit({ schemaVersion: true, recentFiles: true }).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: 1,
  dataDir: null,
  onlineTiles: false,
  tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  recentFiles: [],
};

/**
 * Demand of one place (London or a BCU) by its distance to the nearest modelled road: the demand
 * points (the built-in London LSOA points) snapped to the road graph, weighted by their demand.
 */
export const CoverageDemandSchema = z
  .object({
    /** demand points with a weight above 0 */
    points: z.number().int().min(0),
    /** of those, points farther than the file's `farM` from a modelled road */
    farPoints: z.number().int().min(0),
    /** share of the demand weight farther than `farM` from a road, percent 0..100; null without demand */
    farSharePct: z.number().min(0).max(100).nullable(),
    /** demand-weighted mean metres from a demand point to its nearest road; null without demand */
    meanDistanceM: z.number().min(0).nullable(),
  })
  .strict();
export type CoverageDemand = z.infer<typeof CoverageDemandSchema>;

/**
 * The "road data coverage" map layer (built in Node by src/node/data/coverage.ts, read back from the
 * cache by the Electron host and fetched by the browser build): a regular lon/lat grid over an area
 * set with, per cell, the metres from the cell's centre to the nearest modelled road, and the share
 * of each BCU's demand far from a road. An incident in a cell reaches the road by an access leg of
 * that distance x `travel.detourFactor` at `travel.offRoadSpeedKph` (MODEL.md "Travel").
 */
export const RoadCoverageSchema = z
  .object({
    schemaVersion: z.literal(1),
    /** the built-in road network measured (`network.source`, e.g. "london") */
    network: z.string().min(1),
    /** cache key of the road graph the distances were measured on */
    graphKey: z.string(),
    /** nominal cell size, metres */
    cellM: z.number().positive(),
    /** south-west corner of cell (0, 0), degrees; cell (c, r) spans west + c * dLon .. west + (c + 1) * dLon */
    west: z.number().min(-180).max(180),
    south: z.number().min(-90).max(90),
    /** cell size, degrees */
    dLon: z.number().positive(),
    dLat: z.number().positive(),
    cols: z.number().int().min(1),
    rows: z.number().int().min(1),
    /**
     * Whole metres from each cell's centre to the nearest modelled road, row by row from the
     * south-west (index r * cols + c); -1 for a cell whose centre lies in none of the areas.
     */
    distanceM: z.array(z.number().int().min(-1)),
    /** the distance beyond which demand counts as far from a road (`farPoints`, `farSharePct`), metres */
    farM: z.number().positive(),
    demand: z
      .object({
        london: CoverageDemandSchema,
        /** one row per BCU, by id */
        byBcu: z.array(CoverageDemandSchema.extend({ bcu: z.string().min(1), name: z.string() }).strict()),
      })
      .strict(),
    /** what the map and the footer credit for this layer */
    attribution: z.array(z.string()),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.distanceM.length !== value.cols * value.rows) {
      ctx.addIssue({ code: 'custom', path: ['distanceM'], message: `expected cols x rows = ${value.cols * value.rows} values, got ${value.distanceM.length}` });
    }
  });
export type RoadCoverage = z.infer<typeof RoadCoverageSchema>;

/** Save and Save as (`SaveFileRequest` of ./protocol.ts): the text at most a scenario file's size limit. */
export const SaveFileRequestSchema = z
  .object({
    text: z.string().max(LIMITS.scenarioFileBytes),
    suggestedName: z.string().min(1).max(255),
    path: z.string().min(1).max(4096).nullable(),
    saveAs: z.boolean(),
  })
  .strict();

/** The autosave's text (at most a scenario file's size limit, times three: current, saved and original copies), or null to remove it. */
export const AutosaveTextSchema = z.string().max(3 * LIMITS.scenarioFileBytes).nullable();

/** `suggestResourcing`'s request (see `SuggestRequest` in ./protocol.ts). */
export const SuggestRequestSchema = z
  .object({
    jobId: JobIdSchema,
    scenario: z.record(z.string(), z.unknown()),
    targets: z
      .array(z.object({ key: z.enum(['I', 'S', 'E', '999', '101']), pct: z.number().gt(0).lt(100) }).strict())
      .min(1)
      .max(5),
    by: z.enum(['bcu', 'base']).optional(),
    replications: z.number().int().min(2).max(LIMITS.replications).optional(),
    days: z.number().positive().max(LIMITS.days).optional(),
    maxEvaluations: z.number().int().min(2).max(10_000).optional(),
  })
  .strict();
/** Asks the optimiser (docs/MODEL-ADDITIONS.md "Optimiser") for the fewest units per shift per BCU (or base) meeting the targets, each at the lower end of its 95% interval. */
export type SuggestRequest = z.infer<typeof SuggestRequestSchema>;

/** A longitude and latitude (WGS84 degrees). */
const LonLatSchema = z.object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).strict();

/** `snapToRoads`'s request: the scenario whose roads to snap to, and up to 100 points. */
export const SnapRequestSchema = z
  .object({
    scenario: z.record(z.string(), z.unknown()),
    points: z.array(LonLatSchema).min(1).max(100),
  })
  .strict();
export type SnapRequest = z.infer<typeof SnapRequestSchema>;
/** `compareScenarios`'s request (see `CompareRequest` in ./comparison.ts; docs/MODEL-ADDITIONS.md "Compare in the app"). */
export const CompareRequestSchema = z
  .object({
    jobId: JobIdSchema,
    /** the baseline first, then one to four variants */
    scenarios: z
      .array(z.object({ label: z.string().min(1).max(200), scenario: z.record(z.string(), z.unknown()) }).strict())
      .min(2)
      .max(5),
    plan: z.union([
      z.object({ replications: z.number().int().min(1).max(LIMITS.replications) }).strict(),
      z
        .object({
          rule: z
            .object({
              widthPoints: z.number().positive().max(100),
              maxReplications: z.number().int().min(2).max(LIMITS.replications),
              minReplications: z.number().int().min(2).max(LIMITS.replications).optional(),
            })
            .strict(),
        })
        .strict(),
    ]),
    days: z.number().positive().max(LIMITS.days).optional(),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
  })
  .strict();
/** Compares a baseline with variants run with common random numbers (src/host/compare.ts). */
export type CompareRequest = z.infer<typeof CompareRequestSchema>;
/** "Export report" (src/shared/report-export.ts): the report the page made and the scenario it ran. */
export const ExportReportRequestSchema = z
  .object({
    /** the report document, with REPORT_SCENARIO_MARK where the scenario file's path goes */
    html: z.string().min(1).max(MAX_REPORT_HTML_BYTES),
    /** the scenario's canonical text, written beside the report */
    scenarioText: z.string().max(LIMITS.scenarioFileBytes),
    /** the name to suggest, without extension ("London baseline report") */
    suggestedName: z.string().min(1).max(200),
  })
  .strict();
export type ExportReportRequest = z.infer<typeof ExportReportRequestSchema>;

/**
 * The argument list of every renderer-to-main call, one tuple schema per call of `ApiCalls`
 * (./protocol.ts). Adding a call = one entry here and one in `ApiCalls`; the compiler checks that
 * both maps have the same keys (see `IpcArgSchemas` in ./protocol.ts).
 */
export const ipcArgSchemas = {
  version: z.tuple([]),
  runScenario: z.tuple([RunRequestSchema]),
  cancel: z.tuple([JobIdSchema]),
  mapLayers: z.tuple([z.string().min(1).max(100)]),
  liveStart: z.tuple([LiveStartRequestSchema]),
  liveControl: z.tuple([JobIdSchema, LiveCommandSchema]),
  liveTrainer: z.tuple([JobIdSchema, LiveTrainerActionSchema]),
  openScenarioFile: z.tuple([]),
  openRecentFile: z.tuple([z.string().min(1)]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([SettingsPatchSchema]),
  saveScenarioFile: z.tuple([SaveFileRequestSchema]),
  writeAutosave: z.tuple([AutosaveTextSchema]),
  readAutosave: z.tuple([]),
  suggestResourcing: z.tuple([SuggestRequestSchema]),
  snapToRoads: z.tuple([SnapRequestSchema]),
  compareScenarios: z.tuple([CompareRequestSchema]),
  exportReport: z.tuple([ExportReportRequestSchema]),
} as const;

/** One line per problem, `args[0].days: Too big: ...`, for errors naming the JSON path. */
export function describeIssues(error: z.ZodError, root = ''): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.reduce<string>(
        (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
        root,
      );
      return `${where || '(root)'}: ${issue.message}`;
    })
    .join('; ');
}
