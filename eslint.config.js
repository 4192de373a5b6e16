// Lint rules for msksim. The one project-specific rule: wall-clock time and unseeded randomness
// are banned below src/cli and outside bench/, so every simulation result is reproducible
// from its seed (STYLE.md, habit 2).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nondeterminism = [
  { object: 'Math', property: 'random', message: 'Use a named seeded stream from src/engine/random (results must be reproducible).' },
  { object: 'Date', property: 'now', message: 'Simulation code must not read the wall clock; only src/cli and bench may.' },
  { object: 'performance', property: 'now', message: 'Simulation code must not read the wall clock; only src/cli and bench may.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'reports/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      'no-restricted-properties': ['error', ...nondeterminism],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'eqeqeq': ['error', 'always'],
    },
  },
  {
    files: ['src/cli/**', 'bench/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
