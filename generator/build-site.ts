// The build: a folder of articles becomes a static site that any static host or CDN can serve.
// Each page carries its stylesheet inline; scripts are bundled, minified, split into chunks
// and given content-hashed names, which pages refer to by relative URL so the site works from
// any folder. A service worker precaches it all (optional fonts apart) so the edition reads offline
// once it has been opened.
//
// A library, with no state of its own: `buildSite(options)` builds one site and returns what it
// wrote, its figures and its diagnostics; printing them is the command's (generator/command.ts).
// The edition's own files (its scripts, stylesheet, worker, icons) are found beside this file,
// not in the folder the build was started from, which is the publisher's.
//
// The build never deletes what it did not write: it replaces only an output folder that is
// new, empty or marked by an earlier build (BUILD_MARKER), and checks every option before it
// writes. The site is built in a folder beside the output and renamed into place at the end,
// so a build that fails, or is stopped, leaves the last good site as it was.
import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ARCHIVE_PAGE, ARTICLES_DIR, loadSite, NOT_KEPT_PAGE, pageContext, type Site, type SitePage } from './site.ts';
import { renderIndexPage, renderNotKeptPage, renderPage } from './page/page.ts';
import { renderArchive } from './page/archive.ts';
import { DEFAULT_HOME_ARTICLES } from './site-config.ts';
import { checkPage } from './page/page-words.ts';
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
import { headersFile, HEADERS_FILE } from './page/headers.ts';
import { webManifest } from './page/manifest.ts';
import { renderIcons } from './page/icons.ts';
import { BuildError, StrictBuildError, type Diagnostic } from './diagnostics.ts';
import { PACKAGE_ROOT, packageFile } from './package-root.ts';
import { budgetWarnings, measureSizes, sizeTable, type SizeFigures } from './sizes.ts';
import { audioReport, FEED_FILE, renderSiteAudio, siteBaseUrl, writePodcastFeed } from './audio/site-audio.ts';
import type { AudioEdition } from './audio/audio-edition.ts';
import { pageAudio } from './audio/page-audio.ts';
import { unsayableWarnings } from './audio/unsayable.ts';
import { urlSafeName } from './article/local-files.ts';
import { DEFAULT_CACHE_DIR } from './audio/render-cache.ts';
import { makeNarratedBook } from './book/book.ts';
import { contentHash } from './content-hash.ts';
import { unfollowedLinks } from './book/links.ts';
import type { PageBook } from './book/page-book.ts';
import { bookFigures, type BookFigures } from './book/book-figures.ts';
import { recommendedVoiceData, VOICE_DATA_PACKAGE, voiceDataFolder, VOICES_DIR } from './page/voice-data.ts';

export interface BuildOptions {
  /** The folder of article sources; by default the edition's own article (assets/articles in the package). */
  articles?: string;
  /**
   * Where the site goes, "dist" by default: a new or empty folder, or one an earlier build wrote
   * (it holds BUILD_MARKER), replaced whole once the new site is built. Any other is refused.
   */
  out?: string;
  /** The site's public address, which the podcast feed needs; else the site settings', else SITE_BASE_URL. */
  baseUrl?: string;
  /** Render the audio edition (true by default); builds whose audio is not looked at skip it. */
  audio?: boolean;
  /** Where rendered audio is kept between builds; the current project's node_modules/.cache by default. */
  audioCache?: string;
  /** Any warning fails the build (a StrictBuildError) and the last site stays: for CI. */
  strict?: boolean;
  /** Progress lines (the size table, the audio); silent when not given. */
  log?: (line: string) => void;
}

/** The file each build writes into its output folder: a folder that is not empty is replaced only if it holds this. */
export const BUILD_MARKER = '.reader-edition-build';
const MARKER_TEXT =
  'Written by reader-edition build, which replaces this folder whole each time.\nWithout this file, no build will replace it.\n';

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
  /** The JSON chapters file the podcast feed links, under the output folder, where the feed has the episode. */
  podcastChapters?: string;
  voice: string;
  /** False when it came from the audio cache. */
  rendered: boolean;
  renderSeconds: number;
}

