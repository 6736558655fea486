// A markdown-it plugin that adds the edition's structure to plain Markdown:
//  - the article's headings shift so its outline starts at h2, under the page's h1, whatever
//    level the source's sections start at (a blog post often starts them at ###);
//  - every h2 and what follows it becomes a <section>, taking the h2's class (unnamed, so not a
//    region landmark: landmarks are the page's banner, navigation, main and footer, and the
//    heading already gives the section's place in the outline);
//  - a picture alone in a paragraph, with an italic line under it, becomes
//    <figure>picture<figcaption>that line</figcaption></figure>;
//  - a blockquote whose last paragraph starts with "— " becomes
//    <div class="quote"><blockquote>…</blockquote><p class="attribution">attribution</p></div>
//    (not a figure: a figure is named by its figcaption, and Orca's say-all speaks the names of
//    the containers it enters, so it read the attribution before the quote and again after it);
//  - a table directly after a heading gets a caption in the heading's words, hidden from the eye
//    (the heading, just above, is its visible caption) and marked as the edition's: the heading
//    stays a heading in the outline, and the caption holds only text, which is what screen
//    readers say when they move to a table (Orca said nothing of a caption holding a heading);
//  - table header cells get scope, and each body row's first cell becomes its row header.
// It also rejects what the edition cannot present well, naming the source line.

import type { Env, MarkdownIt, StateCore, Token } from 'markdown-it';
import { wordsFor } from '../../src/words/tables.ts';

/** One h2 of the article, as the contents list it. */
export interface Section {
  id: string;
  text: string;
  /** The text is the edition's word ("Notes"), not the author's: marked as English where the language has no table. */
  edition?: true;
}

/** What this plugin reads from markdown-it's env (the title) and leaves in it. */
export interface StructureEnv extends Env {
  title?: unknown;
  /** The article's language, for the edition's words in it ("Notes"). */
  lang?: string;
  sections?: Section[];
  /** Words in the body's text. */
  words?: number;
}

/** `line` is 0-based within the Markdown body. */
type Fail = (line: number, rule: string, message: string) => never;
type Warn = (line: number, rule: string, message: string) => void;

const ATTRIBUTION = /^(—|--)\s+/;

/** Classes a source may give a heading ({.faq}): the ones the edition styles and reads. */
export const SOURCE_CLASSES = ['faq', 'author-note'];

/** Classes the Markdown plugins themselves set. */
const PLUGIN_CLASSES = ['task-list-item', 'contains-task-list', 'task-list-item-checkbox'];

export function editionStructure(md: MarkdownIt, { fail, warn }: { fail: Fail; warn: Warn }): void {
  md.core.ruler.push('edition_structure', (state) => {
    const env = state.env as StructureEnv;
    dropTitleHeading(state);
    state.tokens = withoutEmptyHeadings(state.tokens, warn);
    keepKnownClasses(state.tokens, warn);
    validate(state.tokens, fail);
    shiftHeadings(state.tokens, fail);
    const notesHeading = adoptNotesHeading(state.tokens);
    state.tokens = captionedPictures(state);
    state.tokens = wrapSections(state);
    state.tokens = quotesToFigures(state, fail);
    state.tokens = captionsFromHeadings(state);
    scopeTableHeaders(state.tokens);
    env.sections = collectSections(state.tokens);
    if (state.tokens.some((token) => token.type === 'footnote_block_open'))
      env.sections.push(
        notesHeading === undefined
          ? { id: 'footnotes', text: wordsFor(env.lang ?? 'en').build.notes, edition: true }
          : { id: 'footnotes', text: notesHeading },
      );
    env.words = countTextWords(state.tokens);
  });
}

/**
 * A first heading that repeats the title (a Markdown file that also starts with "# Title")
 * is the title, which the page already shows.
 */
function dropTitleHeading(state: StateCore): void {
  const [open, inline] = state.tokens;
  const { title } = state.env as StructureEnv;
  const same = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (open?.type === 'heading_open' && typeof title === 'string' && same(inlineText(inline)) === same(title)) {
    state.tokens.splice(0, 3);
  }
}

/**
 * A heading with no words (a "##" alone) is left out: it would be an empty stop in the outline
 * and an empty link in the contents.
 */
function withoutEmptyHeadings(tokens: Token[], warn: Warn): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [open, inline] = [tokens[i], tokens[i + 1]];
    if (open.type !== 'heading_open' || !inline || !isEmpty(inline)) {
      out.push(open);
      continue;
    }
    warn(
      open.map?.[0] ?? 0,
      'empty-heading',
      `this heading ("${open.markup}") has no words, so it is left out; give it some, or remove it`,
    );
    // The heading's open, inline and close tokens.
    i += 2;
  }
  return out;
}

/** Whether a heading's content has nothing to read: no text, code or picture. */
const isEmpty = (inline: Token): boolean =>
  !(inline.children ?? []).some(
    (child) =>
      child.type === 'image' || ((child.type === 'text' || child.type === 'code_inline') && child.content.trim()),
  );

