import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/renderer/ErrorBoundary';

afterEach(cleanup);

function Broken(): never {
  throw new Error('map layer exploded');
}

describe('error boundary', () => {
  it('shows the error and a way to start again instead of a blank window', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const reset = vi.fn();
    render(
      <ErrorBoundary onReset={reset}>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('map layer exploded');
    fireEvent.click(screen.getByRole('button', { name: 'Start again' }));
    expect(reset).toHaveBeenCalledOnce();
    expect(log, 'the error is logged, not swallowed').toHaveBeenCalled();
    log.mockRestore();
  });

  it('renders its children when nothing breaks', () => {
    render(
      <ErrorBoundary>
        <p>fine</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('fine')).toBeTruthy();
  });
});
