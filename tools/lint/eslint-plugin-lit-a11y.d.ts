// eslint-plugin-lit-a11y ships no types; its default export is an ESLint plugin whose
// "recommended" config is a flat config.
declare module 'eslint-plugin-lit-a11y' {
  import type { ESLint, Linter } from 'eslint';
  const plugin: ESLint.Plugin & { configs: { recommended: Linter.Config } };
  export default plugin;
}