function keepKnownClasses(tokens: Token[], warn: Warn): void {
  for (const token of tokens) {
    const className = attribute(token, 'class');
    if (!className) continue;
    const names = className.split(/\s+/).filter(Boolean);
    const kept = names.filter((name) => SOURCE_CLASSES.includes(name) || PLUGIN_CLASSES.includes(name));
    const dropped = names.filter((name) => !kept.includes(name));
    if (dropped.length > 0) {
      warn(
        token.map?.[0] ?? 0,
        'unknown-class',
        `class ${dropped.map((n) => `".${n}"`).join(', ')} is not one the edition knows (${SOURCE_CLASSES.map((n) => `.${n}`).join(', ')}); ignored`,
      );
    }
    if (kept.length > 0) token.attrSet('class', kept.join(' '));
    else token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'class');
  }
}

function validate(tokens: Token[], fail: Fail): void {
  for (const token of tokens) {
    const line = token.map?.[0] ?? 0;
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type === 'image') {
          const src = attribute(child, 'src');
          if (child.content.trim() === '')
            fail(
              line,
              'alt-text',
              `image "${src}" needs alt text: ![what it shows](${src}) (a decorative picture: <img src="${src}" alt="">)`,
            );
          if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src))
            fail(line, 'picture', `image "${src}" must be a file of this site, not loaded from elsewhere`);
        }
      }
    }
  }
}

/**
 * A heading the author wrote over the notes ("## Footnotes", then the notes) would be left
 * empty, the notes being gathered into a section of their own: that section takes its words.
 * Returns them, if there was one.
 */
function adoptNotesHeading(tokens: Token[]): string | undefined {
  const block = tokens.findIndex((token) => token.type === 'footnote_block_open');
  const [open, inline, close] = tokens.slice(block - 3, block);
  if (block < 3 || open.type !== 'heading_open' || close.type !== 'heading_close' || !inlineText(inline))
    return undefined;
  tokens.splice(block - 3, 3);
  tokens[block - 3].meta = { ...tokens[block - 3].meta, heading: inlineText(inline) };
  return inlineText(inline);
}

/**
 * Moves every heading by the same number of levels so the shallowest becomes h2, then fails
 * on a level that is skipped on the way down (h2 straight to h4), naming the source levels.
 */
function shiftHeadings(tokens: Token[], fail: Fail): void {
  const headings = tokens.filter((token) => token.type === 'heading_open' || token.type === 'heading_close');
  const levels = headings.map((token) => Number(token.tag.slice(1)));
  if (levels.length === 0) return;
  const top = Math.min(...levels);
  let previous = top - 1;
  for (const token of headings) {
    const level = Number(token.tag.slice(1));
    if (token.type === 'heading_open') {
      const line = token.map?.[0] ?? 0;
      if (level > previous + 1) {
        const from = previous < top ? 'the title' : `h${previous}`;
        fail(line, 'heading-level', `heading level skips from ${from} to h${level}; use h${previous + 1}`);
      }
      if (level - top + 2 > 6)
        fail(
          line,
          'heading-level',
          `this h${level} would be deeper than h6 once the outline starts at h2; use fewer levels`,
        );
      previous = level;
    }
    token.tag = `h${level - top + 2}`;
  }
}

/**
 * A picture alone in its paragraph with an italic line under it:
 * `![alt](file.jpg)` newline `*caption*` becomes a figure with that caption.
 */
function captionedPictures(state: StateCore): Token[] {
  const out: Token[] = [];
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const [open, inline, close] = tokens.slice(i, i + 3);
    const children = inline?.children ?? [];
    const captioned =
      open.type === 'paragraph_open' &&
      inline?.type === 'inline' &&
      close?.type === 'paragraph_close' &&
      children.length >= 4 &&
      children[0].type === 'image' &&
      children[1].type === 'softbreak' &&
      children[2].type === 'em_open' &&
      children.at(-1)?.type === 'em_close' &&
      children.slice(3, -1).every((child) => child.type !== 'em_close');
    if (!captioned) {
      out.push(open);
      continue;
    }
    const figure = new state.Token('figure_open', 'figure', 1);
    figure.map = open.map;
    const picture = new state.Token('inline', '', 0);
    picture.children = [children[0]];
    picture.content = inline.content.split('\n')[0];
    picture.map = inline.map;
    const caption = new state.Token('inline', '', 0);
    caption.children = children.slice(3, -1);
    caption.content = inline.content.split('\n').slice(1).join('\n');
    caption.map = inline.map;
    out.push(
      figure,
      picture,
      new state.Token('figcaption_open', 'figcaption', 1),
      caption,
      new state.Token('figcaption_close', 'figcaption', -1),
      new state.Token('figure_close', 'figure', -1),
    );
    i += 2;
  }
  return out;
}

