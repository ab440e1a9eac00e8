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
    /** The road graph's offline part (src/sim/roads/build) and its run-time part (src/sim/roads/query) stay apart. */
    'roads-split': {
      meta: {
        type: 'problem',
        messages: {
          across: "src/sim/roads/{{side}} may not import from src/sim/roads/{{other}} ('{{source}}'): building the road graph and querying it stay apart; shared pieces live in src/sim/roads itself.",
        },
        schema: [],
      },
      create(context) {
        const roadsDir = path.join(simDir, 'roads');
        const sideOf = (file) => {
          for (const side of ['build', 'query']) if (file.startsWith(path.join(roadsDir, side) + path.sep)) return side;
          return null;
        };
        const side = sideOf(context.filename);
        if (side === null) return {};
        const check = (node) => {
          if (!node.source || typeof node.source.value !== 'string' || !node.source.value.startsWith('.')) return;
          const source = node.source.value;
          const other = sideOf(path.resolve(path.dirname(context.filename), source));
          if (other !== null && other !== side) context.report({ node: node.source, messageId: 'across', data: { side, other, source } });
        };
        return { ImportDeclaration: check, ExportAllDeclaration: check, ExportNamedDeclaration: check, ImportExpression: check };
      },
    },
  },
};

/** fs functions that write a file in place; only the atomic writer may use them. */
const WRITERS = ['writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'createWriteStream', 'writeSync', 'write', 'writev', 'writevSync'];
/** Of those, the ones whose names are unmistakable as `fs.x(...)` (not `stream.write`). */
const FILE_WRITERS = ['writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'createWriteStream'];

function fsWriters() {
  const message = 'Write files through src/node/files/atomic-write.ts (writeFileAtomicSync, writeFileAtomic, writeFileAtomicStreamSync).';
  return ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({ name, importNames: WRITERS, message }));
}

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
        { object: 'Date', property: 'now', message: 'The simulator never reads wall time; simulated time is the clock of the simulator core (src/sim/core).' },
        { object: 'performance', property: 'now', message: 'The simulator never reads wall time; simulated time is the clock of the simulator core (src/sim/core).' },
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
    rules: { 'boundaries/sim-imports': 'error', 'boundaries/roads-split': 'error' },
  },
  {
    // Every file the app and the command line write goes through the one atomic writer (temporary
    // file, flush, rename), so a crash midway never leaves half a file. There are no exceptions
    // today; one would carry an eslint-disable comment saying why. test/node/files/no-direct-writes
    // checks that this rule fires.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/node/files/atomic-write.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: fsWriters() }],
      'no-restricted-syntax': [
        'error',
        {
          selector: `MemberExpression[property.name=/^(${FILE_WRITERS.join('|')})$/]`,
          message: 'Write files through src/node/files/atomic-write.ts (writeFileAtomicSync, writeFileAtomic, writeFileAtomicStreamSync).',
        },
      ],
    },
  },
);
