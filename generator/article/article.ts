// Turns one article source (Markdown with YAML or TOML front matter) into the edition's
// semantic HTML. Runs at build time and in the dev server, never in the browser,
// so the article is complete in the served HTML before any script runs.
import path from 'node:path';
import MarkdownIt, { type MarkdownIt as Markdown, type Token } from 'markdown-it';
import anchor from 'markdown-it-anchor';
import attrs from 'markdown-it-attrs';
import deflist from 'markdown-it-deflist';
import footnote from 'markdown-it-footnote';
import taskLists from 'markdown-it-task-lists';
import { editionStructure, type Section, type StructureEnv } from './edition-structure.ts';
import { ArticleSourceError, type Diagnostic } from '../diagnostics.ts';
import { readFrontMatter, type FrontMatter } from './front-matter.ts';
import { DEFAULT_CONFIG, LANGUAGE_TAG, type SiteConfig } from '../site-config.ts';
import { removeShortcodes } from './shortcodes.ts';
import { isLocalSource, isRaw, rawHtml, renderWithRawHtml, tagsOf } from './raw-html.ts';
import { makePicture, pictureMarkup, PictureError, type Picture, type PictureFile } from './pictures.ts';
import { codeBlocks } from './code-blocks.ts';
import { readWrittenDate } from './dates.ts';
import { withoutControlCharacters } from './source-text.ts';
import { containment, filePath, LinkResolver, type LinkedFile, type LinkTargets } from './local-files.ts';
import { PAGE_IDS } from '../page/page.ts';
import { proseRuns, sourceProse, type ProseRun } from './prose.ts';

export { ArticleSourceError };

/** Words per minute used for the reading-time estimate (adult silent reading of non-fiction). */
export const WORDS_PER_MINUTE = 230;

/** Front-matter keys the edition uses; any other is reported and ignored. */
const KNOWN_KEYS = ['title', 'author', 'authors', 'date', 'lang', 'description', 'slug', 'draft'];

/** A description made from the first paragraph stops at a word before this many characters. */
const DESCRIPTION_LENGTH = 160;

export interface ArticleMeta {
  title: string;
  authors: string[];
  /** The authors as one line ("A and B"), if any. */
  author?: string;
  /** BCP 47 language tag. */
  lang: string;
  /** The language's direction. */
  dir: 'ltr' | 'rtl';
  description: string;
  /** ISO 8601 date (or date and time) of publication. */
  date?: string;
  /** Output file name without `.html`; defaults to the source's name. */
  slug?: string;
}

export interface Article {
  meta: ArticleMeta;
  /** The article body, from the first paragraph to the author note. */
  html: string;
  /** One entry per h2, in order. */
  sections: Section[];
  /** Words in the title and body. */
  wordCount: number;
  readingMinutes: number;
  /** What the source had that the page does not use. */
  warnings: Diagnostic[];
  /** Pictures and linked files to publish beside the page. */
  files: PictureFile[];
  /** The source's text: the title where the front matter gives it, the body in the page's order (see prose.ts). */
  prose: { title: ProseRun; body: ProseRun[] };
  /** Links to a place in the page (`#id`), with their lines, for the build to check once the page is written. */
  fragments: { id: string; line: number }[];
  /** Links to the site's other pages and files (see leadsIntoSite), as written, with their lines: the book can follow them only to the site's address. */
  siteLinks: { href: string; line: number }[];
}

export interface RenderOptions {
  site?: SiteConfig;
  /** The articles folder: pictures and linked files must be inside it. */
  root?: string;
  /** The site's articles, for links to their sources; without them such links are left as written. */
  links?: LinkTargets;
}

/** `line` is 0-based within the Markdown body. */
type BodyFail = (line: number, rule: string, message: string) => never;
type BodyWarn = (line: number, rule: string, message: string) => void;

/** What the Markdown plugins and the renderer share while one article is rendered. */
interface ArticleEnv extends StructureEnv {
  title: string;
  picture?: (use: PictureUse) => string;
  /** markdown-it-anchor's ids given so far. */
  markdownItAnchor?: { slugs?: Record<string, boolean> };
  /** markdown-it-footnote's notes. */
  footnotes?: { list?: unknown[] };
}

