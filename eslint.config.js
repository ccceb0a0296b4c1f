// @ts-check
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'custom-elements.json', 'elements/locales/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['elements/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['elements/**/*.ts'],
    plugins: { 'lit-a11y': litA11y },
    rules: Object.fromEntries(
      Object.keys(litA11y.rules).map((name) => [`lit-a11y/${name}`, 'error']),
    ),
  },
  {
    files: [
      'backend/main.ts',
      'backend/cli.ts',
      'bench/**/*.ts',
      'test/**/*.ts',
      'scripts/**/*.ts',
    ],
    rules: { 'no-console': 'off' },
  },
);
