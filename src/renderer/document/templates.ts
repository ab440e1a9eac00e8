/**
 * What "New scenario" starts from: the London baseline as it is built in, or a template made from
 * it. Each template is a pure function of the baseline, giving a scenario the simulator accepts.
 */
import { LONDON_BASELINE, SMALL_SCENARIO } from '../scenarios';
import type { RawScenario } from '../store/scenario-slice';

export interface ScenarioTemplate {
  readonly id: string;
  /** the button's text */
  readonly label: string;
  /** one line under it */
  readonly description: string;
  readonly build: () => RawScenario;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The control room alone: `base`'s calls and call takers, with no station, no unit and no grade
 * attended (a scenario without attendance needs no invented station: MODEL-ADDITIONS "Scenario
 * format"). For planning call handling on its own.
 */
export function controlRoomOnly(base: RawScenario): RawScenario {
  const grades = isObj(base.grades) ? base.grades : {};
  const notAttended = Object.fromEntries(['I', 'S', 'E', 'R'].map((g) => [g, { ...(isObj(grades[g]) ? grades[g] : {}), attend: false }]));
  const { reserve: _reserve, divert: _divert, ...dispatch } = isObj(base.dispatch) ? base.dispatch : {};
  return {
    ...base,
    name: 'Control room only',
    description: `The call handling of ${typeof base.name === 'string' ? base.name : 'the baseline'} alone: its calls and call takers, with no stations, no units and no attendance.`,
    grades: notAttended,
    stations: [],
    fleet: [],
    dispatch,
  };
}

export const TEMPLATES: readonly ScenarioTemplate[] = [
  { id: 'london-baseline', label: 'London baseline', description: 'The Met as in the year to September 2018: 32 boroughs, 12 BCUs, roads.', build: () => LONDON_BASELINE.scenario },
  {
    id: 'control-room',
    label: 'Control room only',
    description: "London's calls and call takers, no stations or units.",
    build: () => controlRoomOnly(LONDON_BASELINE.scenario),
  },
  { id: 'small', label: 'Small example', description: 'Six hours in central London, two stations, straight-line travel.', build: () => SMALL_SCENARIO.scenario },
];

export function templateById(id: string): ScenarioTemplate {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no scenario template "${id}" (there are ${TEMPLATES.map((x) => x.id).join(', ')})`);
  return t;
}