/** What a slug in the front matter may be: it names the page's file. */
const SLUG = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;

/** Marks a link (its open and close tokens' meta) that leads nowhere, rendered as its text alone. */
const UNLINKED = 'unlinked';

/**
 * What the site needs of a source before rendering any: whether it is a draft (not published),
 * its title, and the page name its front matter asks for. A source whose front matter cannot be
 * read is not a draft and asks for none: rendering it reports why.
 */
export interface SourcePeek {
  draft: boolean;
  title?: string;
  /** The front matter's slug where it is one the page can take, and its line. */
  slug?: { name: string; line: number };
}

export function peekSource(source: string): SourcePeek {
  try {
    const front = readFrontMatter(source.replace(/^\uFEFF/, ''), () => {
      throw new Error('unreadable');
    });
    const { title, slug, draft } = front?.data ?? {};
    return {
      draft: draft === true,
      ...(typeof title === 'string' && title.trim() ? { title: title.trim() } : {}),
      ...(front && typeof slug === 'string' && SLUG.test(slug.trim())
        ? { slug: { name: slug.trim(), line: front.lineOf('slug') } }
        : {}),
    };
  } catch {
    return { draft: false };
  }
}

/**
 * @param source the file's text
 * @param file the file's path, used in messages and to find its pictures
 */
export async function renderArticle(
  source: string,
  file: string,
  { site = DEFAULT_CONFIG, root = path.dirname(file), links }: RenderOptions = {},
): Promise<Article> {
  const { text, warnings } = withoutControlCharacters(source.replace(/^\uFEFF/, ''), file);
  function fail(line: number, rule: string, message: string, column?: number): never {
    throw new ArticleSourceError(file, line, rule, message, column);
  }
  const warn = (line: number, rule: string, message: string) => {
    warnings.push({ file, line, severity: 'warning', rule, message });
  };
  const front = readFrontMatter(text, (line, message, column) => fail(line, 'front-matter', message, column));
  if (!front)
    return fail(
      1,
      'front-matter',
      'the file must start with front matter between --- lines (YAML) or +++ lines (TOML), giving at least a title',
    );
  const meta = readMeta(front, site, warn, fail);

  // Lines of the body are counted from 0; the file's from 1, after the front matter.
  const fileLine = (line: number) => front.bodyLine + line + 1;
  const bodyFail: BodyFail = (line, rule, message) => fail(fileLine(line), rule, message);
  const bodyWarn: BodyWarn = (line, rule, message) => warn(fileLine(line), rule, message);

  const body = removeShortcodes(front.content, { codeLines: codeLines(front.content), warn: bodyWarn });
  const md = markdown(bodyFail, bodyWarn, fileLine);
  const env: ArticleEnv = { title: meta.title, lang: meta.lang };
  const tokens = md.parse(body, env);

  const uses = pictureUses(tokens, bodyFail);
  const pictures = new Map<string, Picture>();
  for (const use of uses) {
    if (pictures.has(use.src)) continue;
    const target = path.resolve(path.dirname(file), filePath(use.src));
    if ((await containment(root, target)) === 'outside')
      bodyFail(
        use.line,
        'picture',
        `picture "${use.src}" is outside the articles folder; keep pictures beside the article`,
      );
    try {
      const picture = await makePicture(target);
      pictures.set(use.src, picture);
      for (const warning of picture.warnings ?? []) bodyWarn(use.line, 'picture', `picture "${use.src}" ${warning}`);
    } catch (error) {
      if (error instanceof PictureError) bodyFail(use.line, 'picture', error.message.replace(target, use.src));
      throw error;
    }
  }
  const linked = await resolveLinks(tokens, new LinkResolver(file, root, links), bodyWarn);
  const first = uses[0]?.src;
  env.picture = ({ src, alt, width }) => {
    const picture = pictures.get(src);
    return picture ? pictureMarkup(picture, { alt, width, eager: src === first }) : '';
  };

  const hasRawHtml = tokens.some((token) => isRaw(token) || token.children?.some(isRaw));
  const html = hasRawHtml
    ? renderWithRawHtml(
        md,
        tokens,
        env,
        (attribs) =>
          env.picture?.({
            src: attribs.src ?? '',
            alt: attribs.alt ?? '',
            width: Number(attribs.width) || undefined,
          }) ?? null,
      )
    : md.renderer.render(tokens, md.options, env);
  // An article that opens with no paragraph at all is described by its title.
  if (meta.description === '') meta.description = shorten(firstParagraph(tokens)) || meta.title;
  const wordCount = countWords(meta.title) + (env.words ?? 0);
  return {
    meta,
    html,
    sections: env.sections ?? [],
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
    warnings,
    files: [...[...pictures.values()].flatMap((picture) => picture.files), ...linked],
    prose: { title: { text: meta.title, line: front.lineOf('title') }, body: proseRuns(env, fileLine) },
    fragments: linksOf(tokens)
      .filter(({ href }) => href.startsWith('#'))
      .map(({ href, line }) => ({ id: href.slice(1), line: fileLine(line) })),
    siteLinks: linksOf(tokens)
      .filter(({ href }) => leadsIntoSite(href))
      .map(({ href, line }) => ({ href, line: fileLine(line) })),
  };
}

