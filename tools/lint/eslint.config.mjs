// `npm run lint`: ESLint over the whole repository. TypeScript's own rules come from
// typescript-eslint, run on TypeScript 5 from this workspace (package.json beside this file),
// since it does not support the native TypeScript 7 that type-checks the project. The page's
// components also get the Lit, web component and Lit accessibility rules. Formatting is
// Prettier's, not the linter's.
import litA11y from 'eslint-plugin-lit-a11y';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

// eslint-plugin-lit and -wc type their configs for both config systems; the flat ones are flat configs.
const litRecommended = /** @type {import('eslint').Linter.Config} */ (lit.configs?.['flat/recommended'] ?? {});
const wcRecommended = /** @type {import('eslint').Linter.Config} */ (wc.configs?.['flat/recommended'] ?? {});

export default tseslint.config(
  {
    ignores: ['node_modules/', '**/node_modules/', 'dist/', 'test/fixtures/', '**/*.d.ts'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      // A parameter or binding kept for its position, or a rest sibling, is named with a leading underscore.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.test.ts', 'test/helpers/**/*.ts'],
    extends: [litRecommended],
  },
  {
    files: ['src/**/*.ts'],
    extends: [wcRecommended, litA11y.configs.recommended],
  },
);
