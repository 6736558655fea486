// Turns one article source (Markdown with YAML or TOML front matter) into the edition's
// semantic HTML. Runs at build time and in the dev server, never in the browser,
// so the article is complete in the served HTML before any script runs.
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import attrs from 'markdown-it-attrs';
import deflist from 'markdown-it-deflist';
import footnote from 'markdown-it-footnote';
import taskLists from 'markdown-it-task-lists';
import { editionStructure } from './edition-structure.ts';
import { ArticleSourceError } from '../diagnostics.ts';
import { readFrontMatter } from './front-matter.ts';
import { DEFAULT_CONFIG, LANGUAGE_TAG } from '../site-config.ts';
import { removeShortcodes } from './shortcodes.ts';
import { isLocalSource, isRaw, rawHtml, renderWithRawHtml } from './raw-html.ts';
import { makePicture, pictureMarkup, PictureError } from './pictures.ts';
import { codeBlocks } from './code-blocks.ts';

export { ArticleSourceError };

/** Words per minute used for the reading-time estimate (adult silent reading of non-fiction). */
export const WORDS_PER_MINUTE = 230;

/** Front-matter keys the edition uses; any other is reported and ignored. */
const KNOWN_KEYS = ['title', 'author', 'authors', 'date', 'lang', 'description', 'slug', 'draft'];

/** A description made from the first paragraph stops at a word before this many characters. */
const DESCRIPTION_LENGTH = 160;

/**
 * @typedef {object} ArticleMeta
 * @property {string} title
 * @property {string[]} authors
 * @property {string} [author] the authors as one line ("A and B"), if any
 * @property {string} lang BCP 47 language tag
 * @property {'ltr' | 'rtl'} dir the language's direction
 * @property {string} description
 * @property {string} [date] ISO 8601 date (or date and time) of publication
 * @property {string} [slug] output file name without `.html`; defaults to the source's name
 *
 * @typedef {import('../diagnostics.ts').Diagnostic} Diagnostic
 *
 * @typedef {object} Article
 * @property {ArticleMeta} meta
 * @property {string} html the article body, from the first paragraph to the author note
 * @property {{ id: string, text: string }[]} sections one entry per h2, in order
 * @property {number} wordCount words in the title and body
 * @property {number} readingMinutes
 * @property {Diagnostic[]} warnings what the source had that the page does not use
 * @property {{ path: string, body: Buffer }[]} files pictures to publish beside the page
 *
 * @typedef {object} RenderOptions
 * @property {import('../site-config.ts').SiteConfig} [site]
 * @property {string} [root] the articles folder: pictures must be inside it
 */

/**
 * Whether a source is a draft, which is not published. A source whose front matter cannot
 * be read is not a draft: rendering it reports why.
 * @param {string} source
 */
export function isDraft(source) {
  try {
    return readFrontMatter(source.replace(/^\uFEFF/, ''), () => {
      throw new Error('unreadable');
    })?.data.draft === true;
  } catch {
    return false;
  }
}

/**
 * @param {string} source the file's text
 * @param {string} file the file's path, used in messages and to find its pictures
 * @param {RenderOptions} [options]
 * @returns {Promise<Article>}
 */
