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
    // Pages with a strict CSP and Trusted Types: no style attributes, markup only from templates.
    files: ['elements/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'lit/directives/unsafe-html.js',
              message:
                'Use serverHtml (elements/shared/server-html.ts), through the portico-html policy.',
            },
            {
              name: 'lit/directives/unsafe-svg.js',
              message: 'Build SVG with svg`` templates, as elements/shared/qr-code.ts does.',
            },
            {
              name: 'lit/directives/style-map.js',
              message:
                'Use cssProperties (elements/shared/css-properties.ts): a style attribute breaks a strict CSP.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML|srcdoc)$/]',
          message: 'Strings never become markup outside elements/shared/server-html.ts.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|setHTMLUnsafe)$/]',
          message: 'Strings never become markup outside elements/shared/server-html.ts.',
        },
      ],
    },
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
