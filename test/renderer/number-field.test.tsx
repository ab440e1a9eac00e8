import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../src/shared/scenario/limits';
import { NumberField, parseField } from '../../src/renderer/panels/NumberField';

afterEach(cleanup);

describe('number fields of the resourcing panel', () => {
  it('commits a valid number as typed and holds back one over the limit, marked invalid', () => {
    const commit = vi.fn();
    render(<NumberField label="Units, NA, early" value={10} max={LIMITS.units} onCommit={commit} />);
    const input = screen.getByRole('spinbutton', { name: 'Units, NA, early' });
    fireEvent.change(input, { target: { value: '12' } });
    expect(commit).toHaveBeenLastCalledWith(12);
    fireEvent.change(input, { target: { value: String(LIMITS.units + 1) } });
    expect(commit).toHaveBeenCalledTimes(1);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('max')).toBe(String(LIMITS.units));
  });

  it('parseField accepts whole numbers within the bounds only', () => {
    expect(parseField('50000', { min: 0, max: 50_000 })).toBe(50_000);
    expect(parseField('50001', { min: 0, max: 50_000 })).toBeNull();
    expect(parseField('-1', { min: 0 })).toBeNull();
    expect(parseField('2.5', { min: 0 })).toBeNull();
    expect(parseField('2.5', { min: 0, integer: false })).toBe(2.5);
    expect(parseField('', { min: 0 })).toBeNull();
  });
});
