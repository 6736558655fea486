// An esbuild plugin for the build: Lit components keep their styles in css`…` templates,
// which esbuild's JavaScript minifier leaves as written, indentation and comments included.
// This minifies each of them with esbuild's own CSS minifier, as the page's stylesheet is.
// Only the CSS changes; a template it cannot safely rewrite is left as it is.
import { readFile } from 'node:fs/promises';
import * as esbuild from 'esbuild';

/** A css`…` template with no ${…}, escape or nested backtick: plain CSS text. */
const CSS_TEMPLATE = /\bcss`([^`$\\]*)`/g;

/** @param target the browsers the build targets */
export function minifyComponentStyles(target: string[]): esbuild.Plugin {
  return {
    name: 'minify-component-styles',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/].+\.ts$/ }, async ({ path: file }) => {
        const source = await readFile(file, 'utf8');
        const templates = [...source.matchAll(CSS_TEMPLATE)];
        if (templates.length === 0) return undefined;
        let contents = '';
        let from = 0;
        for (const match of templates) {
          const { code } = await esbuild.transform(match[1], {
            loader: 'css',
            minify: true,
            target,
            sourcefile: file,
            logLevel: 'silent',
          });
          const css = code.trim();
          // Written back into a template literal, the CSS must not be able to end it or escape from it.
          const safe = !/[`\\]|\$\{/.test(css);
          contents += source.slice(from, match.index) + (safe ? `css\`${css}\`` : match[0]);
          from = match.index + match[0].length;
        }
        return { contents: contents + source.slice(from), loader: 'ts' };
      });
    },
  };
}
