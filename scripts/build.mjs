// `npm run build`: a static site in dist/ that any static host or CDN can serve.
// Scripts and styles are bundled, minified and given content-hashed names; pages
// refer to them by relative URL so the site works from any folder. A service worker
// precaches it all (fonts apart) so the edition reads offline once it has been opened.
//
// `--out DIR` and `--articles DIR` build elsewhere or from other sources (the update test
// builds a second version that way).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { getManifest, injectManifest } from 'workbox-build';
import { ARTICLES_DIR, loadSite, pageContext } from './site.mjs';
import { renderIndexPage, renderPage } from './page.mjs';
import { bundleInlineScript, HEAD_SNIPPET_ENTRY } from './inline-script.mjs';
import { webManifest } from './manifest.mjs';
import { renderIcons } from './icons.mjs';
import { ArticleSourceError, formatDiagnostic } from './diagnostics.mjs';
import { IMAGES_DIR } from './pictures.mjs';
import { recommendedVoiceData, VOICES_DIR } from './voice-data.mjs';

const { values: options } = parseArgs({
  options: { out: { type: 'string', default: 'dist' }, articles: { type: 'string', default: ARTICLES_DIR } },
});
const OUT = options.out;

/** What a first visit may download, compressed, optional fonts apart (see README). */
const FIRST_VISIT_BUDGET_KB = 100;

async function build() {
  const site = await loadSite(options.articles);
  for (const warning of site.warnings) console.warn(`warning: ${formatDiagnostic(warning)}`);
  for (const draft of site.drafts) console.log(`skipped draft: ${draft.file} (“${draft.title}”), not published`);
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
    serviceWorker: './sw.js',
  };

  for (const page of site.pages) {
    await writeFile(path.join(OUT, page.page), renderPage(page.article, assets, page.lexicon, pageContext(site, page)));
    for (const file of page.article.files) {
      await mkdir(path.dirname(path.join(OUT, file.path)), { recursive: true });
      await writeFile(path.join(OUT, file.path), file.body);
    }
  }
  if (site.hasIndex) await writeFile(path.join(OUT, 'index.html'), renderIndexPage(site.config, site.pages, assets));
  // The recommended voices for each article language, fetched by the player on first use.
  await mkdir(path.join(OUT, VOICES_DIR));
  for (const lang of new Set(site.pages.map((page) => page.article.meta.lang.split('-')[0].toLowerCase()))) {
    await writeFile(path.join(OUT, VOICES_DIR, `${lang}.json`), JSON.stringify(await recommendedVoiceData(lang)));
  }
  precacheIgnores = [...PRECACHE_IGNORES, ...(site.hasIndex ? site.pages.map((p) => p.page) : [])];
  await writeFile(path.join(OUT, 'manifest.webmanifest'), webManifest(site));
  await mkdir(path.join(OUT, 'icons'));
  for (const icon of await renderIcons()) await writeFile(path.join(OUT, icon.file), icon.body);

  await buildServiceWorker();
  const fonts = outputs.map(([file]) => path.relative(OUT, file)).filter((file) => file.startsWith('assets/fonts/'));
  await reportSizes(fonts);
}

/** Never precached: the worker itself, fonts (cached when chosen) and articles' pictures. */
const PRECACHE_IGNORES = ['sw.js', 'assets/fonts/**', `${IMAGES_DIR}/**`];

/**
 * With an index page, the articles' own pages are left out too: a first visit saves the index
 * and the shell, within the budget however many articles the site has.
 */
let precacheIgnores = PRECACHE_IGNORES;

/**
 * Which files the worker precaches. Fonts are left to the runtime cache: a reader downloads
 * one only on choosing it. Hashed assets need no revision; Workbox revisions the rest.
 */
const precacheConfig = () => ({
  globDirectory: OUT,
  globPatterns: ['**/*.{html,js,css,svg,png,webmanifest,json}'],
  globIgnores: precacheIgnores,
  dontCacheBustURLsMatching: /^assets\/[^/]+-[A-Z0-9]{8}\.\w+$/,
});

/** Bundles src/service-worker/sw.ts to dist/sw.js (a classic script, for every browser), then injects the precache list. */
async function buildServiceWorker() {
  const swDest = path.join(OUT, 'sw.js');
  await esbuild.build({
    entryPoints: ['src/service-worker/sw.ts'],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2022', 'chrome111', 'firefox115', 'safari16.4'],
    outfile: swDest,
    // Workbox keeps its development logging behind this check.
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  const { warnings } = await injectManifest({ ...precacheConfig(), swSrc: swDest, swDest });
  for (const warning of warnings) console.warn(`workbox: ${warning}`);
}

/**
 * Prints what a first visit downloads and the worker precaches (every file but the fonts),
 * compressed, and fails the build past the budget; the optional fonts are reported apart.
 * @param {string[]} fonts relative to the output folder
 */
async function reportSizes(fonts) {
  const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const gzip = (/** @type {string} */ file) => gzipSync(readFileSync(path.join(OUT, file))).length;
  const total = (/** @type {string[]} */ list) => list.reduce((sum, file) => sum + gzip(file), 0);
  const { manifestEntries, size } = await getManifest(precacheConfig());
  const precached = manifestEntries.map((entry) => entry.url);
  for (const file of [...precached, 'sw.js']) console.log(`  ${file.padEnd(36)} ${kb(gzip(file)).padStart(9)} gzip`);
  const firstVisit = total(precached) + gzip('sw.js');
  console.log(`precache: ${precached.length} files, ${kb(size)} (${kb(total(precached))} gzip)`);
  console.log(`${OUT}/: ${kb(firstVisit)} gzip for a first visit with sw.js (budget ${FIRST_VISIT_BUDGET_KB} KB); ${fonts.length} optional font files, ${kb(total(fonts.filter((f) => f.endsWith('.woff2'))))} as woff2, cached when chosen`);
  if (firstVisit > FIRST_VISIT_BUDGET_KB * 1024) throw new Error(`a first visit needs ${kb(firstVisit)} gzip, over the ${FIRST_VISIT_BUDGET_KB} KB budget`);
}

build().catch((error) => {
  // An article source error already names its file and line; say only that.
  if (error instanceof ArticleSourceError) console.error(`Build failed: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
