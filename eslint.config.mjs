import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import layers from './eslint.layers.mjs';

export default tseslint.config(
  { ignores: ['tests/fixtures/**', 'bench-results/**', 'dist/**', 'dist-*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'release/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { layers },
    rules: {
      'layers/imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['electron/**/*.{ts,mjs}', 'tests/**/*.{ts,tsx}', '*.{js,mjs,ts}', '.ci/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