function wrapSections(state: StateCore): Token[] {
  const out: Token[] = [];
  let open = false;
  for (const token of state.tokens) {
    // The notes are a section of their own, after the article's last.
    if (token.type === 'footnote_block_open' && open) {
      out.push(new state.Token('section_close', 'section', -1));
      open = false;
    }
    if (token.type === 'heading_open' && token.tag === 'h2' && token.level === 0) {
      if (open) out.push(new state.Token('section_close', 'section', -1));
      const section = new state.Token('section_open', 'section', 1);
      const className = attribute(token, 'class');
      if (className) {
        section.attrSet('class', className);
        token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'class');
      }
      section.map = token.map;
      out.push(section);
      open = true;
    }
    out.push(token);
  }
  if (open) out.push(new state.Token('section_close', 'section', -1));
  return out;
}

function quotesToFigures(state: StateCore, fail: Fail): Token[] {
  const tokens = state.tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== 'blockquote_open') {
      out.push(token);
      continue;
    }
    const close = matchingClose(tokens, i);
    // The attribution is the blockquote's last child paragraph: paragraph_open, inline, paragraph_close.
    const [pOpen, inline] = tokens.slice(close - 3, close);
    const attributed =
      pOpen?.type === 'paragraph_open' && pOpen.level === token.level + 1 && ATTRIBUTION.test(inline.content);
    if (!attributed) {
      out.push(...tokens.slice(i, close + 1));
      i = close;
      continue;
    }
    if (close - 3 === i + 1)
      fail(token.map?.[0] ?? 0, 'quote-attribution', 'this quote has an attribution but no quoted text');
    const first = inline.children?.[0];
    if (first?.type === 'text') first.content = first.content.replace(ATTRIBUTION, '');
    inline.content = inline.content.replace(ATTRIBUTION, '');

    const quote = new state.Token('div_open', 'div', 1);
    quote.attrSet('class', 'quote');
    quote.map = token.map;
    const attribution = new state.Token('paragraph_open', 'p', 1);
    attribution.attrSet('class', 'attribution');
    out.push(quote, ...tokens.slice(i, close - 3), tokens[close]);
    out.push(attribution, inline, new state.Token('paragraph_close', 'p', -1));
    out.push(new state.Token('div_close', 'div', -1));
    i = close;
  }
  return out;
}

function captionsFromHeadings(state: StateCore): Token[] {
  const out: Token[] = [];
  for (const token of state.tokens) {
    const [, inline, close] = out.slice(-3);
    out.push(token);
    if (token.type === 'table_open' && inline && close?.type === 'heading_close') {
      const caption = new state.Token('caption_open', 'caption', 1);
      caption.attrSet('class', 'visually-hidden');
      caption.attrSet('data-edition', '');
      out.push(caption, inline, new state.Token('caption_close', 'caption', -1));
    }
  }
  return out;
}

function scopeTableHeaders(tokens: Token[]): void {
  let inBody = false;
  let cell = 0;
  for (const token of tokens) {
    if (token.type === 'tbody_open') inBody = true;
    if (token.type === 'tbody_close') inBody = false;
    if (token.type === 'tr_open') cell = 0;
    if (token.type === 'th_open') token.attrSet('scope', 'col');
    if (token.type === 'td_open' && inBody && cell === 0) {
      token.tag = 'th';
      token.attrSet('scope', 'row');
    }
    if (token.type === 'td_close') {
      if (inBody && cell === 0) token.tag = 'th';
      cell++;
    }
    // Column alignment arrives as an inline style, which the Content-Security-Policy forbids.
    const style = attribute(token, 'style');
    if (style) {
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      token.attrJoin('class', `align-${style.replace('text-align:', '')}`);
    }
  }
}

function collectSections(tokens: Token[]): Section[] {
  // A heading that is only a picture is named in the contents by its alt text.
  const pictures = (inline: Token | undefined) =>
    (inline?.children ?? [])
      .filter((child) => child.type === 'image')
      .map((child) => child.content)
      .join(' ');
  return tokens.flatMap((token, i) =>
    token.type === 'heading_open' && token.tag === 'h2'
      ? [{ id: attribute(token, 'id'), text: inlineText(tokens[i + 1]) || pictures(tokens[i + 1]) }]
      : [],
  );
}

function countTextWords(tokens: Token[]): number {
  const text = tokens
    .filter((token) => token.type === 'inline')
    .map(inlineText)
    .join(' ');
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function inlineText(inline: Token | undefined): string {
  return (inline?.children ?? [])
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('')
    .trim();
}

function matchingClose(tokens: Token[], openIndex: number): number {
  let depth = 0;
  for (let i = openIndex; i < tokens.length; i++) {
    if (tokens[i].type === tokens[openIndex].type) depth++;
    if (tokens[i].type === tokens[openIndex].type.replace('_open', '_close')) depth--;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

/** An attribute's value as text, empty when the token has none. */
function attribute(token: Token, name: string): string {
  return String(token.attrGet(name) ?? '');
}
