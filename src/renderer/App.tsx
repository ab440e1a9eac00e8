/** The app shell: header, the panels, and the error boundary around them. */
import { ErrorBoundary } from './ErrorBoundary';
import { SimPanel } from './panels/SimPanel';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Response Simulator</h1>
        <span className="subtitle">London emergency response</span>
      </header>
      <main className="app-main">
        <ErrorBoundary>
          <SimPanel />
        </ErrorBoundary>
      </main>
    </div>
  );
}