export interface BuildFigures extends SizeFigures {
  /** The audio editions, and the podcast feed's address when one was written. */
  audio: { editions: AudioSummary[]; feed?: string };
  /** Each article's book, as written: its size, and what its pictures and narration take of it. */
  books: BookFigures[];
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

/** The output folder as found before the build: its real path, and its mode when it exists. */
interface OutputFolder {
  path: string;
  mode?: number;
}

/**
 * Builds the site of an articles folder. Throws an ArticleSourceError for a mistake in a source,
 * a BuildError for one in the options (checked before anything is written), a StrictBuildError
 * for warnings under `strict`; in each case the last site is left as it was.
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildReport> {
  const log = options.log ?? (() => {});
  const outName = options.out ?? 'dist';
  const articles = options.articles ?? (path.relative(process.cwd(), packageFile(ARTICLES_DIR)) || '.');
  const audioCache = options.audioCache ?? DEFAULT_CACHE_DIR;
  const output = await checkFolders(articles, outName, options.audio === false ? [] : [audioCache]);
  const givenBaseUrl = options.baseUrl === undefined ? undefined : checkedBaseUrl(options.baseUrl, '--base-url');

  const site = await loadSite(articles);
  const diagnostics: Diagnostic[] = [...site.warnings];
  for (const draft of site.drafts) {
    diagnostics.push({
      file: draft.file,
      line: 1,
      severity: 'note',
      rule: 'draft',
      message: `“${draft.title}” is a draft: not published`,
    });
  }
  // site.toml's address was checked as the settings were read; SITE_BASE_URL's is checked here,
  // before anything is rendered: a mistyped address should not cost an audio render first.
  const baseUrl = givenBaseUrl ?? checkedBaseUrl(site.config.baseUrl, 'SITE_BASE_URL');

  // Built beside the output folder and swapped in at the end: a failed build leaves the last site whole.
  const staging = await stagingFolder(output, outName);
  let replaced: string | undefined;
  let report: BuildReport;
  try {
    const built = await writeSite(site, staging.path, { ...options, audioCache, baseUrl, log });
    diagnostics.push(
      ...built.pageWarnings,
      ...built.workboxWarnings.map((message) => ({
        file: path.join(outName, 'sw.js'),
        line: 1,
        severity: 'warning' as const,
        rule: 'precache',
        message,
      })),
    );
    for (const line of sizeTable(outName, built.sizes)) log(line);
    if (options.audio !== false) for (const line of audioReport(built.editions)) log(line);
    diagnostics.push(...built.feedWarnings);
    diagnostics.push(...budgetWarnings(built.sizes, outName, (page) => site.pages.find((p) => p.page === page)?.file));
    if (options.strict && diagnostics.some((d) => d.severity === 'warning'))
      throw new StrictBuildError(diagnostics, outName);

    await writeFile(path.join(staging.path, BUILD_MARKER), MARKER_TEXT);
    report = {
      out: path.resolve(outName),
      files: await writtenFiles(staging.path),
      figures: {
        ...built.sizes.figures,
        audio: {
          editions: [...built.editions.values()].map((e) => ({
            page: e.page,
            mp3: e.mp3,
            bytes: e.bytes,
            seconds: e.seconds,
            cues: e.cueList.length,
            chapters: e.chapterList.length,
            ...(built.feed && built.feed.chapters.has(e.page)
              ? { podcastChapters: built.feed.chapters.get(e.page) }
              : {}),
            voice: e.voice,
            rendered: e.rendered,
            renderSeconds: e.renderSeconds,
          })),
          ...(built.feed && baseUrl ? { feed: new URL(FEED_FILE, baseUrl).href } : {}),
        },
        books: built.bookSizes,
      },
      diagnostics,
    };
    replaced = await swapIn(staging.path, output);
  } catch (error) {
    await rm(staging.created ?? staging.path, { recursive: true, force: true });
    throw error;
  }
  if (replaced) await rm(replaced, { recursive: true, force: true });
  return report;
}

/** Writes the whole site into `dir`; what the report needs of it. */
async function writeSite(
  site: Site,
  dir: string,
  options: BuildOptions & { audioCache: string; baseUrl: string | undefined; log: (line: string) => void },
) {
  const scripts = await buildScripts(dir);
  const stylesheet = await buildStylesheet(dir);
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
          out: dir,
          pageHtml,
          album: site.config.title,
          cacheDir: options.audioCache,
          log: options.log,
        });
  // A site of one article is named and described by it as well as by the site's settings.
  const only = site.hasIndex ? undefined : site.pages[0].article.meta;
  const feedWarnings: Diagnostic[] = [];
  const feed =
    options.audio !== false &&
    (await writePodcastFeed({
      site: site.pages,
      editions,
      config: site.config,
      settings: site.settings,
      title: only ? `${site.config.title}: ${only.title}` : site.config.title,
      description: only?.description,
      out: dir,
      baseUrl: options.baseUrl,
      log: options.log,
      warn: (warning) => feedWarnings.push(warning),
    }));
  const pageWarnings: Diagnostic[] = [];
  const books = new Map<string, PageBook>();
  const bookSizes: BookFigures[] = [];
  for (const page of site.pages) {
    const edition = editions.get(page.page);
    if (edition) pageWarnings.push(...unsayableWarnings(page.file, page.article.prose, edition.unsayable));
    // The accessible book beside its page, from the same article, narrated by the site's own MP3
    // where it has an audio edition (docs/book.md); made first, for the page to give its size.
    const narration = edition && {
      cues: edition.cueList,
      ranges: edition.ranges,
      mp3: { name: path.posix.basename(edition.mp3), body: await readFile(path.join(dir, edition.mp3)) },
      narrator: edition.voice,
    };
    const { book, narrated, unnarrated } = makeNarratedBook(page.article, {
      // The site's address as the build has it, which links to the site's other pages lead to.
      site: { ...site.config, baseUrl: options.baseUrl },
      page: page.page,
      pronunciations: page.pronunciations,
      passagePronunciations: page.passagePronunciations,
      ...(narration && { narration }),
    });
    if (unnarrated)
      pageWarnings.push({
        file: page.file,
        line: 1,
        severity: 'warning',
        rule: 'book',
        message: `the e-book is text only: its narration could not be matched to the text (${unnarrated}). The page and its audio are not affected; this is the edition's fault, not your article's, so please report it`,
      });
    // A hashed name, as the audio's: a book kept offline is never an older build's. Saved under the slug.
    const bookFile = `${downloadSlug(page)}-${contentHash(book)}.epub`;
    await writeFile(path.join(dir, bookFile), book);
    bookSizes.push(bookFigures(bookFile, book));
    books.set(page.page, {
      href: `./${bookFile}`,
      download: `${downloadSlug(page)}.epub`,
      bytes: book.length,
      narrated,
    });
    const html = pageHtml(page, {
      ...assets,
      audio: edition && pageAudio(edition, downloadSlug(page)),
      feed: feed ? `./${FEED_FILE}` : undefined,
      book: books.get(page.page),
    });
    pageWarnings.push(...checkPage(page.file, page.article, html));
    pageWarnings.push(...unfollowedLinks(page.file, page.article, options.baseUrl));
    await writeFile(path.join(dir, page.page), html);
    for (const file of page.article.files) {
      await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
      await writeFile(path.join(dir, file.path), file.body);
    }
  }
  // The home page lists the newest articles; with more, the archive by year has them all.
  const homeCount = site.config.homeArticles ?? DEFAULT_HOME_ARTICLES;
  const archive =
    site.hasIndex && site.pages.length > homeCount
      ? renderArchive(
          site.config,
          site.pages.map((page) => ({ ...page, book: books.get(page.page) })),
          assets,
        )
      : [];
  if (site.hasIndex)
    await writeFile(
      path.join(dir, 'index.html'),
      renderIndexPage(
        site.config,
        site.pages.slice(0, homeCount).map((page) => ({ ...page, book: books.get(page.page) })),
        assets,
        archive.length > 0 ? { href: `./${ARCHIVE_PAGE}`, count: site.pages.length } : undefined,
      ),
    );
  for (const { page, html } of archive) await writeFile(path.join(dir, page), html);
  // Precached: what a reader offline sees at the address of an article that was never kept.
  // With one article there is none to miss: other addresses fall back to the home page.
  if (site.hasIndex) await writeFile(path.join(dir, NOT_KEPT_PAGE), renderNotKeptPage(site.config, assets));
  // The recommended voices for each article language, fetched by the player on first use.
  await mkdir(path.join(dir, VOICES_DIR));
  for (const lang of new Set(site.pages.map((page) => page.article.meta.lang.split('-')[0].toLowerCase()))) {
    await writeFile(path.join(dir, VOICES_DIR, `${lang}.json`), JSON.stringify(await recommendedVoiceData(lang)));
  }
  await writeFile(path.join(dir, 'manifest.webmanifest'), webManifest(site));
  await mkdir(path.join(dir, 'icons'));
  for (const icon of await renderIcons()) await writeFile(path.join(dir, icon.file), icon.body);

  // With an index page, the articles' own pages are left out of the precache too, and the
  // archive's: a first visit saves the index and the shell, the same however many articles the
  // site has. Each is kept as it is opened (src/service-worker/kept-routes.ts).
  const precache = precacheConfig(dir, [
    ...PRECACHE_IGNORES,
    ...(site.hasIndex ? site.pages.map((p) => p.page) : []),
    ...archive.map((p) => p.page),
  ]);
  await buildLocaleWarmUp(dir);
  const serviceWorker = await buildServiceWorker(dir, precache);
  // The licences of the code, fonts and voice data the site ships, from the packages themselves.
  const shipped = new Map([
    ...scripts.packages,
    ...stylesheet.packages,
    ...serviceWorker.packages,
    [VOICE_DATA_PACKAGE, voiceDataFolder()],
  ]);
  await writeFile(path.join(dir, NOTICES_FILE), await thirdPartyNotices(shipped));
  // The headers a static host should send (Netlify, Cloudflare Pages read _headers).
  await writeFile(path.join(dir, HEADERS_FILE), await headersFile(dir));
  return {
    editions,
    feed,
    pageWarnings,
    feedWarnings,
    bookSizes,
    sizes: await measureSizes(dir, scripts, precache),
    workboxWarnings: serviceWorker.warnings,
  };
}

