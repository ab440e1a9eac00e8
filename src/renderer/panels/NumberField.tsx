/**
 * A number input that commits every valid value as it is typed (the run that follows is
 * debounced) and keeps what the user typed while it is not valid ("", "-", a number out of range),
 * marked invalid with the reason beside it ("at most 50,000"), instead of snapping back: also after
 * it loses focus. A change of the stored value from elsewhere (Undo, another field) replaces it.
 */
import { useEffect, useId, useRef, useState } from 'react';

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

interface Bounds {
  min?: number;
  max?: number;
  integer?: boolean;
}

const grouped = (n: number): string => n.toLocaleString('en-GB', { maximumFractionDigits: 6 });

/** Why `text` is not acceptable ("at most 50,000"), or null when it is. */
export function fieldProblem(text: string, options: Bounds): string | null {
  if (text.trim() === '') return 'enter a number';
  const n = Number(text);
  if (!Number.isFinite(n)) return 'enter a number';
  if ((options.integer ?? true) && !Number.isInteger(n)) return 'whole numbers only';
  if (options.min !== undefined && n < options.min) return `at least ${grouped(options.min)}`;
  if (options.max !== undefined && n > options.max) return `at most ${grouped(options.max)}`;
  return null;
}

/** The number `text` stands for when it is acceptable, else null. */
export function parseField(text: string, options: Bounds): number | null {
  return fieldProblem(text, options) === null ? Number(text) : null;
}

export function NumberField({ label, value, onCommit, min = 0, max, step = 1, integer = true, testId, className }: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  const focused = useRef(false);
  const problemId = useId();
  useEffect(() => {
    // Only a new stored value replaces the text: an invalid entry stays (with its reason) after the focus leaves.
    if (!focused.current) setText(String(value));
  }, [value]);
  const bounds: Bounds = { min, ...(max === undefined ? {} : { max }), integer };
  const problem = fieldProblem(text, bounds);
  return (
    <span className="number-field-wrap">
      <input
        type="number"
        className={className ?? 'number-field'}
        aria-label={label}
        title={label}
        min={min}
        max={max}
        step={step}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={problem === null ? undefined : problemId}
        data-testid={testId}
        onFocus={() => {
          focused.current = true;
        }}
        onBlur={() => {
          focused.current = false;
          // A valid entry shows as stored (e.g. "05" as "5"); an invalid one stays.
          if (problem === null) setText(String(value));
        }}
        onChange={(e) => {
          setText(e.target.value);
          const n = parseField(e.target.value, bounds);
          if (n !== null && n !== value) onCommit(n);
        }}
      />
      {problem !== null && (
        <span id={problemId} className="field-problem" role="status">
          {problem}
        </span>
      )}
    </span>
  );
}
