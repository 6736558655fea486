// The build: a folder of articles becomes a static site that any static host or CDN can serve.
// Each page carries its stylesheet inline; scripts are bundled, minified, split into chunks
// and given content-hashed names, which pages refer to by relative URL so the site works from
// any folder. A service worker precaches it all (fonts apart) so the edition reads offline
// once it has been opened.
//
// A library, with no state of its own: `buildSite(options)` builds one site and returns what it
// wrote, its figures and its diagnostics; printing them is the command's (generator/cli.ts).
// The edition's own files (its scripts, stylesheet, worker, icons) are found beside this file,
// not in the folder the build was started from, which is the publisher's.
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { getManifest, injectManifest } from 'workbox-build';
import { ARTICLES_DIR, loadSite, NOT_KEPT_PAGE, pageContext, type SitePage } from './site.ts';
import { renderIndexPage, renderNotKeptPage, renderPage } from './page/page.ts';
import { bundleInlineScript, HEAD_SNIPPET_ENTRY } from './bundle/inline-script.ts';
import { webManifest } from './page/manifest.ts';
import { renderIcons } from './page/icons.ts';
import { BuildError, type Diagnostic } from './diagnostics.ts';
import { IMAGES_DIR } from './article/pictures.ts';
import { compressBody, type Encoding } from './serve.ts';
import { minifyComponentStyles } from './bundle/component-styles.ts';
import { audioReport, FEED_FILE, renderSiteAudio, siteBaseUrl, writePodcastFeed } from './audio/site-audio.ts';
import type { AudioEdition } from './audio/audio-edition.ts';
import { pageAudio } from './audio/page-audio.ts';
import { DEFAULT_CACHE_DIR } from './audio/render-cache.ts';
import { fontSamplesPlugin } from './bundle/font-samples.ts';
import { recommendedVoiceData, VOICES_DIR } from './page/voice-data.ts';

/** The edition's own folder (where its package is installed, or this checkout). */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A file of the edition's own, by its path in the package. */
export const packageFile = (relative: string): string => path.resolve(PACKAGE_ROOT, relative);

export interface BuildOptions {
  /** The folder of article sources; by default the edition's own article (assets/articles in the package). */
  articles?: string;
  /** Where the site is written, emptied first; "dist" by default. */
  out?: string;
  /** The site's public address, which the podcast feed needs; else the site settings', else SITE_BASE_URL. */
  baseUrl?: string;
  /** Render the audio edition (true by default); builds whose audio is not looked at skip it. */
  audio?: boolean;
  /** Where rendered audio is kept between builds; the current project's node_modules/.cache by default. */
  audioCache?: string;
  /** Progress lines (the size table, the audio); silent when not given. */
  log?: (line: string) => void;
}

export interface WrittenFile {
  /** Under the output folder, with "/" between folders. */
  path: string;
  bytes: number;
}

/** One audio edition, as the report gives it. */
export interface AudioSummary {
  page: string;
  /** The MP3, under the output folder. */
  mp3: string;
  bytes: number;
  seconds: number;
  cues: number;
  chapters: number;
  voice: string;
  /** False when it came from the audio cache. */
  rendered: boolean;
  renderSeconds: number;
}

export interface BuildFigures {
  /** Everything a first visit downloads (precached files and sw.js), in gzip, which any host can send. */
  firstVisit: { gzipBytes: number; budgetBytes: number };
  /** The script a page runs before a first interaction (the entry, its static imports, sw.js), in Brotli. */
  beforeInteraction: { brotliBytes: number; budgetBytes: number; files: string[] };
  /** The chunks loaded on first use, in Brotli. */
  firstUse: { brotliBytes: number; files: string[] };
  precache: { count: number; bytes: number; gzipBytes: number };
  /** The optional fonts, cached only when a reader chooses one. */
  optionalFonts: { count: number; woff2Bytes: number };
  /** The audio editions, and the podcast feed's address when one was written. */
  audio: { editions: AudioSummary[]; feed?: string };
}

export interface BuildReport {
  /** The output folder, absolute. */
  out: string;
  /** Every file written, by path. */
  files: WrittenFile[];
  figures: BuildFigures;
  /** What the sources had that the pages do not use, drafts left out, the precache's warnings. */
  diagnostics: Diagnostic[];
}

