// Lint zones: the machine says no when a layer imports what it may not (../shared/STYLE.md, "Layers").
// Lives in build/ because the repository's top level is fixed; `basePath` points it at the root.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'net', 'crypto', 'stream', 'url', 'util', 'events'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { basePath: root, ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'resources/firmware/**/*.js'] },
  { basePath: root, files: ['**/*.{ts,tsx,mjs,js}'], extends: [js.configs.recommended, ...tseslint.configs.recommended] },
  {
    basePath: root,
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { basePath: root, files: ['build/**/*.mjs', 'test/**/*.ts', 'electron/**/*.ts'], languageOptions: { globals: globals.node } },
  {
    basePath: root,
    files: ['shared/**/*.ts'],
    rules: restrict(
      ['electron', ...nodeBuiltins, 'react', 'react-dom', 'zustand', 'konva', 'react-konva', 'uplot', 'better-sqlite3', 'serialport', '**/electron/**', '**/renderer/**'],
      'shared/ is pure TypeScript: only shared/ (and pure libraries such as zod) may be imported here.',
    ),
  },
  {
    basePath: root,
    files: ['electron/**/*.ts'],
    ignores: ['electron/desktop/**'],
    rules: restrict(['electron', '**/renderer/**', 'react', 'react-dom', 'zustand', 'konva', 'uplot'], 'services, CLI and the web shell never import electron or the renderer.'),
  },
  {
    basePath: root,
    files: ['electron/desktop/**/*.ts'],
    rules: restrict(['**/renderer/**', 'react', 'react-dom'], 'the desktop shell never imports the renderer.'),
  },
  {
    basePath: root,
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: restrict(['electron', ...nodeBuiltins, 'better-sqlite3', 'serialport', '**/electron/**'], 'the renderer talks only to shared/api: never to Node or Electron.'),
  },
);
