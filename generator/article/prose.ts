// The article's own words as the source gives them, kept to check that the page shows them all
// (generator/page/page-words.ts), and what Markdown leaves as literal text where the writer
// meant markup: a link or picture it could not read, a footnote reference with no note. Also
// the notes written but never referred to, which markdown-it-footnote drops without a word.
//
// The text is taken right after the inline parse, before any later rule changes it: the
// footnote plugin moving or dropping notes, markdown-it-attrs taking a final "{…}" as
// attributes (the edition keeps only classes, so "a set {a b}" would lose its last words).
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import type { Env, MarkdownIt, Token } from 'markdown-it';
import { ALLOWED_TAGS, NON_TEXT } from './raw-html.ts';

/** Text of the source whose words must reach the page; `line` (1-based, in the file) is where it starts, each "\n" in it one line on. */
export interface ProseRun {
  text: string;
  line: number;
}

/**
 * Elements whose boundaries separate words on the page (blocks, line breaks, pictures); across
 * any other element the text runs on, as a browser shows it ("H<sub>2</sub>O" is one word).
 */
export const WORD_BREAKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'img',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** In the source's HTML, only the elements the cleaning keeps separate words: it drops the others' tags. */
const SOURCE_BREAKS = new Set(ALLOWED_TAGS.filter((name) => WORD_BREAKS.has(name)));

type Warn = (line: number, rule: string, message: string) => void;

/** What the plugin leaves in markdown-it's env. */
interface ProseEnv extends Env {
  /** The prose as parsed, lines 0-based in the body. */
  prose?: ProseRun[];
  footnotes?: { refs?: Record<string, number>; list?: { label?: string; tokens?: Token[] }[] };
}

/** Link targets Markdown refuses (markdown-it's validateLink), which leave the link as text. */
const REFUSED_SCHEME = /^\s*<?\s*(javascript|vbscript|file|data):/i;

/** A Markdown link or picture left as text: `[text](target)`, `![alt](target)`. */
const LITERAL_LINK = /(!?)\[([^\]\n]*)\]\(((?:[^()\n]|\([^()\n]*\))*)\)/g;