export async function renderArticle(source, file, { site = DEFAULT_CONFIG, root = path.dirname(file) } = {}) {
  const text = source.replace(/^\uFEFF/, '');
  const fail = (/** @type {number} */ line, /** @type {string} */ message) => {
    throw new ArticleSourceError(file, line, message);
  };
  /** @type {Diagnostic[]} */
  const warnings = [];
  const front = readFrontMatter(text, fail);
  if (!front) return fail(1, 'the file must start with front matter between --- lines (YAML) or +++ lines (TOML), giving at least a title');
  const meta = readMeta(front, site, (line, message) => warnings.push({ file, line, message }), fail);

  // Lines of the body are counted from 0; the file's from 1, after the front matter.
  const bodyFail = (/** @type {number} */ line, /** @type {string} */ message) => fail(front.bodyLine + line + 1, message);
  const bodyWarn = (/** @type {number} */ line, /** @type {string} */ message) => warnings.push({ file, line: front.bodyLine + line + 1, message });

  const body = removeShortcodes(front.content, { codeLines: codeLines(front.content), warn: bodyWarn });
  const md = markdown(bodyFail, bodyWarn, (line) => front.bodyLine + line + 1);
  /** @type {{ title: string, sections?: { id: string, text: string }[], words?: number, picture?: (use: PictureUse) => string }} */
  const env = { title: meta.title };
  const tokens = md.parse(body, env);

  const uses = pictureUses(tokens, bodyFail);
  /** @type {Map<string, import('./pictures.ts').Picture>} */
  const pictures = new Map();
  for (const use of uses) {
    if (pictures.has(use.src)) continue;
    const target = path.resolve(path.dirname(file), decodeURIComponent(use.src.replace(/[?#].*$/, '')));
    const relative = path.relative(path.resolve(root), target);
    if (relative.startsWith('..') || path.isAbsolute(relative)) bodyFail(use.line, `picture "${use.src}" is outside the articles folder; keep pictures beside the article`);
    try {
      pictures.set(use.src, await makePicture(target));
    } catch (error) {
      if (error instanceof PictureError) bodyFail(use.line, error.message.replace(target, use.src));
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
    ? renderWithRawHtml(md, tokens, env, (attribs) => env.picture?.({ src: attribs.src ?? '', alt: attribs.alt ?? '', width: Number(attribs.width) || undefined }) ?? null)
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

/**
 * The Markdown parser, with the edition's rules.
 * @param {(line: number, message: string) => never} fail
 * @param {(line: number, message: string) => void} warn
 * @param {(line: number) => number} fileLine
 */
function markdown(fail, warn, fileLine) {
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
    return env.picture?.({ src: token.attrGet('src') ?? '', alt: token.content }) ?? '';
  };
  return md;
}

/**
 * @typedef {object} PictureUse
 * @property {string} src as written in the source
 * @property {string} alt
 * @property {number} [width] the display width the source's HTML gives
 * @property {number} [line] 0-based in the body
 */

/**
 * Every local picture the article shows, in reading order: Markdown images and raw <img>s.
 * @param {import('markdown-it/lib/token.mjs').default[]} tokens
 * @param {(line: number, message: string) => never} fail
 * @returns {(PictureUse & { line: number })[]}
 */
function pictureUses(tokens, fail) {
  /** @type {(PictureUse & { line: number })[]} */
  const uses = [];
  /** @param {import('markdown-it/lib/token.mjs').default} token @param {number} line */
  const visit = (token, line) => {
    if (token.type === 'image') uses.push({ src: token.attrGet('src') ?? '', alt: token.content, line });
    for (const tag of /** @type {import('./raw-html.ts').RawTag[]} */ (token.meta?.tags ?? [])) {
      if (tag.name !== 'img' || !isLocalSource(tag.attribs.src ?? '')) continue;
      if (tag.attribs.alt === undefined) fail(tag.line, `<img src="${tag.attribs.src}"> needs alt text: alt="what it shows", or alt="" if it is only decoration`);
      uses.push({ src: tag.attribs.src, alt: tag.attribs.alt, line: tag.line });
    }
  };
  for (const token of tokens) {
    visit(token, token.map?.[0] ?? 0);
    for (const child of token.children ?? []) visit(child, token.map?.[0] ?? 0);
  }
  return uses;
}

/**
 * 0-based lines of the body inside code blocks, where a shortcode is an example, not a call.
 * @param {string} body
 */
function codeLines(body) {
  const lines = new Set();
  for (const token of new MarkdownIt().parse(body, {})) {
    if ((token.type === 'fence' || token.type === 'code_block') && token.map) {
      for (let line = token.map[0]; line < token.map[1]; line++) lines.add(line);
    }
  }
  return lines;
}

/**
 * @param {import('./front-matter.ts').FrontMatter} front
 * @param {import('../site-config.ts').SiteConfig} site
 * @param {(line: number, message: string) => void} warn
 * @param {(line: number, message: string) => never} fail
 * @returns {ArticleMeta}
 */
function readMeta({ data, lineOf }, site, warn, fail) {
  for (const key of Object.keys(data)) {
    if (KNOWN_KEYS.includes(key)) continue;
    const why = key === 'home' ? 'no longer needed: with several articles the build writes an index page' : `not used by this edition (it reads ${KNOWN_KEYS.join(', ')})`;
    warn(lineOf(key), `"${key}" in the front matter is ${why}; ignored`);
  }
  const text = (/** @type {string} */ key) => {
    const value = data[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') return fail(lineOf(key), `"${key}" must be text, not ${Array.isArray(value) ? 'a list' : typeof value}`);
    return value.trim();
  };

  const title = text('title');
  if (!title) return fail(lineOf('title'), 'front matter needs "title" as non-empty text');

  /** @type {string[]} */
  const authors = [];
  for (const key of ['authors', 'author']) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    const list = Array.isArray(value) ? value : [value];
    for (const name of list) {
      if (typeof name !== 'string' || name.trim() === '') return fail(lineOf(key), `"${key}" must be a name, or a list of names`);
      if (!authors.includes(name.trim())) authors.push(name.trim());
    }
  }
  if (authors.length === 0 && site.author) authors.push(site.author);

  const lang = text('lang') || site.language;
  if (!LANGUAGE_TAG.test(lang)) return fail(lineOf('lang'), `"lang" must be a BCP 47 language tag such as "en" or "en-GB", not "${lang}"`);

  const slug = text('slug');
  if (slug !== undefined && !/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u.test(slug)) {
    return fail(lineOf('slug'), `"slug" names the page's file, so only letters, digits, "-" and "_": not "${slug}"`);
  }
  if (data.draft !== undefined && typeof data.draft !== 'boolean') fail(lineOf('draft'), '"draft" must be true or false');

  return {
    title,
    authors,
    ...(authors.length > 0 ? { author: joinNames(authors, lang) } : {}),
    lang,
    dir: /** @type {'ltr' | 'rtl'} */ (textDirection(lang)),
    description: text('description') ?? '',
    ...readDate(data.date, () => warn(lineOf('date'), `"date" is not a date (such as 2024-05-31 or 2024-05-31T09:00:00Z): ${String(data.date)}; the article is shown undated`)),
    ...(slug ? { slug } : {}),
  };
}

/**
 * @param {unknown} value a YAML or TOML date, or text
 * @param {() => void} invalid
 * @returns {{ date?: string }}
 */
function readDate(value, invalid) {
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

/**
 * "A", "A and B", "A, B and C", in the article's language.
 * @param {string[]} names
 * @param {string} lang
 */
function joinNames(names, lang) {
  try {
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/** @param {string} lang */
export function textDirection(lang) {
  try {
    const locale = /** @type {Intl.Locale & { textInfo?: { direction?: string }, getTextInfo?: () => { direction?: string } }} */ (new Intl.Locale(lang));
    return (locale.getTextInfo?.() ?? locale.textInfo)?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/**
 * The text of the article's first paragraph, for a description the source did not give.
 * @param {import('markdown-it/lib/token.mjs').default[]} tokens
 */
function firstParagraph(tokens) {
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

/**
 * Shortens text at a word boundary, marking the cut with an ellipsis.
 * @param {string} text
 */
export function shorten(text, length = DESCRIPTION_LENGTH) {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/, '')}…`;
}

/** @param {string} text */
export function countWords(text) {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** @param {string} text */
export function slugify(text) {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}