/** The Markdown parser, with the edition's rules. */
function markdown(fail: BodyFail, warn: BodyWarn, fileLine: (line: number) => number): Markdown {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  md.use(attrs, { allowedAttributes: ['class'] });
  // Ids for links, without markdown-it-anchor's default tabindex="-1": following a link to a
  // heading moves where Tab goes next without focusing it, and a focusable heading is
  // announced as "clickable" in Chromium.
  md.use(anchor, { slugify, tabIndex: false });
  // Ids the page around the article and its notes already use: a heading gets another
  // ("Footnotes" becomes footnotes-1), so each link and label reaches the one it names.
  md.core.ruler.before('anchor', 'taken_ids', (state) => {
    const env = state.env as ArticleEnv;
    const taken = ((env.markdownItAnchor ??= {}).slugs ??= {});
    const notes = env.footnotes?.list?.length ?? 0;
    for (const id of [...PAGE_IDS, ...Array.from({ length: notes }, (_, n) => [`fn${n + 1}`, `fnref${n + 1}`]).flat()])
      taken[id] = true;
  });
  md.use(footnote);
  md.use(sourceProse, { warn });
  md.use(deflist);
  // A disabled checkbox inside a label, so each has the item's text as its name.
  md.use(taskLists, { label: true });
  md.use(codeBlocks);
  md.use(editionStructure, { fail, warn });
  // Last: its first rule goes right after "inline", before the task lists', so it sees source
  // HTML only; its second runs after every other, on the tokens as they are rendered.
  md.use(rawHtml, { warn, fail, fileLine });
  // A link that leads nowhere keeps its text (see resolveLinks).
  const link = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, i, options, env, self) =>
    tokens[i].meta?.[UNLINKED] ? '' : (link?.(tokens, i, options, env, self) ?? self.renderToken(tokens, i, options));
  const linkEnd = md.renderer.rules.link_close;
  md.renderer.rules.link_close = (tokens, i, options, env, self) =>
    tokens[i].meta?.[UNLINKED]
      ? ''
      : (linkEnd?.(tokens, i, options, env, self) ?? self.renderToken(tokens, i, options));
  md.renderer.rules.image = (tokens, i, _options, env) => {
    const token = tokens[i];
    return (
      (env as ArticleEnv | undefined)?.picture?.({ src: String(token.attrGet('src') ?? ''), alt: token.content }) ?? ''
    );
  };
  return md;
}

interface PictureUse {
  /** As written in the source. */
  src: string;
  alt: string;
  /** The display width the source's HTML gives. */
  width?: number;
}

/** Every local picture the article shows, in reading order: Markdown images and raw <img>s; `line` is 0-based in the body. */
function pictureUses(tokens: Token[], fail: BodyFail): (PictureUse & { line: number })[] {
  const uses: (PictureUse & { line: number })[] = [];
  const visit = (token: Token, line: number) => {
    if (token.type === 'image') uses.push({ src: String(token.attrGet('src') ?? ''), alt: token.content, line });
    for (const tag of tagsOf(token)) {
      const { src = '', alt } = tag.attribs;
      if (tag.name !== 'img' || !isLocalSource(src)) continue;
      if (alt === undefined)
        return fail(
          tag.line,
          'alt-text',
          `<img src="${src}"> needs alt text: alt="what it shows", or alt="" if it is only decoration`,
        );
      uses.push({ src, alt, line: tag.line });
    }
  };
  for (const token of tokens) {
    visit(token, token.map?.[0] ?? 0);
    for (const child of token.children ?? []) visit(child, token.map?.[0] ?? 0);
  }
  return uses;
}

