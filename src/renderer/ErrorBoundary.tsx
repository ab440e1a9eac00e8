/**
 * The renderer's error boundary (STYLE.md 11): a render error shows what broke and a way out,
 * instead of a blank window. The error is logged, not swallowed.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  readonly children: ReactNode;
  /** what to call to start again (default: reload the page) */
  readonly onReset?: () => void;
}

interface State {
  readonly error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('render error', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="error-boundary">
        <h2>Something went wrong in this window</h2>
        <pre>{error.message}</pre>
        <button type="button" onClick={() => (this.props.onReset ? this.props.onReset() : window.location.reload())}>
          Start again
        </button>
      </div>
    );
  }
}