/** A "{…}" markdown-it-attrs may read, and an item in it that is meant as an attribute: ".class", "#id", "key=value". */
const ATTRIBUTES = /\{([^{}\n]*)\}/g;
const ATTRIBUTE = /^(?:[.#]\S+|[^\s=]+=\S*)$/;

/** A footnote reference left as text, its label. */
const LITERAL_NOTE = /\[\^([^\]\s]+)\]/g;

/**
 * The plugin. `warn` takes a 0-based line of the body. Must be used after markdown-it-footnote,
 * so its rule runs before the footnotes' own.
 */
export function sourceProse(md: MarkdownIt, { warn }: { warn: Warn }): void {
  md.core.ruler.after('inline', 'source_prose', (state) => {
    const env = state.env as ProseEnv;
    env.prose = prose(state.tokens, env);
    for (const [i, token] of state.tokens.entries()) {
      if (token.type === 'footnote_reference_open' && env.footnotes?.refs?.[`:${token.meta?.label}`] === -1) {
        const label = String(token.meta?.label);
        // The note's own token has no line; its first paragraph has.
        warn(
          state.tokens.slice(i).find((next) => next.map)?.map?.[0] ?? 0,
          'footnote',
          `the note [^${label}] is never referred to, so the page leaves it out; refer to it with [^${label}] in the text, or remove it`,
        );
      }
      if (token.type === 'inline') literalMarkup(token, warn);
    }
  });
}

/** Links, pictures and footnote references that the inline parse left as text. */
function literalMarkup(inline: Token, warn: Warn): void {
  // Text as written, line by line; an escaped "\[" is a token of its own, so it breaks a run here.
  let text = '';
  let line = inline.map?.[0] ?? 0;
  const check = () => {
    for (const match of text.matchAll(LITERAL_LINK)) {
      const [written, bang, , target] = match;
      const at = line + text.slice(0, match.index).split('\n').length - 1;
      const what = bang ? 'picture' : 'link';
      const scheme = REFUSED_SCHEME.exec(target)?.[1]?.toLowerCase();
      if (scheme)
        warn(
          at,
          bang ? 'picture' : 'link',
          bang
            ? `the picture ${written} is shown as text: pictures must be files beside the article, not ${scheme}: addresses`
            : `the link ${shortened(written)} is shown as text, not a link: ${scheme}: links are not followed; only web, mail and phone links are kept`,
        );
      else if (/\S\s+\S/.test(target.trim()) && !/\s["'(]/.test(target))
        warn(
          at,
          what,
          `the ${what} ${shortened(written)} is shown as text: its address has a space; write it as ${bang}[…](<${target.trim()}>) or with %20 for each space`,
        );
    }
    for (const match of text.matchAll(LITERAL_NOTE)) {
      const at = line + text.slice(0, match.index).split('\n').length - 1;
      warn(
        at,
        'footnote',
        `the footnote reference [^${match[1]}] has no note, so it is shown as written; add the note on a line of its own, "[^${match[1]}]: …", or remove the reference`,
      );
    }
  };
  for (const child of inline.children ?? []) {
    if (child.type === 'text') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += '\n';
    else {
      check();
      line += text.split('\n').length - 1;
      text = '';
    }
  }
  check();
}

const shortened = (written: string) => (written.length > 60 ? `${written.slice(0, 60)}…` : written);

/**
 * The article's prose, in the page's order: the body as written, then the notes in the order
 * they are numbered. What the edition leaves out with a warning of its own (notes never
 * referred to, raw HTML removed with its content, shortcodes) is not in it.
 * @param fileLine turns a 0-based body line into the file's
 */
export function proseRuns(env: Env, fileLine: (line: number) => number): ProseRun[] {
  return ((env as ProseEnv).prose ?? []).map((run) => ({ text: run.text, line: fileLine(run.line) }));
}

function prose(tokens: Token[], { footnotes }: ProseEnv): ProseRun[] {
  const body: ProseRun[] = [];
  const notes = new Map<string, ProseRun[]>();
  let note: ProseRun[] | undefined;
  for (const token of tokens) {
    if (token.type === 'footnote_reference_open') {
      note = [];
      notes.set(String(token.meta?.label), note);
      continue;
    }
    if (token.type === 'footnote_reference_close') {
      note = undefined;
      continue;
    }
    const run = runOf(token, token.map?.[0] ?? 0);
    if (run) (note ?? body).push(run);
  }
  // Inline notes (^[…]) have no line of their own: the paragraph's that refers to them.
  const inlineLines = new Map<number, number>();
  for (const token of tokens)
    for (const child of token.children ?? [])
      if (child.type === 'footnote_ref') inlineLines.set(Number(child.meta?.id), token.map?.[0] ?? 0);
  const list = footnotes?.list ?? [];
  const noted = list.flatMap((entry, id) =>
    entry.tokens
      ? [{ text: inlineText(entry.tokens), line: inlineLines.get(id) ?? 0 }]
      : (notes.get(String(entry.label)) ?? []),
  );
  return [...body, ...noted];
}

function runOf(token: Token, line: number): ProseRun | undefined {
  switch (token.type) {
    case 'inline':
      return {
        text: inlineText(token.children ?? []).replace(ATTRIBUTES, (block, items: string) =>
          items
            .trim()
            .split(/\s+/)
            .every((item) => ATTRIBUTE.test(item))
            ? ' '
            : block,
        ),
        line,
      };
    case 'fence':
      // The code starts on the line after the fence.
      return { text: token.content, line: line + 1 };
    case 'code_block':
      return { text: token.content, line };
    case 'html_block':
      return { text: htmlText(token.content), line };
    default:
      return undefined;
  }
}

/** An inline token's text as the page shows it, a space where the page separates words, a newline for each line of source. */
function inlineText(children: Token[]): string {
  // How deep in elements removed with their content (an inline <svg>, <object>): their text is not the page's.
  let removed = 0;
  const lines = (text: string) => text.replace(/[^\n]/g, '');
  return children
    .map((child) => {
      switch (child.type) {
        case 'text':
        case 'text_special':
        case 'code_inline':
          return removed > 0 ? lines(child.content) : child.content;
        case 'softbreak':
        case 'hardbreak':
          return '\n';
        case 'image':
          return removed > 0 ? '' : ` ${child.content} `;
        case 'footnote_ref':
          return ' ';
        case 'html_inline': {
          // One tag or comment: a space if it separates words, and its lines.
          const [, closing, tag] = /^<(\/?)([a-z][a-z0-9-]*)/i.exec(child.content) ?? [];
          const name = tag?.toLowerCase();
          if (name && NON_TEXT.has(name) && !child.content.endsWith('/>'))
            removed = Math.max(0, removed + (closing ? -1 : 1));
          return (name && SOURCE_BREAKS.has(name) ? ' ' : '') + lines(child.content);
        }
        default:
          return '';
      }
    })
    .join('');
}

type Node = DefaultTreeAdapterTypes.Node;

/**
 * The text of a piece of source HTML, as the cleaning keeps it: no tags, comments or content
 * removed whole (scripts, styles, media); a space where an element separates words; its lines kept.
 */
export function htmlText(html: string): string {
  let text = '';
  let at = 0;
  const lines = (to: number) => html.slice(at, Math.max(at, to)).replace(/[^\n]/g, '');
  const visit = (node: Node) => {
    const location = 'sourceCodeLocation' in node ? node.sourceCodeLocation : undefined;
    if (node.nodeName === '#text' && 'value' in node) {
      text += lines(location?.startOffset ?? at) + node.value;
      at = location?.endOffset ?? at;
      return;
    }
    if (!('tagName' in node)) return;
    if (NON_TEXT.has(node.tagName)) return;
    const breaks = SOURCE_BREAKS.has(node.tagName) ? ' ' : '';
    text += breaks;
    for (const child of node.childNodes) visit(child);
    text += breaks;
  };
  for (const node of parseFragment(html, { sourceCodeLocationInfo: true }).childNodes) visit(node);
  return text + lines(html.length);
}
