/**
 * A number input that commits every valid value as it is typed (the run that follows is
 * debounced) and keeps what the user is typing while it is not valid yet ("" or "-"), marked
 * invalid, instead of snapping back. Shows the stored value again when it loses focus.
 */
import { useEffect, useState } from 'react';

export interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly onCommit: (value: number) => void;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  /** whole numbers only (default true) */
  readonly integer?: boolean;
  readonly testId?: string;
  readonly className?: string;
}

/** The number `text` stands for when it is acceptable, else null. */
export function parseField(text: string, options: { min?: number; max?: number; integer?: boolean }): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  if (!Number.isFinite(n)) return null;
  if ((options.integer ?? true) && !Number.isInteger(n)) return null;
  if (options.min !== undefined && n < options.min) return null;
  if (options.max !== undefined && n > options.max) return null;
  return n;
}

export function NumberField({ label, value, onCommit, min = 0, max, step = 1, integer = true, testId, className }: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(String(value));
  }, [value, focused]);
  const parsed = parseField(text, { min, ...(max === undefined ? {} : { max }), integer });
  return (
    <input
      type="number"
      className={className ?? 'number-field'}
      aria-label={label}
      title={label}
      min={min}
      max={max}
      step={step}
      value={text}
      aria-invalid={parsed === null}
      data-testid={testId}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onChange={(e) => {
        setText(e.target.value);
        const n = parseField(e.target.value, { min, ...(max === undefined ? {} : { max }), integer });
        if (n !== null && n !== value) onCommit(n);
      }}
    />
  );
}
