// `npm run build`: a static site in dist/ that any static host or CDN can serve.
// Each page carries its stylesheet inline; scripts are bundled, minified, split into chunks
// and given content-hashed names, which pages refer to by relative URL so the site works from
// any folder. A service worker precaches it all (fonts apart) so the edition reads offline
// once it has been opened.
//
// `--out DIR` and `--articles DIR` build elsewhere or from other sources (the update test
// builds a second version that way). `--base-url URL` (or SITE_BASE_URL) is the site's public
// address, which the podcast feed needs. `--audio-cache DIR` keeps rendered audio there instead
// of the usual cache (the bench renders cold into an empty one).
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { getManifest, injectManifest } from 'workbox-build';
import { ARTICLES_DIR, loadSite, pageContext } from './site.ts';
import { renderIndexPage, renderNotKeptPage, renderPage } from './page/page.ts';
import { NOT_KEPT_PAGE } from './site.ts';
import { bundleInlineScript, HEAD_SNIPPET_ENTRY } from './bundle/inline-script.ts';
import { webManifest } from './page/manifest.ts';
import { renderIcons } from './page/icons.ts';
import { ArticleSourceError, formatDiagnostic } from './diagnostics.ts';
import { IMAGES_DIR } from './article/pictures.ts';
import { compressBody } from '../tools/static-server.ts';
import { minifyComponentStyles } from './bundle/component-styles.ts';
import { audioReport, FEED_FILE, renderSiteAudio, siteBaseUrl, writePodcastFeed } from './audio/site-audio.ts';
import { pageAudio } from './audio/page-audio.ts';
import { DEFAULT_CACHE_DIR } from './audio/render-cache.ts';
import { fontSamplesPlugin } from './bundle/font-samples.ts';
import { recommendedVoiceData, VOICES_DIR } from './page/voice-data.ts';

const { values: options } = parseArgs({
  options: {
    out: { type: 'string', default: 'dist' },
    articles: { type: 'string', default: ARTICLES_DIR },
    'base-url': { type: 'string' },
    // Builds whose audio is not what is looked at (the tests' fixture sites) skip rendering it.
    'no-audio': { type: 'boolean', default: false },
    'audio-cache': { type: 'string', default: DEFAULT_CACHE_DIR },
  },
});
const OUT = options.out;

/** What a first visit may download, compressed, optional fonts apart (see README). */
const FIRST_VISIT_BUDGET_KB = 100;
/** The script a page runs before a first interaction, sw.js included, in Brotli (see README). */
const FIRST_INTERACTION_BUDGET_KB = 25;

async function build() {
  const site = await loadSite(options.articles);
  for (const warning of site.warnings) console.warn(`warning: ${formatDiagnostic(warning)}`);
  for (const draft of site.drafts) console.log(`skipped draft: ${draft.file} (“${draft.title}”), not published`);
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });

  const scripts = await buildScripts();
  const assets = {
    script: scripts.entry,
    modulePreloads: scripts.preloads,
    inlineStylesheet: await buildStylesheet(),
    headSnippet: await bundleInlineScript(HEAD_SNIPPET_ENTRY),
    serviceWorker: './sw.js',
  };

  // The audio edition reads the rendered article, then the page links the audio it got.
  const pageHtml = (/** @type {import('./site.ts').SitePage} */ page, pageAssets = assets) =>
    renderPage(page.article, pageAssets, page.lexicon, pageContext(site, page));
  const editions = options['no-audio'] ? new Map() : await renderSiteAudio({ site: site.pages, out: OUT, pageHtml, album: site.config.title, cacheDir: options['audio-cache'] });
  const home = site.pages[0];
  const feed = await writePodcastFeed({
    site: site.pages,
    editions,
    home,
    title: site.hasIndex ? site.config.title : `${site.config.title}: ${home.article.meta.title}`,
    out: OUT,
    baseUrl: siteBaseUrl(options['base-url'] ?? site.config.baseUrl),
  });
  for (const page of site.pages) {
    const edition = editions.get(page.page);
    await writeFile(path.join(OUT, page.page), pageHtml(page, { ...assets, audio: edition && pageAudio(edition, audioSlug(page)), feed: feed ? `./${FEED_FILE}` : undefined }));
    for (const file of page.article.files) {
      await mkdir(path.dirname(path.join(OUT, file.path)), { recursive: true });
      await writeFile(path.join(OUT, file.path), file.body);
    }
  }
  if (site.hasIndex) await writeFile(path.join(OUT, 'index.html'), renderIndexPage(site.config, site.pages, assets));
  // Precached: what a reader offline sees at the address of an article that was never kept.
  // With one article there is none to miss: other addresses fall back to the home page.
  if (site.hasIndex) await writeFile(path.join(OUT, NOT_KEPT_PAGE), renderNotKeptPage(site.config, assets));
  // The recommended voices for each article language, fetched by the player on first use.
  await mkdir(path.join(OUT, VOICES_DIR));
  for (const lang of new Set(site.pages.map((page) => page.article.meta.lang.split('-')[0].toLowerCase()))) {
    await writeFile(path.join(OUT, VOICES_DIR, `${lang}.json`), JSON.stringify(await recommendedVoiceData(lang)));
  }
  precacheIgnores = [...PRECACHE_IGNORES, ...(site.hasIndex ? site.pages.map((p) => p.page) : [])];
  await writeFile(path.join(OUT, 'manifest.webmanifest'), webManifest(site));
  await mkdir(path.join(OUT, 'icons'));
  for (const icon of await renderIcons()) await writeFile(path.join(OUT, icon.file), icon.body);

  await buildLocaleWarmUp();
  await buildServiceWorker();
  await reportSizes(scripts);
  for (const line of audioReport(editions)) console.log(line);
}

