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
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ARTICLES_DIR, loadSite, NOT_KEPT_PAGE, pageContext, type SitePage } from './site.ts';
import { renderIndexPage, renderNotKeptPage, renderPage } from './page/page.ts';
import { bundleInlineScript, HEAD_SNIPPET_ENTRY } from './bundle/inline-script.ts';
import {
  buildLocaleWarmUp,
  buildScripts,
  buildServiceWorker,
  buildStylesheet,
  PRECACHE_IGNORES,
  precacheConfig,
} from './bundle/edition-bundles.ts';
import { thirdPartyNotices, NOTICES_FILE } from './bundle/third-party-notices.ts';
import { webManifest } from './page/manifest.ts';
import { renderIcons } from './page/icons.ts';
import { BuildError, type Diagnostic } from './diagnostics.ts';
import { PACKAGE_ROOT, packageFile } from './package-root.ts';
import {
  FIRST_INTERACTION_BUDGET_KB,
  FIRST_VISIT_BUDGET_KB,
  kb,
  measureSizes,
  sizeTable,
  type SizeFigures,
} from './sizes.ts';
import { audioReport, FEED_FILE, renderSiteAudio, siteBaseUrl, writePodcastFeed } from './audio/site-audio.ts';
import type { AudioEdition } from './audio/audio-edition.ts';
import { pageAudio } from './audio/page-audio.ts';
import { DEFAULT_CACHE_DIR } from './audio/render-cache.ts';
import { recommendedVoiceData, VOICE_DATA_PACKAGE, voiceDataFolder, VOICES_DIR } from './page/voice-data.ts';

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

export interface BuildFigures extends SizeFigures {
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
    diagnostics.push({
      file: draft.file,
      line: 1,
      severity: 'note',
      rule: 'draft',
      message: `“${draft.title}” is a draft: not published`,
    });
  }
  // Checked before anything is rendered: a mistyped address should not cost an audio render first.
  const baseUrl = checkedBaseUrl(options.baseUrl ?? site.config.baseUrl);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });

  const scripts = await buildScripts(out);
  const stylesheet = await buildStylesheet(out);
  const assets = {
    script: scripts.entry,
    modulePreloads: scripts.preloads,
    inlineStylesheet: stylesheet.css,
    headSnippet: await bundleInlineScript(packageFile(HEAD_SNIPPET_ENTRY)),
    serviceWorker: './sw.js',
  };

  // The audio edition reads the rendered article, then the page links the audio it got.
  const pageHtml = (page: SitePage, pageAssets: PageAssets = assets) =>
    renderPage(page.article, pageAssets, page.lexicon, pageContext(site, page));
  const editions =
    options.audio === false
      ? new Map<string, AudioEdition>()
      : await renderSiteAudio({
          site: site.pages,
          out,
          pageHtml,
          album: site.config.title,
          cacheDir: options.audioCache ?? DEFAULT_CACHE_DIR,
          log,
        });
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
    await writeFile(
      path.join(out, page.page),
      pageHtml(page, {
        ...assets,
        audio: edition && pageAudio(edition, audioSlug(page)),
        feed: feed ? `./${FEED_FILE}` : undefined,
      }),
    );
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
  const serviceWorker = await buildServiceWorker(out, precache);
  // The licences of the code, fonts and voice data the site ships, from the packages themselves.
  const shipped = new Map([
    ...scripts.packages,
    ...stylesheet.packages,
    ...serviceWorker.packages,
    [VOICE_DATA_PACKAGE, voiceDataFolder()],
  ]);
  await writeFile(path.join(out, NOTICES_FILE), await thirdPartyNotices(shipped));
  for (const warning of serviceWorker.warnings) {
    diagnostics.push({
      file: path.join(outName, 'sw.js'),
      line: 1,
      severity: 'warning',
      rule: 'precache',
      message: warning,
    });
  }
  const sizes = await measureSizes(out, scripts, precache);
  for (const line of sizeTable(outName, sizes)) log(line);
  for (const line of audioReport(editions)) log(line);
  // Over a budget the build fails, after the table that shows where the bytes went.
  const { beforeInteraction, firstVisit } = sizes.figures;
  if (beforeInteraction.brotliBytes > beforeInteraction.budgetBytes) {
    throw new BuildError(
      `the script before a first interaction is ${kb(beforeInteraction.brotliBytes)} Brotli, over the ${FIRST_INTERACTION_BUDGET_KB} KB budget`,
      'budget',
    );
  }
  if (firstVisit.gzipBytes > firstVisit.budgetBytes)
    throw new BuildError(
      `a first visit needs ${kb(firstVisit.gzipBytes)} gzip, over the ${FIRST_VISIT_BUDGET_KB} KB budget`,
      'budget',
    );

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
  for (const [inner, what] of [
    [articles, 'the article sources'],
    [process.cwd(), 'the folder the build runs in'],
    [PACKAGE_ROOT, 'the edition itself'],
  ] as const) {
    if (holds(inner))
      throw new BuildError(
        `the output folder ${out} would be emptied, and it holds ${what}: choose another with --out`,
        'out-folder',
      );
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
