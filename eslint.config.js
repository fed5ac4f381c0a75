import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // .output-* and test-results-*: side-by-side builds and runs (PAYFECT_OUT_DIR, lint:firefox).
  {
    ignores: [
      '.output',
      '.output-*',
      '.wxt',
      'node_modules',
      'test-results',
      'test-results-*',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Product code stays readable in one sitting: a component or function that grows past this
    // is split into a hook and parts (issue 22). Tests and scripts read top to bottom instead.
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**', 'lib/**', 'storage/**', 'utils/**'],
    rules: {
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**', 'hooks/**', 'utils/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Settings and the key are the worker's: the pages ask it (lib/messages.ts), so only one
    // context ever migrates the settings item (storage/settings.ts says why).
    files: ['entrypoints/popup/**', 'entrypoints/options/**', 'components/**', 'utils/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/storage/settings*'], message: 'Ask the background (getState).' },
            {
              group: ['**/storage/invoice-logo*'],
              message: 'Ask the background (getLogo, saveLogo).',
            },
            { group: ['**/entrypoints/background/**'], message: 'Ask the background by message.' },
          ],
        },
      ],
    },
  },
  {
    // Every word the user reads comes from locales/*.yml through t() (lib/i18n.ts): no
    // English typed into JSX text or into a label, tooltip, placeholder or alt. A bare URL
    // ("https://" as a placeholder, a sample address) reads the same in every language.
    files: ['entrypoints/**/*.tsx', 'components/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXText[value=/[A-Za-z]/]:not([value=/^\\s*https?:\\/\\/\\S*\\s*$/])',
          message: "Text the user reads comes from locales/*.yml: t('section.key').",
        },
        {
          selector:
            'JSXAttribute[name.name=/^(aria-label|title|placeholder|alt)$/] > Literal[value=/[A-Za-z]/]:not([value=/^https?:\\/\\/\\S*$/])',
          message: "Labels, titles, placeholders and alt texts come from locales/*.yml: t('…').",
        },
      ],
    },
  },
  {
    // Playwright fixtures take `{}` when they need no other fixture.
    files: ['test/e2e/**', 'test/e2e-firefox/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // The sandbox and the start script are command-line programs: printing is their job.
    files: ['test/sandbox/**', 'scripts/**', 'test/bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // lib/ is the pure core: it never reaches up into the UI, the worker or storage/, and
    // touches no browser API (storage/ keeps what is stored; utils/ui-language.ts hands over
    // the UI language).
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'wxt/browser', message: 'lib/ is pure: browser APIs live outside it.' }],
          patterns: [
            '**/entrypoints/**',
            '**/components/**',
            '**/storage/**',
            '@/entrypoints/*',
            '@/components/*',
            'wxt/utils/storage',
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'browser',
          'chrome',
          'localStorage',
          'sessionStorage',
          'indexedDB',
          'document',
          'window',
        ].map((name) => ({ name, message: 'lib/ is pure: browser globals belong outside it.' })),
      ],
    },
  },
  {
    // A released migration is frozen: it copies what it needs, so a change to today's code
    // (defaults, schemas, helpers) never changes what an old install's data becomes.
    files: ['storage/migrations/**'],
    ignores: ['storage/migrations/*/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/lib/**',
                '**/entrypoints/**',
                '**/components/**',
                '../../*',
                '../../../*',
              ],
              message:
                'A migration copies the constants it needs (storage/migrations/migration.ts).',
            },
          ],
        },
      ],
    },
  },
);