/** What a first visit may download, compressed, optional fonts apart (see README). */
const FIRST_VISIT_BUDGET_KB = 100;
/** The script a page runs before a first interaction, sw.js included, in Brotli (see README). */
const FIRST_INTERACTION_BUDGET_KB = 25;

const TARGET = ['es2022', 'chrome111', 'firefox115', 'safari16.4'];

/**
 * What every bundle of the edition's code shares: paths are the package's, not the current
 * folder's. Bundles of TypeScript name their tsconfig too, as esbuild ignores a tsconfig.json
 * inside node_modules (where a publisher has the edition), and Lit's decorators need its settings.
 */
const EDITION_CODE = { absWorkingDir: PACKAGE_ROOT, legalComments: 'none', logLevel: 'warning' } as const;

/** Never precached: the worker itself, fonts (cached when chosen), articles' pictures, and the audio edition (MP3, cues, podcast cover), downloaded when played. */
const PRECACHE_IGNORES = ['sw.js', 'assets/fonts/**', `${IMAGES_DIR}/**`, 'assets/audio/**'];

type PageAssets = Parameters<typeof renderPage>[1];

/** Builds the site of an articles folder; throws an ArticleSourceError for a mistake in a source, a BuildError for one in the options or over a budget. */
export async function buildSite(options: BuildOptions = {}): Promise<BuildReport> {
  const log = options.log ?? (() => {});
  const outName = options.out ?? 'dist';
  const out = path.resolve(outName);
  const articles = options.articles ?? (path.relative(process.cwd(), packageFile(ARTICLES_DIR)) || '.');
  await checkFolders(articles, out);
  const diagnostics: Diagnostic[] = [];

  const site = await loadSite(articles);
  diagnostics.push(...site.warnings);
  for (const draft of site.drafts) {
    diagnostics.push({ file: draft.file, line: 1, severity: 'note', rule: 'draft', message: `“${draft.title}” is a draft: not published` });
  }
  // Checked before anything is rendered: a mistyped address should not cost an audio render first.
  const baseUrl = checkedBaseUrl(options.baseUrl ?? site.config.baseUrl);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });

  const scripts = await buildScripts(out);
  const assets = {
    script: scripts.entry,
    modulePreloads: scripts.preloads,
    inlineStylesheet: await buildStylesheet(out),
    headSnippet: await bundleInlineScript(packageFile(HEAD_SNIPPET_ENTRY)),
    serviceWorker: './sw.js',
  };

  // The audio edition reads the rendered article, then the page links the audio it got.
  const pageHtml = (page: SitePage, pageAssets: PageAssets = assets) => renderPage(page.article, pageAssets, page.lexicon, pageContext(site, page));
  const editions = options.audio === false
    ? new Map<string, AudioEdition>()
    : await renderSiteAudio({ site: site.pages, out, pageHtml, album: site.config.title, cacheDir: options.audioCache ?? DEFAULT_CACHE_DIR, log });
  const home = site.pages[0];
  const feed = await writePodcastFeed({
    site: site.pages,
    editions,
    home,
    title: site.hasIndex ? site.config.title : `${site.config.title}: ${home.article.meta.title}`,
    out,
    baseUrl,
    log,
  });
  for (const page of site.pages) {
    const edition = editions.get(page.page);
    await writeFile(path.join(out, page.page), pageHtml(page, { ...assets, audio: edition && pageAudio(edition, audioSlug(page)), feed: feed ? `./${FEED_FILE}` : undefined }));
    for (const file of page.article.files) {
      await mkdir(path.dirname(path.join(out, file.path)), { recursive: true });
      await writeFile(path.join(out, file.path), file.body);
    }
  }
  if (site.hasIndex) await writeFile(path.join(out, 'index.html'), renderIndexPage(site.config, site.pages, assets));
  // Precached: what a reader offline sees at the address of an article that was never kept.
  // With one article there is none to miss: other addresses fall back to the home page.
  if (site.hasIndex) await writeFile(path.join(out, NOT_KEPT_PAGE), renderNotKeptPage(site.config, assets));
  // The recommended voices for each article language, fetched by the player on first use.
  await mkdir(path.join(out, VOICES_DIR));
  for (const lang of new Set(site.pages.map((page) => page.article.meta.lang.split('-')[0].toLowerCase()))) {
    await writeFile(path.join(out, VOICES_DIR, `${lang}.json`), JSON.stringify(await recommendedVoiceData(lang)));
  }
  await writeFile(path.join(out, 'manifest.webmanifest'), webManifest(site));
  await mkdir(path.join(out, 'icons'));
  for (const icon of await renderIcons()) await writeFile(path.join(out, icon.file), icon.body);

  // With an index page, the articles' own pages are left out of the precache too: a first
  // visit saves the index and the shell, within the budget however many articles the site has.
  const precache = precacheConfig(out, [...PRECACHE_IGNORES, ...(site.hasIndex ? site.pages.map((p) => p.page) : [])]);
  await buildLocaleWarmUp(out);
  for (const warning of await buildServiceWorker(out, precache)) {
    diagnostics.push({ file: path.join(outName, 'sw.js'), line: 1, severity: 'warning', rule: 'precache', message: warning });
  }
  const sizes = await measureSizes(out, scripts, precache);
  for (const line of sizeTable(outName, sizes)) log(line);
  for (const line of audioReport(editions)) log(line);
  // Over a budget the build fails, after the table that shows where the bytes went.
  const { beforeInteraction, firstVisit } = sizes.figures;
  if (beforeInteraction.brotliBytes > beforeInteraction.budgetBytes) {
    throw new BuildError(`the script before a first interaction is ${kb(beforeInteraction.brotliBytes)} Brotli, over the ${FIRST_INTERACTION_BUDGET_KB} KB budget`, 'budget');
  }
  if (firstVisit.gzipBytes > firstVisit.budgetBytes) throw new BuildError(`a first visit needs ${kb(firstVisit.gzipBytes)} gzip, over the ${FIRST_VISIT_BUDGET_KB} KB budget`, 'budget');

  return {
    out,
    files: await writtenFiles(out),
    figures: {
      ...sizes.figures,
      audio: {
        editions: [...editions.values()].map((e) => ({
          page: e.page,
          mp3: e.mp3,
          bytes: e.bytes,
          seconds: e.seconds,
          cues: e.cueList.length,
          chapters: e.chapterList.length,
          voice: e.voice,
          rendered: e.rendered,
          renderSeconds: e.renderSeconds,
        })),
        ...(feed && baseUrl ? { feed: new URL(FEED_FILE, baseUrl).href } : {}),
      },
    },
    diagnostics,
  };
}

