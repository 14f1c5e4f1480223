// Lint rules that carry DESIGN.md §6: workflow sandbox imports, a pure lib/, kebab-case files, one config module.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import unicorn from 'eslint-plugin-unicorn';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'stream', 'worker_threads', 'dgram', 'dns', 'tls', 'zlib'];
const ioPackages = ['better-sqlite3', 'pg', 'kysely', 'kysely/*', '@kubernetes/client-node', 'pino', 'undici', 'ws', 'sharp', '@temporalio/client', '@temporalio/worker', '@temporalio/activity'];
const ioFolders = ['**/db/**', '**/server/**', '**/activities/**', '**/runtime/**', '**/media/**', '**/analyzer/**', '**/worker/**'];

export default tseslint.config(
  { ignores: ['node_modules/**', '.next/**', 'data/**', 'test-results/**', 'playwright-report/**', 'e2e-screenshots/**', 'next-env.d.ts', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { unicorn },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'unicorn/filename-case': ['error', { case: 'kebabCase' }],
      '@typescript-eslint/naming-convention': [
        'error',
        { selector: 'default', format: ['camelCase'], leadingUnderscore: 'allow' },
        { selector: 'variable', format: ['camelCase', 'PascalCase', 'UPPER_CASE'], leadingUnderscore: 'allow' },
        { selector: 'function', format: ['camelCase', 'PascalCase'] },
        { selector: 'parameter', format: ['camelCase', 'PascalCase'], leadingUnderscore: 'allow' },
        { selector: 'typeLike', format: ['PascalCase'] },
        { selector: 'enumMember', format: ['PascalCase'] },
        // Wire formats (DB columns, HTTP headers, EV_SDK JSON, env names) keep their own spelling.
        { selector: ['property', 'method', 'import'], format: null },
      ],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings through server/config.ts (loadConfig), the one config module.' }],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeBuiltins, ...ioPackages], message: 'Workflows run in a deterministic sandbox: import only @temporalio/workflow and pure lib/ modules.' },
            { group: ioFolders, allowTypeImports: true, message: 'Workflows reach the world through activities only (import type is fine).' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use the workflow-safe uuid4()/sleep from @temporalio/workflow.' },
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeBuiltins, ...ioPackages], message: 'lib/ is the pure domain core: no I/O.' },
            { group: [...ioFolders, '**/app/**'], allowTypeImports: true, message: 'lib/ depends on nothing outside lib/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/config.ts', 'scripts/**/*.ts', 'playwright.config.ts', 'e2e/**/*.ts', 'test/**/*.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