/**
 * Points each relative Markdown link at what it names: another article's page, or a file
 * published beside the pages. A link that leads nowhere is reported and left out, its text
 * kept, so no reader follows it to a missing page. Returns the files to publish.
 */
async function resolveLinks(tokens: Token[], resolver: LinkResolver, warn: BodyWarn): Promise<LinkedFile[]> {
  for (const token of tokens) {
    const children = token.children ?? [];
    for (const [i, child] of children.entries()) {
      if (child.type !== 'link_open') continue;
      const href = String(child.attrGet('href') ?? '');
      const resolved = await resolver.resolve(href);
      if (resolved === null) continue;
      if ('href' in resolved) {
        child.attrSet('href', resolved.href);
        continue;
      }
      // The paragraph's line, and one more for each line break before the link.
      const line = (token.map?.[0] ?? 0) + children.slice(0, i).filter((c) => /^(soft|hard)break$/.test(c.type)).length;
      warn(line, 'link', `the link to "${resolved.written}" is left out, its text kept: ${resolved.problem}`);
      // Links do not nest, so the next close is this link's.
      const close = children.slice(i).find((next) => next.type === 'link_close');
      for (const end of [child, close]) if (end) end.meta = { ...end.meta, [UNLINKED]: true };
    }
  }
  return [...resolver.files.values()];
}

/** Every link to a place in the page (`#id`), Markdown's and raw HTML's; `line` is 0-based in the body. */
/**
 * Whether a link's address leads to another page or file of the site: neither a place in the page
 * (`#id`) nor an address with a scheme (the web, mail).
 */
export function leadsIntoSite(href: string): boolean {
  // As a browser reads an address: tabs and line breaks dropped, so "java\tscript:" is a scheme.
  const address = href.replace(/[\t\n\r]/g, '').trim();
  return address !== '' && !address.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(address);
}

/** Every link that leads somewhere (Markdown's and raw HTML's), its address as written, with its 0-based line. */
function linksOf(tokens: Token[]): { href: string; line: number }[] {
  const links: { href: string; line: number }[] = [];
  for (const token of tokens) {
    let line = token.map?.[0] ?? 0;
    for (const child of [token, ...(token.children ?? [])]) {
      if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
      if (child.type === 'link_open' && !child.meta?.[UNLINKED])
        links.push({ href: String(child.attrGet('href') ?? ''), line });
      for (const tag of tagsOf(child))
        if (tag.name === 'a' && tag.attribs.href !== undefined)
          links.push({ href: tag.attribs.href.trim(), line: tag.line });
    }
  }
  return links;
}

/** 0-based lines of the body inside code blocks, where a shortcode is an example, not a call. */
function codeLines(body: string): Set<number> {
  const lines = new Set<number>();
  for (const token of new MarkdownIt().parse(body, {})) {
    if ((token.type === 'fence' || token.type === 'code_block') && token.map) {
      for (let line = token.map[0]; line < token.map[1]; line++) lines.add(line);
    }
  }
  return lines;
}

