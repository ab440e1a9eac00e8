/**
 * Schemas of every message between a host and a sim worker (`ToWorker`, `FromWorker` of
 * ./protocol.ts): the worker checks what it receives against `toWorkerSchema` and
 * `workerRequestSchemas` before its typed handlers (src/host/loop.ts) run, and the hosts'
 * transports (src/node/pool, src/web) check what a worker sends back with `isFromWorker`. The
 * request schemas are checked against the request types of `WorkerCalls` at compile time (below),
 * so a message and its check cannot drift.
 *
 * Refusals say what was expected, as `message.<path>: expected ...` (see `describeWorkerIssue`).
 */
import { z } from 'zod';
import { LiveTrainerActionSchema } from './ipc-schemas';
import type { FromWorker, WorkerCallName, WorkerCalls } from './protocol';

const show = (x: unknown): string => JSON.stringify(x) ?? String(x);

/** A whole number (>= `min` when given) whose refusal says what was expected (and, with `got`, what came). */
const integer = (what: string, min?: number, got = false) => {
  const error = (iss: { input?: unknown }) => `expected ${what}${got ? `, got ${show(iss.input)}` : ''}`;
  const n = z.number({ error }).int({ error });
  return min === undefined ? n : n.min(min, { error });
};
const session = z.string({ error: 'expected a session name' }).min(1, { error: 'expected a session name' });
const days = z.number({ error: 'expected a number > 0' }).positive({ error: 'expected a number > 0' });
const seed = integer('an integer');
/** Scenario JSON, parsed by the worker with the scenario schema (which names every problem). */
const scenario = z.unknown();
const request = <Shape extends z.ZodRawShape>(shape: Shape) => z.object(shape, { error: 'expected an object' });

/** The request of each worker call (the keys of `WorkerCalls`). */
export const workerRequestSchemas = {
  version: request({}),
  run: request({
    scenario,
    seed: seed.optional(),
    replication: integer('an integer >= 0', 0),
    days: days.optional(),
    incidentLog: z.boolean({ error: 'expected true or false' }).optional(),
    trace: z.object({ name: z.string({ error: 'expected a file name' }), csv: z.string({ error: 'expected CSV text' }) }, { error: 'expected { name, csv }' }).optional(),
  }),
  liveOpen: request({
    session,
    scenario,
    seed: seed.optional(),
    days: days.optional(),
    exercise: z.unknown().optional(),
    startS: z.number({ error: 'expected a finite number' }).optional(),
    warm: z.boolean({ error: 'expected a boolean' }).optional(),
  }),
  liveAdvance: request({
    session,
    toS: z.number({ error: 'expected a finite number' }).optional(),
    step: z.boolean({ error: 'expected a boolean' }).optional(),
  }).refine((r) => r.toS !== undefined || r.step === true, { error: 'expected toS or step: true' }),
  liveTrainer: request({ session, action: LiveTrainerActionSchema }),
  liveClose: request({ session }),
  snap: request({
    scenario,
    points: z
      .array(z.object({ lon: z.number({ error: 'expected a number' }).min(-180).max(180), lat: z.number({ error: 'expected a number' }).min(-90).max(90) }, { error: 'expected { lon, lat }' }), { error: 'expected an array of points' })
      .min(1)
      .max(100),
  }),
} as const;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time check that `workerRequestSchemas` has one schema per worker call, producing its request. */
const workerSchemasMatchCalls: { [K in WorkerCallName]: Same<z.output<(typeof workerRequestSchemas)[K]>, WorkerCalls[K]['request']> } = {
  version: true,
  run: true,
  liveOpen: true,
  liveAdvance: true,
  liveTrainer: true,
  liveClose: true,
  snap: true,
};
void workerSchemasMatchCalls;

export type WorkerCallKey = keyof typeof workerRequestSchemas;
export const WORKER_CALLS = Object.keys(workerRequestSchemas) as WorkerCallKey[];

/** The envelope of a message to a worker; its `request` is checked by `workerRequestSchemas[call]`. */
export const toWorkerSchema = z.object(
  {
    id: integer('an integer', undefined, true),
    type: z.enum(['call', 'cancel'], { error: (iss) => `expected 'call' or 'cancel', got ${show(iss.input)}` }),
    call: z.unknown().optional(),
    request: z.unknown().optional(),
  },
  { error: (iss) => `expected a message object, got ${iss.input === null ? 'null' : typeof iss.input}` },
);
export const workerCallSchema = z.enum(WORKER_CALLS as [WorkerCallKey, ...WorkerCallKey[]], {
  error: (iss) => `expected one of ${WORKER_CALLS.join(', ')}, got ${show(iss.input)}`,
});

const scenarioIssue = z.object({ path: z.string(), message: z.string() });
/** How a worker call ends without a value (`WorkerError`). */
export const workerErrorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('invalid-scenario'), errors: z.array(scenarioIssue) }),
  z.object({ kind: z.literal('cancelled') }),
  z.object({ kind: z.literal('failed'), message: z.string(), stack: z.string().optional(), name: z.string().optional(), crashReport: z.string().optional() }),
]);

/**
 * A message from a worker. Reply values are the simulator's results and frames, which the host
 * hands on as they are; only their presence is checked here.
 */
export const fromWorkerSchema = z.union([
  z.object({ type: z.literal('reply'), id: z.number().int(), call: workerCallSchema, ok: z.literal(true), value: z.custom<unknown>((v) => v !== undefined, 'expected a value') }),
  z.object({ type: z.literal('reply'), id: z.number().int(), call: workerCallSchema, ok: z.literal(false), error: workerErrorSchema }),
  z.object({ type: z.literal('progress'), id: z.number().int(), progress: z.number().min(0).max(1) }),
  z.object({ type: z.literal('rejected'), reason: z.string() }),
]);

/** Whether `message` is a well-formed `FromWorker` (checked by `fromWorkerSchema`). */
export function isFromWorker(message: unknown): message is FromWorker {
  return fromWorkerSchema.safeParse(message).success;
}

/**
 * The first problem of a refused message, `message.request.days: expected a number > 0`; a
 * problem with the whole message is said without its path.
 */
export function describeWorkerIssue(error: z.ZodError, root: string): string {
  const issue = error.issues[0]!;
  if (issue.path.length === 0 && root === 'message') return issue.message;
  const where = issue.path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), root);
  return `${where}: ${issue.message}`;
}
