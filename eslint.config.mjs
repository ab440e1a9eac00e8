// Lint: typescript-eslint's recommended rules everywhere, plus the boundaries that keep the
// simulator a pure, deterministic library (ARCHITECTURE.md, STYLE.md 1).
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const root = path.dirname(new URL(import.meta.url).pathname);
const simDir = path.join(root, 'src/sim');
const sharedDir = path.join(root, 'src/shared');

/** `src/sim` may import only from itself and from the shared contract: no packages, no Node, no DOM. */
const boundaries = {
  rules: {
    'sim-imports': {
      meta: {
        type: 'problem',
        messages: {
          outside:
            "src/sim may import only from src/sim and src/shared; '{{source}}' is outside (the simulator must stay a pure library).",
        },
        schema: [],
      },
      create(context) {
        const check = (node) => {
          if (!node.source || typeof node.source.value !== 'string') return;
          const source = node.source.value;
          const from = path.dirname(context.filename);
          const target = source.startsWith('.') ? path.resolve(from, source) : null;
          const inside =
            target !== null &&
            (target === simDir || target.startsWith(simDir + path.sep) ||
              target === sharedDir || target.startsWith(sharedDir + path.sep));
          if (!inside) context.report({ node: node.source, messageId: 'outside', data: { source } });
        };
        return {
          ImportDeclaration: check,
          ExportAllDeclaration: check,
          ExportNamedDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist-web/**', '.cache/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'scripts/**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', AbortController: 'readonly', setTimeout: 'readonly', performance: 'readonly' },
    },
  },
  {
    // CommonJS entry points (the installed command) use require by definition.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/sim/**/*.ts', 'src/shared/**/*.ts'],
    plugins: { boundaries },
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded streams of src/sim/random: results must be reproducible.' },
        { object: 'Date', property: 'now', message: 'The simulator never reads wall time; simulated time is the engine clock.' },
        { object: 'performance', property: 'now', message: 'The simulator never reads wall time; simulated time is the engine clock.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'No DOM in src/sim or src/shared.' },
        { name: 'document', message: 'No DOM in src/sim or src/shared.' },
        { name: 'process', message: 'No Node in src/sim or src/shared.' },
      ],
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: { 'boundaries/sim-imports': 'error' },
  },
);
