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
  /** Pictures to publish beside the page. */
  files: PictureFile[];
}

export interface RenderOptions {
  site?: SiteConfig;
  /** The articles folder: pictures must be inside it. */
  root?: string;
}

/** `line` is 0-based within the Markdown body. */
type BodyFail = (line: number, rule: string, message: string) => never;
type BodyWarn = (line: number, rule: string, message: string) => void;

/** What the Markdown plugins and the renderer share while one article is rendered. */
interface ArticleEnv extends StructureEnv {
  title: string;
  picture?: (use: PictureUse) => string;
}

/**
 * Whether a source is a draft, which is not published. A source whose front matter cannot
 * be read is not a draft: rendering it reports why.
 */
export function isDraft(source: string): boolean {
  try {
    return (
      readFrontMatter(source.replace(/^\uFEFF/, ''), () => {
        throw new Error('unreadable');
      })?.data.draft === true
    );
  } catch {
    return false;
  }
}

/**
 * @param source the file's text
 * @param file the file's path, used in messages and to find its pictures
 */
export async function renderArticle(
  source: string,
  file: string,
  { site = DEFAULT_CONFIG, root = path.dirname(file) }: RenderOptions = {},
): Promise<Article> {
  const text = source.replace(/^\uFEFF/, '');
  function fail(line: number, rule: string, message: string, column?: number): never {
    throw new ArticleSourceError(file, line, rule, message, column);
  }
  const warnings: Diagnostic[] = [];
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
  const env: ArticleEnv = { title: meta.title };
  const tokens = md.parse(body, env);

  const uses = pictureUses(tokens, bodyFail);
  const pictures = new Map<string, Picture>();
  for (const use of uses) {
    if (pictures.has(use.src)) continue;
    const target = path.resolve(path.dirname(file), filePath(use.src));
    const relative = path.relative(path.resolve(root), target);
    if (relative.startsWith('..') || path.isAbsolute(relative))
      bodyFail(
        use.line,
        'picture',
        `picture "${use.src}" is outside the articles folder; keep pictures beside the article`,
      );
    try {
      pictures.set(use.src, await makePicture(target));
    } catch (error) {
      if (error instanceof PictureError) bodyFail(use.line, 'picture', error.message.replace(target, use.src));
      throw error;
    }
  }
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
    files: [...pictures.values()].flatMap((picture) => picture.files),
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
  md.use(footnote);
  md.use(deflist);
  // A disabled checkbox inside a label, so each has the item's text as its name.
  md.use(taskLists, { label: true });
  // After the task lists, so it runs before them (both go right after "inline") and sees source HTML only.
  md.use(rawHtml, { warn, fileLine });
  md.use(codeBlocks);
  md.use(editionStructure, { fail, warn });
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

/** The file an address names: without query or fragment, percent-escapes decoded where they are valid ("100%.png" is that file). */
function filePath(src: string): string {
  const address = src.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(address);
  } catch {
    return address;
  }
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
  { data, lineOf }: FrontMatter,
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
  if (slug !== undefined && !/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u.test(slug)) {
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
    ...readDate(data.date, () =>
      warn(
        lineOf('date'),
        'front-matter-value',
        `"date" is not a date (such as 2024-05-31 or 2024-05-31T09:00:00Z): ${String(data.date)}; the article is shown undated`,
      ),
    ),
    ...(slug ? { slug } : {}),
  };
}

/** @param value a YAML or TOML date, or text */
function readDate(value: unknown, invalid: () => void): { date?: string } {
  if (value === undefined || value === null || value === '') return {};
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    invalid();
    return {};
  }
  const iso = date.toISOString();
  // A date without a time stays a date: YAML and TOML read it as midnight UTC.
  return { date: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z') };
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

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}
