/** The trainer's actions at the IPC boundary: what `liveTrainer` accepts, and refusals naming the JSON path. */
import { describe, expect, it } from 'vitest';
import { describeIssues, ipcArgSchemas } from '../../src/shared/ipc-schemas';

const refusal = (args: unknown): string => {
  const checked = ipcArgSchemas.liveTrainer.safeParse(args);
  return checked.success ? 'accepted' : describeIssues(checked.error, 'args');
};

describe('liveTrainer arguments', () => {
  it('accepts an inject at a place with grade I, S or E, an assign and a candidates query', () => {
    for (const grade of ['I', 'S', 'E']) expect(refusal(['live-1', { kind: 'inject', lon: -0.12, lat: 51.5, grade }]), grade).toBe('accepted');
    expect(refusal(['live-1', { kind: 'assign', incident: 0, unit: 'CX-IRV-9' }])).toBe('accepted');
    expect(refusal(['live-1', { kind: 'candidates', incident: 12 }])).toBe('accepted');
  });

  it('refuses places off the Earth or not finite, naming the field', () => {
    expect(refusal(['j', { kind: 'inject', lon: 181, lat: 51, grade: 'I' }])).toMatch(/^args\[1\]\.lon: /);
    expect(refusal(['j', { kind: 'inject', lon: 0, lat: -90.5, grade: 'I' }])).toMatch(/^args\[1\]\.lat: /);
    expect(refusal(['j', { kind: 'inject', lon: Number.NaN, lat: 51, grade: 'I' }])).toMatch(/^args\[1\]\.lon: /);
    expect(refusal(['j', { kind: 'inject', lon: 0, lat: Infinity, grade: 'I' }])).toMatch(/^args\[1\]\.lat: /);
    expect(refusal(['j', { kind: 'inject', lon: '0', lat: 51, grade: 'I' }])).toMatch(/^args\[1\]\.lon: /);
  });

  it('refuses grades a unit does not attend (R) or that do not exist', () => {
    expect(refusal(['j', { kind: 'inject', lon: 0, lat: 51, grade: 'R' }])).toMatch(/^args\[1\]\.grade: /);
    expect(refusal(['j', { kind: 'inject', lon: 0, lat: 51 }])).toMatch(/^args\[1\]\.grade: /);
  });

  it('refuses bad ids, unknown kinds, extra fields and a missing job id', () => {
    expect(refusal(['j', { kind: 'assign', incident: -1, unit: 'U1' }])).toMatch(/^args\[1\]\.incident: /);
    expect(refusal(['j', { kind: 'assign', incident: 1.5, unit: 'U1' }])).toMatch(/^args\[1\]\.incident: /);
    expect(refusal(['j', { kind: 'assign', incident: 1, unit: '' }])).toMatch(/^args\[1\]\.unit: /);
    expect(refusal(['j', { kind: 'candidates', incident: '3' }])).toMatch(/^args\[1\]\.incident: /);
    expect(refusal(['j', { kind: 'teleport' }])).toMatch(/^args\[1\]\.kind: /);
    expect(refusal(['j', { kind: 'candidates', incident: 3, unit: 'U1' }])).toMatch(/^args\[1\]: .*unit/);
    expect(refusal(['', { kind: 'candidates', incident: 3 }])).toMatch(/^args\[0\]: /);
  });
});