/** `line` is 1-based in the file. */
function readMeta(
  { data, lineOf, writtenValue }: FrontMatter,
  site: SiteConfig,
  warn: (line: number, rule: string, message: string) => void,
  fail: (line: number, rule: string, message: string) => never,
): ArticleMeta {
  for (const key of Object.keys(data)) {
    if (KNOWN_KEYS.includes(key)) continue;
    const why =
      key === 'home'
        ? 'no longer needed: with several articles the build writes an index page'
        : `not used by this edition (it reads ${KNOWN_KEYS.join(', ')})`;
    warn(lineOf(key), 'unknown-key', `"${key}" in the front matter is ${why}; ignored`);
  }
  const invalid = (key: string, message: string) => fail(lineOf(key), 'front-matter-value', message);
  const text = (key: string): string | undefined => {
    const value = data[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string')
      return invalid(key, `"${key}" must be text, not ${Array.isArray(value) ? 'a list' : typeof value}`);
    return value.trim();
  };

  const title = text('title');
  if (!title) return invalid('title', 'front matter needs "title" as non-empty text');

  const authors: string[] = [];
  for (const key of ['authors', 'author']) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    const list: unknown[] = Array.isArray(value) ? value : [value];
    for (const name of list) {
      if (typeof name !== 'string' || name.trim() === '')
        return invalid(key, `"${key}" must be a name, or a list of names`);
      if (!authors.includes(name.trim())) authors.push(name.trim());
    }
  }
  if (authors.length === 0 && site.author) authors.push(site.author);

  const lang = text('lang') || site.language;
  if (!LANGUAGE_TAG.test(lang))
    return invalid('lang', `"lang" must be a BCP 47 language tag such as "en" or "en-GB", not "${lang}"`);

  const slug = text('slug');
  if (slug !== undefined && !SLUG.test(slug)) {
    return invalid('slug', `"slug" names the page's file, so only letters, digits, "-" and "_": not "${slug}"`);
  }
  if (data.draft !== undefined && typeof data.draft !== 'boolean') invalid('draft', '"draft" must be true or false');

  return {
    title,
    authors,
    ...(authors.length > 0 ? { author: joinNames(authors, lang) } : {}),
    lang,
    dir: textDirection(lang),
    description: text('description') ?? '',
    ...readDate(data.date, writtenValue('date'), (problem) =>
      problem
        ? fail(lineOf('date'), 'front-matter-value', `"date" ${problem}`)
        : warn(
            lineOf('date'),
            'front-matter-value',
            `"date" is not a date (such as 2024-05-31 or 2024-05-31T09:00:00Z): ${String(data.date)}; the article is shown undated`,
          ),
    ),
    ...(slug ? { slug } : {}),
  };
}

/**
 * The date as written: YAML's is text (see front-matter.ts); TOML's is a Date, which has lost
 * what was written (2024-02-30 became March 1), so its line is read again.
 * @param invalid called with what is wrong when it looks like a date, else with nothing
 */
function readDate(value: unknown, written: string | undefined, invalid: (problem?: string) => void): { date?: string } {
  if (value === undefined || value === null || value === '') return {};
  const text = value instanceof Date ? (written ?? value.toISOString()) : typeof value === 'string' ? value : null;
  const date = text === null ? undefined : readWrittenDate(text);
  if (date && 'date' in date) return { date: date.date };
  invalid(date?.problem);
  return {};
}

/** "A", "A and B", "A, B and C", in the article's language. */
function joinNames(names: string[], lang: string): string {
  try {
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/** Text information as engines give it: getTextInfo() now, the textInfo getter in older V8; not yet in TypeScript's lib. */
type LocaleWithTextInfo = Intl.Locale & {
  textInfo?: { direction?: string };
  getTextInfo?: () => { direction?: string };
};

export function textDirection(lang: string): 'ltr' | 'rtl' {
  try {
    const locale: LocaleWithTextInfo = new Intl.Locale(lang);
    return (locale.getTextInfo?.() ?? locale.textInfo)?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** The text of the article's first paragraph, for a description the source did not give. */
function firstParagraph(tokens: Token[]): string {
  for (let i = 0; i < tokens.length - 1; i++) {
    if (tokens[i].type !== 'paragraph_open' || tokens[i].level !== 0) continue;
    const words = (tokens[i + 1].children ?? [])
      .filter((child) => child.type === 'text' || child.type === 'code_inline' || child.type === 'softbreak')
      .map((child) => (child.type === 'softbreak' ? ' ' : child.content))
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    if (words) return words;
  }
  return '';
}

/** Shortens text at a word boundary, marking the cut with an ellipsis. */
export function shorten(text: string, length = DESCRIPTION_LENGTH): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/, '')}…`;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** A heading's id: never empty, as a heading of emoji alone would make it ("section" then). */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s-]/gu, '')
      .trim()
      .replace(/\s+/g, '-') || 'section'
  );
}
