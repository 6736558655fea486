// Finds every article source and decides which page each becomes. Adding an article means
// adding a Markdown file (or a folder with an index.md and its pictures) to the articles
// folder, nothing else. One article is the site's home page; several get an index page.
// What is not an article is passed over and said so: editors' lock and backup files, hidden
// files, links that lead nowhere or out of the folder, and what the settings' `ignore` lists.
import { readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { renderArticle, peekSource, type Article, type SourcePeek } from './article/article.ts';
import { dateInstant } from './article/dates.ts';
import { isInside, urlSafeName, type LinkTargets } from './article/local-files.ts';
import { decodeSource } from './article/source-text.ts';
import { ArticleSourceError, BuildError, type Diagnostic, type Severity } from './diagnostics.ts';
import { loadLexicon, markedLanguages, pageLexicon, type Lexicon } from './lexicon/lexicon.ts';
import type { PageContext } from './page/page.ts';
import { ignoreMatcher, loadSiteConfig, settingsFile, type IgnorePattern, type SiteConfig } from './site-config.ts';

export const ARTICLES_DIR = 'assets/articles';

/** The page offline readers get for an article never kept; NOT_KEPT_PAGE in src/service-worker/kept-caches.ts (a build test keeps them equal). */
export const NOT_KEPT_PAGE = 'offline.html';

/** The archive's page of years, where a site has more articles than its home page lists. */
export const ARCHIVE_PAGE = 'archive.html';

/** The archive's page for a year ("2024"), or for the articles without a date. */
export const archiveYearPage = (year: string | undefined): string => `archive-${year ?? 'undated'}.html`;

/** A Hugo section's list page, which is not an article. */
const SECTION_PAGE = '_index.md';

/**
 * The pages the build writes for itself beside the articles' (with an index page). Every
 * article's page ends in .html, so the site's other files (sw.js, feed.xml, assets/…) cannot
 * be taken by one.
 */
const RESERVED_PAGES = new Map([
  ['index.html', 'the list of articles'],
  [NOT_KEPT_PAGE, 'the page readers offline see for an article they did not keep'],
  [ARCHIVE_PAGE, "the archive's list of years"],
]);

/** What a page name is taken for by the site itself, if it is: the archive's year pages whether or not the site has one yet, so an article's address stays when the archive comes. */
const reservedFor = (page: string): string | undefined =>
  RESERVED_PAGES.get(page) ?? (/^archive-(\d{4}|undated)\.html$/.test(page) ? "one of the archive's pages" : undefined);

/** Files editors and other programs keep beside the ones they work on, by name. */
const EDITOR_FILES: [RegExp, string][] = [
  [/^\.#/, "an editor's lock file (Emacs)"],
  [/^#.*#$/, "an editor's auto-save file (Emacs)"],
  [/^\..*\.sw[a-p]$|^\..*\.swx$/, "an editor's swap file (Vim)"],
  [/~$/, "an editor's backup file"],
  [/^~\$/, "an office program's lock file"],
  [/\.(bak|orig|rej|tmp)$/i, 'a backup or temporary copy'],
];

/** Folders of tools, not of articles: passed over without a note. */
const TOOL_FOLDERS = new Set(['node_modules']);

export interface SitePage {
  /** The source file, relative to the project. */
  file: string;
  /** The output file name, e.g. "index.html". */
  page: string;
  article: Article;
  /**
   * The pronunciation lexicons the page carries (JSON text, `PageLexicon` in generator/lexicon/lexicon.ts):
   * the article language's, and those of the other languages it marks passages in.
   */
  lexicon: string | null;
  /** The article language's lexicon whole, with how each word should sound (IPA), which the book carries as a PLS file. */
  pronunciations: Lexicon | null;
  /** The lexicons of the other languages the article marks passages in, whole, for the book likewise. */
  passagePronunciations?: Lexicon[];
  /** The article listed before this one on the index (newer). */
  previous?: SitePage;
  /** The article listed after this one (older). */
  next?: SitePage;
}

/** A source marked draft, not published. */
export interface Draft {
  file: string;
  title: string;
}

export interface Site {
  config: SiteConfig;
  /** The settings file, or where site.toml would be: what warnings about a missing setting name. */
  settings: string;
  /** Every article, newest first. */
  pages: SitePage[];
  /** Whether index.html lists the articles (more than one) rather than being the one article. */
  hasIndex: boolean;
  drafts: Draft[];
  /** What the sources had that the pages do not use, and what the folder held that is not an article. */
  warnings: Diagnostic[];
}

/** An article source found in the articles folder, and the page name it gets by default. */
interface Source {
  file: string;
  name: string;
  /** Its real path, which links between articles are resolved by. */
  real: string;
}

/** A source read, and what its front matter says of its page. */
interface ReadSource extends Source {
  text: string;
  peek: SourcePeek;
}

/**
 * Renders every article. The only article is the site's index.html; with several, each is at
 * `<slug>.html` and index.html lists them.
 */
export async function loadSite(dir: string = ARTICLES_DIR): Promise<Site> {
  const warnings: Diagnostic[] = [];
  const config = await loadSiteConfig(dir, (warning) => warnings.push(warning));
  const folder = new ArticlesFolder(dir, config.ignore ?? []);
  const sources = await folder.sources();
  warnings.push(...folder.diagnostics);
  if (sources.length === 0)
    throw new BuildError(`${dir}: no article sources found (*.md files, or folders with an index.md)`, 'no-articles');

  const read: ReadSource[] = [];
  for (const source of sources) {
    const bytes = await readFile(source.file).catch((error: unknown) => {
      throw new ArticleSourceError(
        source.file,
        1,
        'unreadable',
        `cannot be read (${errorCode(error)}): check its permissions`,
      );
    });
    const { text, warnings: decoding } = decodeSource(bytes, source.file);
    warnings.push(...decoding);
    read.push({ ...source, text, peek: peekSource(text) });
  }
  const drafts = read.filter((source) => source.peek.draft);
  const published = read.filter((source) => !source.peek.draft);
  if (published.length === 0)
    throw new BuildError(
      `${dir}: every article is a draft (${drafts.map((d) => d.file).join(', ')}); nothing to publish`,
      'all-drafts',
    );

  const hasIndex = published.length > 1;
  const names = pageNames(published, hasIndex, warnings);
  const pageOf = (source: ReadSource) => names.get(source)!; // pageNames names every published source
  const links: LinkTargets = {
    article: (real) => {
      const source = read.find((r) => r.real === real);
      if (!source) return undefined;
      return source.peek.draft ? { unpublished: 'a draft' } : { page: pageOf(source) };
    },
    skipped: (file) => folder.skipReason(file),
  };
  const pages: SitePage[] = [];
  // Each language's lexicon is read once, by its primary subtag.
  const lexicons = new Map<string, Promise<Lexicon | null>>();
  const lexiconOf = (lang: string) => {
    let lexicon = lexicons.get(lang);
    if (!lexicon) lexicons.set(lang, (lexicon = loadLexicon(lang)));
    return lexicon;
  };
  for (const source of published) {
    const { file } = source;
    const article = await renderArticle(source.text, file, { site: config, root: dir, links });
    warnings.push(...article.warnings);
    const lang = article.meta.lang.split('-')[0].toLowerCase();
    const own = await lexiconOf(lang);
    const others = (await Promise.all(markedLanguages(article.html, lang).map(lexiconOf))).filter(
      (lexicon) => lexicon !== null,
    );
    const lexicon = pageLexicon(lang, own, others);
    pages.push({ file, page: pageOf(source), article, lexicon, pronunciations: own, passagePronunciations: others });
  }

  pages.sort(newestFirst);
  pages.forEach((page, i) => {
    if (i > 0) page.previous = pages[i - 1];
    if (i < pages.length - 1) page.next = pages[i + 1];
  });
  return {
    config,
    settings: await settingsFile(dir),
    pages,
    hasIndex,
    drafts: drafts.map((d) => ({ file: d.file, title: d.peek.title ?? d.name })),
    warnings,
  };
}

/**
 * Each article's page: its front matter's slug, else its file's (or bundle folder's) name made
 * URL-safe. Two articles may not share one. A name the site uses for itself is an error where
 * the front matter asked for it (the publisher chose that address, and it cannot be had), and
 * is given a number where it only came from a file's name (the build should not stop over a
 * name nobody chose); a warning says so.
 */
function pageNames(sources: ReadSource[], hasIndex: boolean, warnings: Diagnostic[]): Map<ReadSource, string> {
  const names = new Map<ReadSource, string>();
  if (!hasIndex) return names.set(sources[0], 'index.html');
  // As hosts and file systems that ignore case and Unicode normalization would see them.
  const key = (page: string) => page.normalize('NFC').toLowerCase();
  const taken = new Map<string, string>();
  const renamed: { source: ReadSource; base: string; page: string; why: string }[] = [];
  for (const source of sources) {
    const { slug } = source.peek;
    const base = slug?.name ?? (urlSafeName(source.name) || 'article');
    const page = `${base}.html`;
    if (!slug && !urlSafeName(source.name))
      warn(
        warnings,
        source.file,
        1,
        'page-name',
        `the file's name has no letters or digits to name its page, so it is ${page}; give it a "slug" in its front matter`,
      );
    const why = reservedFor(key(page));
    if (why && slug)
      throw new ArticleSourceError(
        source.file,
        slug.line,
        'page-name',
        `"slug" ${slug.name} would publish this article as ${page}, which is ${why}: choose another slug`,
      );
    if (why) {
      renamed.push({ source, base, page, why });
      continue;
    }
    const other = taken.get(key(page));
    if (other)
      throw new ArticleSourceError(
        source.file,
        slug?.line ?? 1,
        'page-name',
        `${other} is published as ${page} too: give this article another "slug" in its front matter`,
      );
    taken.set(key(page), source.file);
    names.set(source, page);
  }
  for (const { source, base, page, why } of renamed) {
    let n = 1;
    while (taken.has(key(`${base}-${n}.html`))) n++;
    const instead = `${base}-${n}.html`;
    taken.set(key(instead), source.file);
    names.set(source, instead);
    warn(
      warnings,
      source.file,
      1,
      'page-name',
      `published as ${instead}: ${page} is ${why}. Give it a "slug" in its front matter to choose its name`,
    );
  }
  return names;
}

function warn(
  to: Diagnostic[],
  file: string,
  line: number,
  rule: string,
  message: string,
  severity: Severity = 'warning',
) {
  to.push({ file, line, severity, rule, message });
}

/**
 * The articles folder as the build reads it. Article sources are `name.md`, or `name/index.md`
 * with its pictures beside it (a page bundle); other folders are looked through. Symbolic
 * links are followed where they lead to a file or folder inside the articles folder (by real
 * path), after everything that is there in its own right, and nothing is read twice.
 */
class ArticlesFolder {
  /** What was passed over, and why. */
  readonly diagnostics: Diagnostic[] = [];
  private readonly ignore: { pattern: IgnorePattern; matches: (relative: string, isFolder: boolean) => boolean }[];
  private readonly used = new Set<IgnorePattern>();
  /** Folders and sources read, by real path, with the path they were read at. */
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly dir: string,
    ignore: IgnorePattern[],
  ) {
    this.ignore = ignore.map((pattern) => ({ pattern, matches: ignoreMatcher(pattern.pattern) }));
  }

  async sources(): Promise<Source[]> {
    const realRoot = await realpath(this.dir).catch(() => {
      throw new BuildError(`${this.dir}: no such folder of article sources`, 'articles-folder');
    });
    this.seen.set(realRoot, this.dir);
    const found: Source[] = [];
    const links: string[] = [];
    await this.walk(this.dir, found, links);
    // Links last, so what is there in its own right is read at its own path.
    for (let link = links.shift(); link !== undefined; link = links.shift()) {
      await this.follow(link, realRoot, found, links);
    }
    for (const { pattern } of this.ignore) {
      if (!this.used.has(pattern))
        this.note(pattern.file, pattern.line, 'ignore', `"${pattern.pattern}" in the ignore list matches no file`);
    }
    return found;
  }

  /**
   * Why a path of the folder is left out (an editor's file, hidden, in a tool's folder, or
   * ignored), checking each folder on the way to it; undefined when it is not.
   */
  skipReason(file: string): string | undefined {
    const relative = path.relative(path.resolve(this.dir), path.resolve(file)).split(path.sep);
    for (let i = 0; i < relative.length; i++) {
      const skip = this.skipped(relative.slice(0, i + 1).join('/'), i < relative.length - 1, false);
      if (skip) return skip.why;
    }
    return undefined;
  }

  /**
   * Why one entry is passed over, by its path relative to the folder ("/" between folders);
   * `quiet` for what needs no note (hidden files but Markdown ones, tools' folders).
   */
  private skipped(relative: string, isFolder: boolean, record: boolean): { why: string; quiet: boolean } | undefined {
    const name = relative.split('/').at(-1) ?? relative;
    const editor = EDITOR_FILES.find(([pattern]) => pattern.test(name))?.[1];
    if (editor) return { why: `it is ${editor}`, quiet: false };
    if (name.startsWith('.')) return { why: 'it is hidden (its name starts with ".")', quiet: !name.endsWith('.md') };
    if (isFolder && TOOL_FOLDERS.has(name)) return { why: "it is a tool's folder", quiet: true };
    const ignored = this.ignore.find(({ matches }) => matches(relative, isFolder))?.pattern;
    if (!ignored) return undefined;
    if (record) this.used.add(ignored);
    return {
      why: `it matches "${ignored.pattern}" in the ignore list (${ignored.file}:${ignored.line})`,
      quiet: false,
    };
  }

  private async walk(folder: string, found: Source[], links: string[]): Promise<void> {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      this.note(folder, 1, 'skipped', `skipped: the folder cannot be read (${errorCode(error)})`, 'warning');
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(folder, entry.name);
      if (entry.isSymbolicLink()) {
        links.push(file);
        continue;
      }
      await this.add(file, entry.isDirectory(), entry.isFile(), found, links);
    }
  }

  /** One entry: a folder to look through or a page bundle, an article source, or what is passed over. */
  private async add(file: string, isFolder: boolean, isFile: boolean, found: Source[], links: string[]) {
    const relative = path.relative(this.dir, file).split(path.sep).join('/');
    const name = path.basename(file);
    const skip = this.skipped(relative, isFolder, true);
    if (skip) {
      if (!skip.quiet) this.note(file, 1, 'skipped', `skipped: ${skip.why}`);
      return;
    }
    const real = await realpath(file);
    const before = this.seen.get(real);
    if (before !== undefined) {
      this.note(file, 1, 'skipped', `skipped: the same ${isFolder ? 'folder' : 'file'} as ${before}, already read`);
      return;
    }
    if (isFolder) {
      this.seen.set(real, file);
      const bundle = path.join(file, 'index.md');
      if ((await stat(bundle).catch(() => null))?.isFile()) {
        const index = await realpath(bundle);
        this.seen.set(index, bundle);
        found.push({ file: bundle, name, real: index });
      } else await this.walk(file, found, links);
    } else if (name === SECTION_PAGE) {
      this.note(
        file,
        1,
        'section-page',
        'a section list page (_index.md) is not an article; the index page lists the articles itself. Skipped',
        'warning',
      );
    } else if (isFile && name.endsWith('.md')) {
      this.seen.set(real, file);
      found.push({ file, name: path.basename(name, '.md'), real });
    }
  }

  /** A symbolic link: followed where it leads to something inside the articles folder. */
  private async follow(link: string, realRoot: string, found: Source[], links: string[]) {
    const relative = path.relative(this.dir, link).split(path.sep).join('/');
    const skip = this.skipped(relative, false, true);
    if (skip) {
      if (!skip.quiet) this.note(link, 1, 'skipped', `skipped: ${skip.why}`);
      return;
    }
    const target = await stat(link).catch((error: unknown) => ({ error }));
    if ('error' in target) {
      const to = await readlink(link).catch(() => '?');
      const loop = errorCode(target.error) === 'ELOOP';
      this.note(
        link,
        1,
        'skipped',
        `skipped: it points at ${to}, ${loop ? 'which leads back to itself' : 'which does not exist'}`,
      );
      return;
    }
    const real = await realpath(link);
    const isFolder = target.isDirectory();
    if (!isInside(realRoot, real)) {
      // A picture linked from elsewhere is checked where an article shows it.
      if (isFolder || link.endsWith('.md'))
        this.note(
          link,
          1,
          'skipped',
          `skipped: a link to ${real}, outside the articles folder; move or copy it into the folder`,
          'warning',
        );
      return;
    }
    await this.add(link, isFolder, target.isFile(), found, links);
  }

  private note(file: string, line: number, rule: string, message: string, severity: Severity = 'note') {
    warn(this.diagnostics, file, line, rule, message, severity);
  }
}

const errorCode = (error: unknown): string =>
  error instanceof Error && 'code' in error ? String(error.code) : String(error);

/** Dated articles newest first, then undated ones by title. */
function newestFirst(a: SitePage, b: SitePage): number {
  const [da, db] = [a.article.meta.date, b.article.meta.date];
  if (da && db && dateInstant(da) !== dateInstant(db)) return dateInstant(db) - dateInstant(da);
  if (Boolean(da) !== Boolean(db)) return da ? -1 : 1;
  return a.article.meta.title.localeCompare(b.article.meta.title);
}

/**
 * The article shown at index.html when the site has one article; undefined when index.html
 * lists several.
 */
export const homePage = (site: Site): SitePage | undefined => site.pages.find((p) => p.page === 'index.html');

/**
 * Where an article's page stands in its site: the settings, and with several articles, links
 * to the index and the articles either side.
 */
export function pageContext(site: Site, page: SitePage): PageContext {
  const link = (to: SitePage | undefined) =>
    to && { page: to.page, title: to.article.meta.title, lang: to.article.meta.lang };
  return {
    site: site.config,
    page: page.page,
    nav: site.hasIndex ? { index: './', previous: link(page.previous), next: link(page.next) } : undefined,
  };
}
