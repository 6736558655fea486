// `npm run build`: a static site in dist/ that any static host or CDN can serve.
// Scripts and styles are bundled, minified and given content-hashed names; pages
// refer to them by relative URL so the site works from any folder.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { loadSite } from './site.mjs';
import { renderPage } from './page.mjs';
import { bundleInlineScript, HEAD_SNIPPET_ENTRY } from './inline-script.mjs';
import { ArticleSourceError } from './article.mjs';

const OUT = 'dist';

async function build() {
  const site = await loadSite();
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });

  const result = await esbuild.build({
    entryPoints: { main: 'src/main.ts', edition: 'src/styles/edition.css' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2022', 'chrome111', 'firefox115', 'safari16.4'],
    outdir: path.join(OUT, 'assets'),
    entryNames: '[name]-[hash]',
    assetNames: 'fonts/[name]-[hash]',
    // Fonts are copied with hashed names; a browser downloads one only when a setting uses it.
    loader: { '.woff2': 'file', '.woff': 'file' },
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const output = (/** @type {string} */ entry) => {
    const found = outputs.find(([, meta]) => meta.entryPoint === entry);
    if (!found) throw new Error(`esbuild produced no output for ${entry}`);
    return `./${path.relative(OUT, found[0]).split(path.sep).join('/')}`;
  };
  const assets = {
    script: output('src/main.ts'),
    stylesheet: output('src/styles/edition.css'),
    headSnippet: await bundleInlineScript(HEAD_SNIPPET_ENTRY),
  };

  for (const page of site) {
    await writeFile(path.join(OUT, page.page), renderPage(page.article, assets, page.lexicon));
  }

  reportSizes([...site.map((p) => p.page), ...outputs.map(([file]) => path.relative(OUT, file))]);
}

/**
 * Prints compressed sizes: what a first visit needs, and the optional fonts apart,
 * since those download only when a reader chooses them.
 * @param {string[]} files relative to dist/
 */
function reportSizes(files) {
  const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const gzip = (/** @type {string} */ file) => gzipSync(readFileSync(path.join(OUT, file))).length;
  const fonts = files.filter((file) => file.startsWith('assets/fonts/'));
  const core = files.filter((file) => !fonts.includes(file));
  for (const file of core) console.log(`  ${file.padEnd(32)} ${kb(gzip(file)).padStart(9)} gzip`);
  const total = (/** @type {string[]} */ list) => list.reduce((sum, file) => sum + gzip(file), 0);
  console.log(`dist/: ${kb(total(core))} gzip for a first visit; ${fonts.length} optional font files, ${kb(total(fonts.filter((f) => f.endsWith('.woff2'))))} as woff2`);
}

build().catch((error) => {
  // An article source error already names its file and line; say only that.
  if (error instanceof ArticleSourceError) console.error(`Build failed: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
