// Lint is here for what a type checker cannot see: the dependency rules between projects
// (apps → libs only, never another app; libs → libs only) and a few habits.
const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');

const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['type:lib', 'type:app'] },
];

module.exports = [
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '**/*.d.ts', '**/*.js'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': ['error', { allow: [], depConstraints }],
      'no-console': 'error',
    },
  },
  {
    // Tools are the composition root (launcher, supergraph composition, benchmarks): they
    // start apps through each app's public index, which nothing else may import.
    files: ['tools/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { allow: ['@partybuild/app-*'], depConstraints }],
      'no-console': 'off',
    },
  },
  { files: ['**/*.spec.ts', '**/*.e2e.ts'], rules: { 'no-console': 'off' } },
];