/**
 * The articles folder must exist, and the audio cache be a folder if it exists. The output
 * folder must be new, empty or an earlier build's (it is replaced whole), and must neither
 * hold what the build reads (the sources, the folder it runs in, the edition, the audio cache)
 * nor lie inside the sources, which the next build would read. Compared by real path, so that
 * a symbolic link cannot hide one in the other.
 */
async function checkFolders(articles: string, outName: string, audioCaches: string[]): Promise<OutputFolder> {
  const folder = await stat(articles).catch(() => undefined);
  if (folder?.isFile())
    throw new BuildError(
      `${articles} is a file, not a folder: --articles takes the folder of article sources, such as --articles ${path.dirname(articles)}, and builds every article in it`,
      'articles-folder',
    );
  if (!folder?.isDirectory())
    throw new BuildError(
      `${articles}: no such folder of article sources: give the folder that holds your Markdown posts with --articles`,
      'articles-folder',
    );
  const out = await realPath(path.resolve(outName));
  const sources = await realPath(path.resolve(articles));
  const refuse = (why: string) => new BuildError(`--out ${outName} ${why}`, 'out-folder');
  if (out === sources)
    throw refuse(
      `is the articles folder; a build replaces its output folder whole, which would delete every source. Choose another folder with --out, such as "dist"`,
    );
  if (within(out, sources))
    throw refuse(
      `is inside the articles folder ${articles}: the next build would read the site as sources. Choose a folder outside it with --out`,
    );
  for (const [inner, what] of [
    [sources, `the article sources (${articles})`],
    [process.cwd(), 'the folder the build runs in'],
    [PACKAGE_ROOT, 'the edition itself'],
    ...audioCaches.map((cache) => [cache, `the audio cache (${cache})`]),
  ]) {
    if (within(await realPath(path.resolve(inner)), out))
      throw refuse(
        `holds ${what}; a build replaces its output folder whole, which would delete them. Choose a folder beside them with --out, such as "dist"`,
      );
  }
  for (const cache of audioCaches) {
    if ((await stat(cache).catch(() => undefined))?.isDirectory() === false)
      throw new BuildError(`--audio-cache ${cache} is not a folder: choose a folder with --audio-cache`, 'audio-cache');
  }
  const found = await lstat(out).catch(() => undefined);
  if (!found) return { path: out };
  if (!found.isDirectory()) throw refuse('is not a folder: choose a folder with --out');
  const entries = await readdir(out);
  if (entries.length > 0 && !entries.includes(BUILD_MARKER))
    throw refuse(
      'is not empty and was not written by reader-edition: choose an empty or new folder with --out, or remove it yourself',
    );
  return { path: out, mode: found.mode & 0o7777 };
}