/**
 * The article's slug, for its audio's file name: its front matter's, else its source's name
 * (a site's only article is index.html, but its source still has a name of its own).
 * @param {import('./site.ts').SitePage} page
 */
function audioSlug(page) {
  if (page.article.meta.slug) return page.article.meta.slug;
  const source = path.basename(page.file, path.extname(page.file));
  return source === 'index' ? path.basename(path.dirname(page.file)) : source;
}

const TARGET = ['es2022', 'chrome111', 'firefox115', 'safari16.4'];

/**
 * The page's script, split: the entry and the chunks it imports statically run on load;
 * what components import() on first use (the player's speech code) is a chunk of its own,
 * fetched when needed and precached for offline reading.
 */
async function buildScripts() {
  const result = await esbuild.build({
    entryPoints: { main: 'src/main.ts' },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    target: TARGET,
    outdir: path.join(OUT, 'assets'),
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    plugins: [minifyComponentStyles(TARGET)],
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = result.metafile.outputs;
  const url = (/** @type {string} */ file) => `./${path.relative(OUT, file).split(path.sep).join('/')}`;
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint === 'src/main.ts');
  if (!entry) throw new Error('esbuild produced no output for src/main.ts');
  // Everything the entry imports statically is needed before a first interaction.
  const onLoad = new Set([entry]);
  for (const file of onLoad) {
    for (const imported of outputs[file].imports) if (imported.kind === 'import-statement') onLoad.add(imported.path);
  }
  const lazy = Object.keys(outputs).filter((file) => file.endsWith('.js') && !onLoad.has(file));
  // V8's explicit compile hint: nearly every function of what runs on load is called then (the
  // components' first renders), so Chromium compiles these files off the main thread as they
  // stream in, not one function at a time inside those tasks: the player's first task went from
  // 10.5 to 5.5 ms of CPU here. Not on the first-use chunk: compiled whole when it comes from
  // the worker, it made opening Reading settings 15 ms slower. Other engines read a comment.
  for (const file of onLoad) await writeFile(file, `//# allFunctionsCalledOnLoad\n${await readFile(file, 'utf8')}`);
  return {
    entry: url(entry),
    /** The entry's static imports, fetched beside it rather than after it. */
    preloads: [...onLoad].slice(1).map(url),
    onLoad: [...onLoad].map((file) => path.relative(OUT, file)),
    lazy: lazy.map((file) => path.relative(OUT, file)),
  };
}

/**
 * The stylesheet, inlined into each page's <head> (its hash goes in the Content-Security-Policy),
 * so nothing but the HTML blocks the first paint: compressed it is about 3 KB, less than one
 * request's round trip would cost. The optional fonts it names are written to assets/fonts/,
 * with URLs relative to the pages, and download only when a setting uses them.
 */
async function buildStylesheet() {
  const result = await esbuild.build({
    entryPoints: ['src/styles/edition.css'],
    bundle: true,
    minify: true,
    target: TARGET,
    outdir: path.join(OUT, 'assets'),
    assetNames: 'fonts/[name]-[hash]',
    publicPath: './assets',
    loader: { '.woff2': 'file', '.woff': 'file' },
    // The optional fonts' names in those fonts, for the reading settings (generator/bundle/font-samples.ts).
    plugins: [fontSamplesPlugin],
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const stylesheet = result.outputFiles.find((file) => file.path.endsWith('.css'));
  if (!stylesheet) throw new Error('esbuild produced no stylesheet for src/styles/edition.css');
  for (const file of result.outputFiles.filter((f) => f !== stylesheet)) {
    await mkdir(path.dirname(file.path), { recursive: true });
    await writeFile(file.path, file.contents);
  }
  const css = stylesheet.text.trim();
  if (/<\/style/i.test(css)) throw new Error('src/styles/edition.css: the bundled stylesheet contains "</style" and cannot be inlined');
  return css;
}

/**
 * The worker that loads the browser's locale data off the main thread (src/speech/first-listen.ts),
 * beside the pages like sw.js: one folder up from the script that starts it, as in src/.
 */
async function buildLocaleWarmUp() {
  await esbuild.build({
    entryPoints: ['src/locale-warm-up.worker.js'],
    minify: true,
    format: 'iife',
    target: TARGET,
    outfile: path.join(OUT, 'locale-warm-up.worker.js'),
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/** Never precached: the worker itself, fonts (cached when chosen), articles' pictures, and the audio edition (MP3, cues, podcast cover), downloaded when played. */
const PRECACHE_IGNORES = ['sw.js', 'assets/fonts/**', `${IMAGES_DIR}/**`, 'assets/audio/**'];

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
    target: TARGET,
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
 * Prints each file a first visit downloads (every precached file and sw.js, fonts apart),
 * compressed as the static server sends it, and fails the build past either budget: the
 * script a page runs before a first interaction (the entry, the chunks it imports statically
 * and sw.js, in Brotli), and the whole first visit (in gzip, what any host can send).
 * @param {{ onLoad: string[], lazy: string[] }} scripts relative to the output folder
 */
async function reportSizes(scripts) {
  const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const size = (/** @type {'br' | 'gzip'} */ encoding) => (/** @type {string} */ file) => compressBody(readFileSync(path.join(OUT, file)), encoding).length;
  const [brotli, gzip] = [size('br'), size('gzip')];
  const total = (/** @type {string[]} */ list, measure = gzip) => list.reduce((sum, file) => sum + measure(file), 0);
  const { manifestEntries, size: precacheBytes } = await getManifest(precacheConfig());
  const precached = manifestEntries.map((entry) => entry.url);
  const beforeInteraction = [...scripts.onLoad, 'sw.js'];
  const role = (/** @type {string} */ file) => (beforeInteraction.includes(file) ? 'on load' : scripts.lazy.includes(file) ? 'on first use' : '');
  for (const file of [...precached, 'sw.js']) {
    console.log(`  ${file.padEnd(40)} ${kb(gzip(file)).padStart(9)} gzip ${kb(brotli(file)).padStart(9)} br  ${role(file)}`);
  }
  const scriptBytes = total(beforeInteraction, brotli);
  console.log(`script before a first interaction: ${kb(scriptBytes)} Brotli, ${beforeInteraction.join(' + ')} (budget ${FIRST_INTERACTION_BUDGET_KB} KB); ${kb(total(scripts.lazy, brotli))} Brotli more on first use, in ${scripts.lazy.length} chunks`);
  const firstVisit = total(precached) + gzip('sw.js');
  const fonts = (await readdir(path.join(OUT, 'assets/fonts'))).map((file) => `assets/fonts/${file}`);
  console.log(`precache: ${precached.length} files, ${kb(precacheBytes)} (${kb(total(precached))} gzip)`);
  console.log(`${OUT}/: ${kb(firstVisit)} gzip for a first visit with sw.js (budget ${FIRST_VISIT_BUDGET_KB} KB); ${fonts.length} optional font files, ${kb(total(fonts.filter((f) => f.endsWith('.woff2'))))} as woff2, cached when chosen`);
  if (scriptBytes > FIRST_INTERACTION_BUDGET_KB * 1024) throw new Error(`the script before a first interaction is ${kb(scriptBytes)} Brotli, over the ${FIRST_INTERACTION_BUDGET_KB} KB budget`);
  if (firstVisit > FIRST_VISIT_BUDGET_KB * 1024) throw new Error(`a first visit needs ${kb(firstVisit)} gzip, over the ${FIRST_VISIT_BUDGET_KB} KB budget`);
}

build().catch((error) => {
  // An article source error already names its file and line; say only that.
  if (error instanceof ArticleSourceError) console.error(`Build failed: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