/**
 * The articles folder must exist, and the output folder, which the build empties, must hold
 * nothing it should not delete: neither the sources, nor the folder the build runs in, nor the edition.
 */
async function checkFolders(articles: string, out: string): Promise<void> {
  const folder = await stat(articles).catch(() => undefined);
  if (!folder?.isDirectory()) throw new BuildError(`${articles}: no such folder of article sources`, 'articles-folder');
  const holds = (inner: string) => {
    const relative = path.relative(out, path.resolve(inner));
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  for (const [inner, what] of [[articles, 'the article sources'], [process.cwd(), 'the folder the build runs in'], [PACKAGE_ROOT, 'the edition itself']] as const) {
    if (holds(inner)) throw new BuildError(`the output folder ${out} would be emptied, and it holds ${what}: choose another with --out`, 'out-folder');
  }
}

/** The site's base URL from siteBaseUrl, a wrong one reported as the publisher's mistake it is. */
function checkedBaseUrl(given: string | undefined): string | undefined {
  try {
    return siteBaseUrl(given);
  } catch (error) {
    throw new BuildError(error instanceof Error ? error.message : String(error), 'base-url');
  }
}

/**
 * The article's slug, for its audio's file name: its front matter's, else its source's name
 * (a site's only article is index.html, but its source still has a name of its own).
 */
function audioSlug(page: SitePage): string {
  if (page.article.meta.slug) return page.article.meta.slug;
  const source = path.basename(page.file, path.extname(page.file));
  return source === 'index' ? path.basename(path.dirname(page.file)) : source;
}

interface Scripts {
  /** The entry's URL, relative to the pages. */
  entry: string;
  /** The entry's static imports, fetched beside it rather than after it. */
  preloads: string[];
  /** What runs on load, relative to the output folder: the entry, then its static imports. */
  onLoad: string[];
  /** The chunks loaded on first use, relative to the output folder. */
  lazy: string[];
}

/**
 * The page's script, split: the entry and the chunks it imports statically run on load;
 * what components import() on first use (the player's speech code) is a chunk of its own,
 * fetched when needed and precached for offline reading.
 */
async function buildScripts(out: string): Promise<Scripts> {
  const result = await esbuild.build({
    ...EDITION_CODE,
    entryPoints: { main: 'src/main.ts' },
    tsconfig: packageFile('tsconfig.json'),
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    target: TARGET,
    outdir: path.join(out, 'assets'),
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    plugins: [minifyComponentStyles(TARGET)],
    metafile: true,
  });
  // The metafile names files relative to the package.
  const outputs = result.metafile.outputs;
  const underOut = (file: string) => path.relative(out, path.resolve(PACKAGE_ROOT, file)).split(path.sep).join('/');
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
  for (const file of onLoad) {
    const written = path.resolve(PACKAGE_ROOT, file);
    await writeFile(written, `//# allFunctionsCalledOnLoad\n${await readFile(written, 'utf8')}`);
  }
  return {
    entry: `./${underOut(entry)}`,
    preloads: [...onLoad].slice(1).map((file) => `./${underOut(file)}`),
    onLoad: [...onLoad].map(underOut),
    lazy: lazy.map(underOut),
  };
}

/**
 * The stylesheet, inlined into each page's <head> (its hash goes in the Content-Security-Policy),
 * so nothing but the HTML blocks the first paint: compressed it is about 3 KB, less than one
 * request's round trip would cost. The optional fonts it names are written to assets/fonts/,
 * with URLs relative to the pages, and download only when a setting uses them.
 */
async function buildStylesheet(out: string): Promise<string> {
  const result = await esbuild.build({
    ...EDITION_CODE,
    entryPoints: ['src/styles/edition.css'],
    bundle: true,
    minify: true,
    target: TARGET,
    outdir: path.join(out, 'assets'),
    assetNames: 'fonts/[name]-[hash]',
    publicPath: './assets',
    loader: { '.woff2': 'file', '.woff': 'file' },
    // The optional fonts' names in those fonts, for the reading settings (generator/bundle/font-samples.ts).
    plugins: [fontSamplesPlugin, nodeModulesAsPackages],
    write: false,
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
 * The stylesheet imports the fonts' packages by their path in this checkout's node_modules,
 * which the development server serves as they are. Installed as a package, the edition has
 * its dependencies beside it, not inside it: such an import is resolved as the package it names.
 */
const nodeModulesAsPackages: esbuild.Plugin = {
  name: 'node-modules-as-packages',
  setup(build) {
    const inNodeModules = /^(?:\.\.\/)+node_modules\//;
    build.onResolve({ filter: inNodeModules }, async ({ path: specifier, importer, kind, resolveDir }) => {
      const resolved = await build.resolve(specifier.replace(inNodeModules, ''), { importer, kind, resolveDir });
      return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path };
    });
  },
};

/**
 * The worker that loads the browser's locale data off the main thread (src/speech/first-listen.ts),
 * beside the pages like sw.js: one folder up from the script that starts it, as in src/.
 */
async function buildLocaleWarmUp(out: string): Promise<void> {
  await esbuild.build({
    ...EDITION_CODE,
    entryPoints: ['src/locale-warm-up.worker.ts'],
    tsconfig: packageFile('src/service-worker/tsconfig.json'),
    minify: true,
    format: 'iife',
    target: TARGET,
    outfile: path.join(out, 'locale-warm-up.worker.js'),
  });
}

type PrecacheConfig = ReturnType<typeof precacheConfig>;

/**
 * Which files the worker precaches. Fonts are left to the runtime cache: a reader downloads
 * one only on choosing it. Hashed assets need no revision; Workbox revisions the rest.
 */
function precacheConfig(out: string, ignores: string[]) {
  return {
    globDirectory: out,
    globPatterns: ['**/*.{html,js,css,svg,png,webmanifest,json}'],
    globIgnores: ignores,
    dontCacheBustURLsMatching: /^assets\/[^/]+-[A-Z0-9]{8}\.\w+$/,
  };
}

/** Bundles src/service-worker/sw.ts to sw.js (a classic script, for every browser), then injects the precache list; Workbox's warnings. */
async function buildServiceWorker(out: string, precache: PrecacheConfig): Promise<string[]> {
  const swDest = path.join(out, 'sw.js');
  await esbuild.build({
    ...EDITION_CODE,
    entryPoints: ['src/service-worker/sw.ts'],
    tsconfig: packageFile('src/service-worker/tsconfig.json'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: TARGET,
    outfile: swDest,
    // Workbox keeps its development logging behind this check.
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const { warnings } = await injectManifest({ ...precache, swSrc: swDest, swDest });
  return warnings;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface Sizes {
  /** Each file a first visit downloads, compressed as the static server sends it. */
  table: { file: string; gzip: number; brotli: number; role: string }[];
  figures: Omit<BuildFigures, 'audio'>;
}

/**
 * What a first visit downloads (every precached file and sw.js, fonts apart), compressed as
 * the static server sends it: the script a page runs before a first interaction (the entry,
 * the chunks it imports statically and sw.js, in Brotli), and the whole first visit (in gzip,
 * what any host can send).
 */
async function measureSizes(out: string, scripts: Scripts, precache: PrecacheConfig): Promise<Sizes> {
  const size = (encoding: Encoding) => (file: string) => compressBody(readFileSync(path.join(out, file)), encoding).length;
  const [brotli, gzip] = [size('br'), size('gzip')];
  const total = (list: string[], measure = gzip) => list.reduce((sum, file) => sum + measure(file), 0);
  const { manifestEntries, size: precacheBytes } = await getManifest(precache);
  const precached = (manifestEntries ?? []).map((entry) => entry.url);
  const beforeInteraction = [...scripts.onLoad, 'sw.js'];
  const role = (file: string) => (beforeInteraction.includes(file) ? 'on load' : scripts.lazy.includes(file) ? 'on first use' : '');
  const fonts = (await readdir(path.join(out, 'assets/fonts'))).map((file) => `assets/fonts/${file}`);
  return {
    table: [...precached, 'sw.js'].map((file) => ({ file, gzip: gzip(file), brotli: brotli(file), role: role(file) })),
    figures: {
      firstVisit: { gzipBytes: total(precached) + gzip('sw.js'), budgetBytes: FIRST_VISIT_BUDGET_KB * 1024 },
      beforeInteraction: { brotliBytes: total(beforeInteraction, brotli), budgetBytes: FIRST_INTERACTION_BUDGET_KB * 1024, files: beforeInteraction },
      firstUse: { brotliBytes: total(scripts.lazy, brotli), files: scripts.lazy },
      precache: { count: precached.length, bytes: precacheBytes, gzipBytes: total(precached) },
      optionalFonts: { count: fonts.length, woff2Bytes: total(fonts.filter((f) => f.endsWith('.woff2'))) },
    },
  };
}

/** The build's size lines: each file a first visit downloads, the script before a first interaction, the precache, the first visit. */
function sizeTable(outName: string, { table, figures }: Sizes): string[] {
  const { beforeInteraction, firstUse, precache, firstVisit, optionalFonts } = figures;
  return [
    ...table.map(({ file, gzip, brotli, role }) => `  ${file.padEnd(40)} ${kb(gzip).padStart(9)} gzip ${kb(brotli).padStart(9)} br  ${role}`),
    `script before a first interaction: ${kb(beforeInteraction.brotliBytes)} Brotli, ${beforeInteraction.files.join(' + ')} (budget ${FIRST_INTERACTION_BUDGET_KB} KB); ${kb(firstUse.brotliBytes)} Brotli more on first use, in ${firstUse.files.length} chunks`,
    `precache: ${precache.count} files, ${kb(precache.bytes)} (${kb(precache.gzipBytes)} gzip)`,
    `${outName}/: ${kb(firstVisit.gzipBytes)} gzip for a first visit with sw.js (budget ${FIRST_VISIT_BUDGET_KB} KB); ${optionalFonts.count} optional font files, ${kb(optionalFonts.woff2Bytes)} as woff2, cached when chosen`,
  ];
}

/** Every file under the output folder, with its size, in path order. */
async function writtenFiles(out: string): Promise<WrittenFile[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  const files = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return { path: path.relative(out, file).split(path.sep).join('/'), bytes: (await stat(file)).size };
      }),
  );
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