/** Whether `inner` is `outer` or inside it. */
function within(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** The real path of a file that may not exist yet: its nearest existing folder's, symbolic links resolved. */
async function realPath(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch (error) {
    const parent = path.dirname(file);
    if (parent === file || !(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
    return path.join(await realPath(parent), path.basename(file));
  }
}

/** A folder beside the output, on the same file system, so that the swap is a rename. */
const besideOutput = (out: string, what: 'building' | 'replaced') =>
  path.join(path.dirname(out), `.${path.basename(out)}.${what}-${process.pid}-${randomBytes(4).toString('hex')}`);

/**
 * The folder the new site is written to, with the output folder's mode; `created` is the
 * first of the output's parent folders the build made, to remove if it fails. Folders left
 * by builds that were stopped (their process is gone) are removed first.
 */
async function stagingFolder(output: OutputFolder, outName: string): Promise<{ path: string; created?: string }> {
  const parent = path.dirname(output.path);
  const created = await mkdir(parent, { recursive: true });
  const stale = `.${path.basename(output.path)}.building-`;
  for (const name of await readdir(parent)) {
    const pid = name.startsWith(stale) ? /^(\d+)-[0-9a-f]{8}$/.exec(name.slice(stale.length))?.[1] : undefined;
    if (pid && !running(Number(pid))) await rm(path.join(parent, name), { recursive: true, force: true });
  }
  const staging = besideOutput(output.path, 'building');
  await mkdir(staging).catch((error: unknown) => {
    if (!(error instanceof Error && 'code' in error && (error.code === 'EACCES' || error.code === 'EPERM')))
      throw error;
    throw new BuildError(
      `--out ${outName}: the build writes the new site beside it, in ${parent}, which it may not write to: choose an output folder in a folder you can write to`,
      'out-folder',
    );
  });
  if (output.mode !== undefined) await chmod(staging, output.mode);
  return { path: staging, created };
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: running, as another user.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** Puts the new site in the output's place; the last one's new name, to remove, if there was one. */
async function swapIn(staging: string, output: OutputFolder): Promise<string | undefined> {
  if (output.mode === undefined) {
    // There was none: nothing to put aside.
    await rename(staging, output.path);
    return undefined;
  }
  const replaced = besideOutput(output.path, 'replaced');
  await rename(output.path, replaced);
  try {
    await rename(staging, output.path);
  } catch (error) {
    await rename(replaced, output.path);
    throw error;
  }
  return replaced;
}

/** The site's base URL from siteBaseUrl, a wrong one reported as the publisher's mistake it is. */
function checkedBaseUrl(given: string | undefined, from: string): string | undefined {
  try {
    return siteBaseUrl(given);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new BuildError(
      `${from}: ${message}: give the site's full public address, such as "https://example.org/blog/"`,
      'base-url',
    );
  }
}

/**
 * The name a download of the article (its audio, its book) is saved under: its page's (URL-safe, and renamed
 * where the site took the name), or, for a site's only article (index.html), its front matter's
 * slug, else its source's or bundle folder's name made URL-safe.
 */
function downloadSlug(page: SitePage): string {
  if (page.page !== 'index.html') return page.page.slice(0, -'.html'.length);
  if (page.article.meta.slug) return page.article.meta.slug;
  const source = path.basename(page.file, path.extname(page.file));
  return urlSafeName(source === 'index' ? path.basename(path.dirname(page.file)) : source) || 'article';
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
