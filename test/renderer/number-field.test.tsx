import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../src/shared/scenario/limits';
import { NumberField, fieldProblem, parseField } from '../../src/renderer/panels/NumberField';

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

  it('a number out of range stays in the field with the reason beside it, also after the focus leaves', () => {
    const commit = vi.fn();
    const { rerender } = render(<NumberField label="Units, NA, early" value={10} max={LIMITS.units} onCommit={commit} />);
    const input = screen.getByRole('spinbutton', { name: 'Units, NA, early' });
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '60000' } });
    fireEvent.blur(input);
    expect((input as HTMLInputElement).value, 'not reverted').toBe('60000');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const reason = document.getElementById(input.getAttribute('aria-describedby')!);
    expect(reason?.textContent).toBe('at most 50,000');
    expect(commit).not.toHaveBeenCalled();
    // A new stored value from elsewhere (Undo) replaces it.
    rerender(<NumberField label="Units, NA, early" value={7} max={LIMITS.units} onCommit={commit} />);
    expect((input as HTMLInputElement).value).toBe('7');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(input.getAttribute('aria-describedby')).toBeNull();
  });

  it('names the problem of each kind of bad entry', () => {
    expect(fieldProblem('', { min: 0 })).toBe('enter a number');
    expect(fieldProblem('2.5', { min: 0 })).toBe('whole numbers only');
    expect(fieldProblem('-1', { min: 0 })).toBe('at least 0');
    expect(fieldProblem('0.05', { min: 0.1, max: 5, integer: false })).toBe('at least 0.1');
    expect(fieldProblem('5', { min: 0.1, max: 5, integer: false })).toBeNull();
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
