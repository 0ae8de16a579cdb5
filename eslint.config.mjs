import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/** db/ itself, drizzle and the drivers, by alias or by relative path. */
const DB = '^((@/|(\\.\\./)+)db(/|$)|drizzle-orm(/|$)|pg$|@electric-sql/pglite|@neondatabase/serverless)';
/** Database code: the above and the data-access layer. */
const DATABASE = `${DB}|^((@/|(\\.\\./)+)lib/data|(\\.\\./)+data)(/|$)`;

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'drizzle/**', '.data/**', '.test-data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    // Playwright fixtures call a parameter named `use`; it is not a React hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  // The import arrows of the architecture: app/ → lib/ → db/, never back; lib/payoff is pure.
  // One restriction per folder: a file matching two blocks would keep only the last one's list.
  {
    files: ['lib/payoff/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: DATABASE, message: 'The payoff model is pure: it imports no database code.' },
            { regex: '^(react|react-dom|next|next-auth)(/|$)', message: 'The payoff model is pure: it imports no React or Next.' },
            { regex: '^server-only$', message: 'The payoff model is pure: it runs anywhere, also in tests and the browser.' },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(@/|(\\.\\./)+)(lib|app)(/|$)', message: 'db/ imports nothing from lib/ or app/: data flows app → lib → db.' }] },
      ],
    },
  },
  {
    files: ['app/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: DB,
              allowTypeImports: true,
              message: 'app/ reads and writes through lib/data and lib/action.ts; from db/ it imports only types (import type).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/schemas/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: DATABASE,
              allowTypeImports: true,
              message: 'Schemas are shared with the browser: they import no database code (types only).',
            },
          ],
        },
      ],
    },
  },
  {
    // One validated environment: the app's code reads variables through lib/env.ts only. Next's own
    // entry (instrumentation.ts, which must check the runtime before importing anything) and its
    // config file sit outside these folders; tests set variables for what they start.
    files: ['app/**', 'lib/**', 'db/**', 'proxy.ts'],
    ignores: ['lib/env.ts', '**/*.test.ts', '**/*.test.tsx', '**/*.server-test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read the environment through lib/env.ts, where every variable is validated once.' },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];

export default config;
