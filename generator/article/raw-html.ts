// Raw HTML in an article source, kept where it is safe and meaningful and removed where it is
// not. The article is parsed whole by parse5, the HTML standard's parser (the one browsers
// follow), with the Markdown's own markup held out as placeholders in the text; the tree is
// cleaned against an allowlist and the article is written from that tree, so no attribute,
// handler or address reaches the page that the cleaning did not see. Each removal is a warning
// naming the source line, and raw HTML that would swallow what follows it (a missing quote, a
// comment never closed) stops the build at its line. Source classes and styles never reach the
// page: the edition styles articles itself.
import { defaultTreeAdapter, html, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import type { Env, MarkdownIt, StateCore, Token } from 'markdown-it';

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

/** Elements kept from a source: the Markdown ones, and what Markdown cannot say. */
export const ALLOWED_TAGS = [
  // What Markdown itself makes.
  'p',
  'a',
  'em',
  'strong',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'hr',
  'br',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dl',
  'dt',
  'dd',
  'del',
  's',
  // Meaning Markdown has no syntax for.
  'img',
  'figure',
  'figcaption',
  'abbr',
  'sup',
  'sub',
  'kbd',
  'mark',
  'small',
  'details',
  'summary',
  'q',
  'cite',
  'dfn',
  'var',
  'samp',
  'time',
  'ins',
  'i',
  'b',
  'u',
  'span',
  'div',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'colgroup',
  'col',
];

/** Inline elements a paragraph closes, as a browser would, if the source leaves one open. */
const PHRASING = new Set([
  'a',
  'em',
  'strong',
  'code',
  'del',
  's',
  'abbr',
  'sup',
  'sub',
  'kbd',
  'mark',
  'small',
  'q',
  'cite',
  'dfn',
  'var',
  'samp',
  'time',
  'ins',
  'i',
  'b',
  'u',
  'span',
]);

/** Attributes kept: language and direction everywhere, the rest where they mean something. */
export const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  '*': ['title', 'lang', 'dir'],
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  col: ['span'],
  colgroup: ['span'],
  ol: ['start', 'reversed'],
  details: ['open'],
  time: ['datetime'],
};

/** Replaced by the edition's own picture (sizes, formats, loading), so not worth a warning. */
const SUPERSEDED: Record<string, string[]> = {
  img: ['srcset', 'sizes', 'loading', 'decoding', 'fetchpriority'],
  source: ['srcset', 'sizes', 'type', 'media', 'width', 'height'],
};

/** An author's <picture> and <source>s give way to the edition's picture made from its <img>. */
const REMADE = new Set(['picture', 'source']);

/** Elements whose content a browser reads as text, not markup, up to their own end tag. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
]);

/** Removed with everything inside them: their content is code, controls or a fallback, not text. */
export const NON_TEXT = new Set([
  ...RAW_TEXT,
  'option',
  'template',
  'select',
  'object',
  'video',
  'audio',
  'canvas',
  'svg',
  'math',
]);

/** HTML's void elements: no content, written `<br />` (the book's XHTML writes them so too). */
export const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Elements a browser ends by itself where the next one starts: no end tag is missing. */
const OPTIONAL_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'rt',
  'rp',
  'optgroup',
  'option',
  'colgroup',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
]);

/** Why an element goes, said once per kind. */
const REASONS: Record<string, string> = {
  script: 'articles carry no scripts',
  noscript: 'articles carry no scripts',
  style: 'the edition sets its own styles',
  iframe: 'an embedded page would load from elsewhere; link to it instead',
  object: 'embedded content would load from elsewhere; link to it instead',
  embed: 'embedded content would load from elsewhere; link to it instead',
  video: 'video and sound are not part of the edition yet; link to the file instead',
  audio: 'video and sound are not part of the edition yet; link to the file instead',
};

const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'];

/** Presentation the edition owns: one warning per file for each, listing the lines. */
const PRESENTATIONAL = ['class', 'style'];

/**
 * The Markdown's own markup stands in the parsed HTML as `HELD n END`, a raw picture's as
 * `PICTURE n END`: private-use characters, which the parser keeps as text and a source's HTML
 * cannot forge (they are replaced there, with the sentinel below).
 */
const HELD = '\uE000';
const PICTURE = '\uE001';
const END = '\uE002';
const PLACEHOLDER = /\uE000(\d+)\uE002|\uE001(\d+)\uE002/g;
const FORGED = /[\uE000-\uE003]/g;

/**
 * How deep source HTML may nest elements: browsers stop nesting well before a few thousand
 * (Chromium at 512), so deeper would not be the page that was written.
 */
const MAX_DEPTH = 256;

/** The article sits in a <div>: its HTML is parsed as that element's content. */
const CONTEXT = defaultTreeAdapter.createElement('div', html.NS.HTML, []);

/** Whether an image address is a file of this site: relative, no scheme, no host. */
export const isLocalSource = (src: string): boolean =>
  src.trim() !== '' && !/^[a-z][a-z0-9+.-]*:|^\/\/|^\//i.test(src.trim());

/** One opening tag found in the source's HTML. */
export interface RawTag {
  name: string;
  attribs: Record<string, string | undefined>;
  /** 0-based within the Markdown body. */
  line: number;
}

interface RawHtmlOptions {
  /** `line` is 0-based within the body. */
  warn: (line: number, rule: string, message: string) => void;
  /** Stops the build at a body line. */
  fail: (line: number, rule: string, message: string) => never;
  /** Turns a body line into the line a publisher sees. */
  fileLine: (line: number) => number;
}

/** What a token of source HTML carries: its first body line, and the tags it opens. */
interface RawMeta {
  line: number;
  tags: RawTag[];
}

/** The raw tags the cleaning found in a token; none on a token that is not source HTML. */
export function tagsOf(token: Token): RawTag[] {
  const tags = token.meta?.tags;
  return Array.isArray(tags) ? (tags as RawTag[]) : [];
}

/** Whether a token is HTML from the source (rather than markup a Markdown plugin made). */
export const isRaw = (token: Token): boolean =>
  (token.type === 'html_block' || token.type === 'html_inline') && Array.isArray(token.meta?.tags);

/** The article's HTML as cleaned, with its placeholders; and each raw picture's attributes. */
interface Cleaned {
  html: string;
  pictures: Record<string, string>[];
}

/** Cleaned once per parse, rendered later: keyed by the token list markdown-it returns. */
const cleanedArticles = new WeakMap<Token[], Cleaned>();

/**
 * Notes the source's HTML tokens, closes inline elements a paragraph leaves open, then (last
 * of all the rules, on the tokens as they will be rendered) parses and cleans the article.
 * The plugin must be used after every plugin that adds or moves tokens.
 */
export function rawHtml(md: MarkdownIt, { warn, fail, fileLine }: RawHtmlOptions): void {
  md.core.ruler.after('inline', 'raw_html', (state) => {
    for (const token of state.tokens) if (token.type === 'inline') refuseBrokenInlineTag(token, fail);
    noteSourceHtml(state, warn);
  });
  md.core.ruler.push('raw_html_clean', (state) => {
    if (state.tokens.some((token) => isRaw(token) || token.children?.some(isRaw)))
      cleanedArticles.set(state.tokens, cleanArticle(state.tokens, { warn, fail, fileLine }));
  });
}

/** The start of a tag with an attribute, as text: Markdown did not take it as HTML. */
const TAG_AS_TEXT = /<[a-z][a-z0-9-]*\s+[^\s"'<>=/]+\s*=\s*["']/i;

/** One attribute of a tag, its name captured, its value (quoted whole, or not) after it. */
const ATTRIBUTE = /\s+([^\s"'<>=/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

/** A whole tag as written: its name, then its attributes, up to its ">". */
const WHOLE_TAG = new RegExp(`^<[a-z][a-z0-9-]*(?:${ATTRIBUTE.source})*\\s*\\/?>`, 'i');

/** An attribute name as Markdown takes it for HTML (CommonMark): a letter, _ or :, then letters, digits, _ . : -. */
const MARKDOWN_ATTRIBUTE = /^[a-z_:][\w.:-]*$/i;

/**
 * A tag in a paragraph whose quote or ">" is missing is not HTML to Markdown: it would show as
 * text, and the end tag after it would close nothing and vanish. Stops the build at its line,
 * as the same mistake in a block of HTML does. Only text counts: code spans are code, and an
 * escaped `\<` is a token of its own until the text is joined (this runs before that).
 */
function refuseBrokenInlineTag(token: Token, fail: RawHtmlOptions['fail']): void {
  // Each child found in the paragraph's source in turn, so a tag is placed where it is written.
  let cursor = 0;
  for (const child of token.children ?? []) {
    const at = child.content ? token.content.indexOf(child.content, cursor) : -1;
    if (at < 0) continue;
    cursor = at + child.content.length;
    const match = child.type === 'text' ? TAG_AS_TEXT.exec(child.content) : null;
    if (!match) continue;
    const start = at + match.index;
    const line = (token.map?.[0] ?? 0) + token.content.slice(0, start).split('\n').length - 1;
    // A tag written whole that Markdown still left as text has an attribute it does not take (`@click`, say).
    const whole = WHOLE_TAG.exec(token.content.slice(start))?.[0];
    const names = [...(whole ?? '').matchAll(ATTRIBUTE)].map(([, name]) => name);
    const refused = names.find((name) => !MARKDOWN_ATTRIBUTE.test(name));
    fail(
      line,
      'raw-html',
      whole && refused
        ? `the tag ${snippet(whole)} has an attribute, "${refused}", whose name Markdown does not take as HTML (names are letters, digits and _ . : -), so the tag would show as text and its end tag would vanish; rename the attribute, or remove it`
        : `the tag ${snippet(token.content.slice(start))} is not closed (a quote or ">" is missing), so it would show as text and its end tag would vanish; close the quote, or the tag`,
    );
  }
}

function noteSourceHtml(state: StateCore, warn: RawHtmlOptions['warn']): void {
  for (const token of state.tokens) {
    if (token.type === 'html_block') token.meta = { line: token.map?.[0] ?? 0, tags: [] } satisfies RawMeta;
    if (token.type !== 'inline' || !token.children?.some((child) => child.type === 'html_inline')) continue;
    let cursor = 0;
    const open: string[] = [];
    for (const child of token.children) {
      if (child.type !== 'html_inline') continue;
      const at = token.content.indexOf(child.content, cursor);
      cursor = at >= 0 ? at + child.content.length : cursor;
      const line = (token.map?.[0] ?? 0) + (at >= 0 ? token.content.slice(0, at).split('\n').length - 1 : 0);
      child.meta = { line, tags: [] } satisfies RawMeta;
      const opening = /^<([a-z][a-z0-9-]*)/i.exec(child.content)?.[1]?.toLowerCase();
      const closing = /^<\/([a-z][a-z0-9-]*)/i.exec(child.content)?.[1]?.toLowerCase();
      if (opening && PHRASING.has(opening) && !/\/>$/.test(child.content)) open.push(opening);
      if (closing && open.at(-1) === closing) open.pop();
    }
    // An inline element left open would otherwise swallow the rest of the article.
    for (const name of open.reverse()) {
      warn(
        token.map?.[0] ?? 0,
        'unclosed-element',
        `<${name}> is not closed in its paragraph; closed at the paragraph's end`,
      );
      const close = new state.Token('html_inline', '', 0);
      close.content = `</${name}>`;
      close.meta = { line: token.map?.[0] ?? 0, tags: [] } satisfies RawMeta;
      token.children.push(close);
    }
  }
}

/** One token as the article is written: source HTML, or markup the renderer makes (held out). */
type Piece = { raw: Token } | { held: Token[]; index: number };

/** The tokens in the order they are written. */
function pieces(tokens: Token[]): Piece[] {
  return tokens.flatMap((token, i): Piece[] =>
    token.type === 'inline'
      ? (token.children ?? []).map((child, j) =>
          isRaw(child) ? { raw: child } : { held: token.children ?? [], index: j },
        )
      : [isRaw(token) ? { raw: token } : { held: tokens, index: i }],
  );
}

/** The source's HTML in the parser's input, from `start`. */
interface Segment {
  start: number;
  token: Token;
}

/** A placeholder the source's HTML took in: where, and what to say. */
interface Swallowed {
  offset: number;
  message: string;
}

function cleanArticle(tokens: Token[], { warn, fail, fileLine }: RawHtmlOptions): Cleaned {
  // First each piece of source HTML alone: one that ends inside a tag or a comment takes in
  // whatever follows it, which a publisher must close.
  for (const token of tokens.flatMap((t) => (t.type === 'inline' ? (t.children ?? []) : [t])).filter(isRaw)) {
    const start = swallowingConstruct(token.content);
    if (start !== undefined) fail(lineAt(token, start), 'raw-html', swallowMessage(token.content.slice(start)));
  }

  let input = '';
  let held = 0;
  const segments: Segment[] = [];
  for (const piece of pieces(tokens)) {
    if ('raw' in piece) {
      segments.push({ start: input.length, token: piece.raw });
      input += piece.raw.content.replace(FORGED, '\uFFFD');
    } else input += `${HELD}${held++}${END}`;
  }
  const starts = segments.map((segment) => segment.start);
  // The source's HTML that an offset is in (or last came before it).
  const segmentAt = (offset: number) => segments[Math.max(0, lastAtOrBefore(starts, offset))];
  const lineOf = (offset: number) => {
    const segment = segmentAt(offset);
    return lineAt(segment.token, offset - segment.start);
  };

  const fragment = parseFragment(CONTEXT, input, { sourceCodeLocationInfo: true });
  for (const [node, depth] of descendants(fragment)) {
    if (depth > MAX_DEPTH)
      fail(
        lineOf('sourceCodeLocation' in node ? (node.sourceCodeLocation?.startOffset ?? 0) : 0),
        'raw-html',
        `the HTML here nests elements more than ${MAX_DEPTH} deep, which browsers do not keep; close the elements it opens`,
      );
  }
  const pictures: Record<string, string>[] = [];
  const tags: { offset: number; tag: RawTag }[] = [];
  const kept = new Set<number>();
  const removed = new Set<number>();
  const swallowed = new Map<number, Swallowed>();
  // The outermost element the source leaves open (those inside it are open with it).
  let unclosed: { offset: number; name: string } | undefined;
  const swallow = (text: string, offset: number, message: string) => {
    for (const index of heldIn(text)) if (!swallowed.has(index)) swallowed.set(index, { offset, message });
  };
  // Ended by the end of the article rather than by an end tag (a raw-text element only ends at its own).
  const reachesEnd = (element: Element) =>
    !element.sourceCodeLocation?.endTag &&
    (RAW_TEXT.has(element.tagName) || (element.sourceCodeLocation?.endOffset ?? 0) >= input.length);

  const write = (node: Node): string => {
    if (node.nodeName === '#text' && 'value' in node) {
      for (const index of heldIn(node.value)) kept.add(index);
      return escapeText(node.value);
    }
    if (node.nodeName === '#comment' && 'data' in node) {
      const offset = node.sourceCodeLocation?.startOffset ?? 0;
      swallow(
        node.data,
        offset,
        `"${snippet(input.slice(offset))}" is read as a comment up to the next "-->" (or ">"), hiding what follows; close it`,
      );
      return '';
    }
    if (!('tagName' in node)) return '';
    const element = node;
    const name = element.tagName;
    const location = element.sourceCodeLocation;
    const attribs = Object.fromEntries(element.attrs.map(({ name: key, value }) => [key, value]));
    for (const { name: key, value } of element.attrs) {
      swallow(
        value,
        location?.startOffset ?? 0,
        `<${name}> takes what follows into its "${key}" attribute (a quote is missing); close the quote`,
      );
    }
    // Elements the parser made itself (a <tbody>, a formatting element carried on) are not the source's to warn about.
    if (location?.startTag)
      tags.push({ offset: location.startOffset, tag: { name, attribs, line: lineOf(location.startOffset) } });
    const children = () => childrenOf(element).map(write).join('');

    // Foreign content (SVG, MathML) and everything that is not text go whole.
    if (NON_TEXT.has(name) || element.namespaceURI !== html.NS.HTML) {
      const content = childrenOf(element).map(textIn).join('');
      if (reachesEnd(element) && content.trim() !== '')
        fail(
          lineOf(location?.startOffset ?? 0),
          'raw-html',
          `<${name}> is not closed, so everything after it would be removed with it; close it with </${name}>`,
        );
      for (const index of heldIn(content)) removed.add(index);
      return '';
    }
    if (
      !unclosed &&
      ALLOWED_TAGS.includes(name) &&
      !VOID.has(name) &&
      !OPTIONAL_END.has(name) &&
      location?.startTag &&
      reachesEnd(element) &&
      heldIn(textIn(element)).length > 0
    )
      unclosed = { offset: location.startOffset, name };
    if (name === 'source') return '';
    if (name === 'img') {
      if (!isLocalSource(attribs.src ?? '')) return '';
      return `${PICTURE}${pictures.push(attribs) - 1}${END}`;
    }
    if (!ALLOWED_TAGS.includes(name)) return children();
    const allowed = [...(ALLOWED_ATTRIBUTES['*'] ?? []), ...(ALLOWED_ATTRIBUTES[name] ?? [])];
    const attributes = element.attrs
      .filter(({ name: key, value }) => allowed.includes(key) && !(key === 'href' && linkProblem(value)))
      .map(({ name: key, value }) => (value === '' ? ` ${key}` : ` ${key}="${escapeAttribute(value)}"`))
      .join('');
    if (VOID.has(name)) return `<${name}${attributes} />`;
    // A newline first in a <pre> is dropped by the parser: written twice, one stays.
    const first = element.childNodes[0];
    const newline = name === 'pre' && first && 'value' in first && first.value.startsWith('\n') ? '\n' : '';
    return `<${name}${attributes}>${newline}${children()}</${name}>`;
  };
  const cleaned = childrenOf(fragment).map(write).join('');

  // Markdown neither kept nor removed with an element was taken in by the HTML before it.
  for (let index = 0; index < held; index++) {
    if (kept.has(index) || removed.has(index)) continue;
    const { offset, message } = swallowed.get(index) ?? {
      offset: segmentAt(input.indexOf(`${HELD}${index}${END}`)).start,
      message: 'the HTML here takes in the Markdown that follows it; check that its tags and comments are closed',
    };
    fail(lineOf(offset), 'raw-html', message);
  }

  const presentational = new Map<string, number[]>();
  for (const { offset, tag } of tags.sort((a, b) => a.offset - b.offset)) {
    tagsOf(segmentAt(offset).token).push(tag);
    for (const message of removals(tag)) {
      if (typeof message === 'string') warn(tag.line, 'raw-html', message);
      else presentational.set(message.attribute, [...(presentational.get(message.attribute) ?? []), tag.line]);
    }
  }
  if (unclosed)
    warn(
      lineOf(unclosed.offset),
      'unclosed-element',
      `<${unclosed.name}> is not closed, so the rest of the article is inside it; close it with </${unclosed.name}>`,
    );
  for (const [attribute, lines] of presentational) {
    const list = [...new Set(lines.map(fileLine))];
    warn(
      lines[0],
      'source-style',
      `${attribute} attributes are not kept, the edition sets its own styles (line${list.length > 1 ? 's' : ''} ${list.join(', ')})`,
    );
  }
  return { html: cleaned, pictures };
}

/** Where each token of source HTML has its line breaks. */
const lineBreaks = new WeakMap<Token, number[]>();

/** A body line within a token of source HTML. */
function lineAt(token: Token, offset: number): number {
  let breaks = lineBreaks.get(token);
  if (!breaks) lineBreaks.set(token, (breaks = [...token.content.matchAll(/\n/g)].map((match) => match.index)));
  return Number(token.meta?.line ?? 0) + lastAtOrBefore(breaks, offset - 1) + 1;
}

/** The index of the last of sorted numbers at or before a value, or -1. */
function lastAtOrBefore(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** Every node under a node with its depth, without recursion: a source may nest thousands deep. */
function* descendants(root: DefaultTreeAdapterTypes.ParentNode): Generator<[Node, number]> {
  const stack: [Node, number][] = childrenOf(root).map((node) => [node, 1]);
  for (let next = stack.pop(); next; next = stack.pop()) {
    yield next;
    const [node, depth] = next;
    if ('childNodes' in node) stack.push(...childrenOf(node).map((child): [Node, number] => [child, depth + 1]));
  }
}

/** Indexes of the Markdown's placeholders in a piece of text. */
function heldIn(text: string): number[] {
  return [...text.matchAll(PLACEHOLDER)].filter((match) => match[1] !== undefined).map((match) => Number(match[1]));
}

/** An element's children (a template's are its content's). */
function childrenOf(node: DefaultTreeAdapterTypes.ParentNode): Node[] {
  return 'content' in node ? node.content.childNodes : node.childNodes;
}

/** Everything written inside a node: its text, comments and attribute values. */
function textIn(node: Node): string {
  if ('value' in node) return node.value;
  if ('data' in node) return node.data;
  if (!('childNodes' in node)) return '';
  const attributes = 'attrs' in node ? node.attrs.map((attribute) => attribute.value).join('') : '';
  return attributes + childrenOf(node).map(textIn).join('');
}

/** Text is escaped as an HTML serialiser does, and attributes' quotes too. */
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (value: string) => escapeText(value).replace(/"/g, '&quot;');

/** Whether a parse of `html` followed by more text keeps that text as text. */
function keepsWhatFollows(source: string): boolean {
  const sentinel = '\uE003';
  for (const [node] of descendants(parseFragment(CONTEXT, `${source.replace(FORGED, '\uFFFD')}${sentinel}`, {})))
    if ('value' in node && node.value.includes(sentinel)) return true;
  return false;
}

/** Where a piece of source HTML starts a tag or comment it never ends, if it does. */
function swallowingConstruct(source: string): number | undefined {
  if (keepsWhatFollows(source)) return undefined;
  // The construct starts at the last "<" before which everything is still closed: looked for
  // among the last few, each a parse, else the token's start is the place to look.
  let at = source.lastIndexOf('<');
  for (let tries = 0; at > 0 && tries < 50; tries++, at = source.lastIndexOf('<', at - 1))
    if (keepsWhatFollows(source.slice(0, at))) return at;
  return 0;
}

/** What to say about a tag or comment that is never closed, from its first characters. */
function swallowMessage(construct: string): string {
  const shown = snippet(construct);
  if (construct.startsWith('<!--'))
    return `the comment "${shown}" is not closed, so everything after it would be hidden; end it with "-->"`;
  if (/^<[!?]|^<\/[^a-z]/i.test(construct))
    return `"${shown}" is read as a comment up to a ">" that never comes, so everything after it would be hidden; remove it or end it with ">"`;
  return `the tag ${shown} is not closed (a quote or ">" is missing), so a browser would read everything after it as part of the tag; close the quote, or the tag`;
}

/** The start of a construct, on one line, short enough to quote. */
function snippet(text: string): string {
  const line = text.split('\n')[0];
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

/** What the cleaning takes from one tag, in words (or, for presentation, which attribute). */
function removals({ name, attribs }: RawTag): (string | { attribute: string })[] {
  if (REMADE.has(name)) return [];
  if (!ALLOWED_TAGS.includes(name)) {
    // Own keys only: a <constructor> element must not find Object's.
    const reason = Object.hasOwn(REASONS, name) ? REASONS[name] : 'not an element the edition keeps';
    return [
      NON_TEXT.has(name)
        ? `<${name}> removed with its content: ${reason}`
        : `<${name}> removed, its text kept: ${reason}`,
    ];
  }
  if (name === 'img' && !isLocalSource(attribs.src ?? '')) {
    return [
      attribs.src
        ? `image "${attribs.src}" removed: pictures must be files beside the article, not loaded from elsewhere`
        : '<img> without src removed',
    ];
  }
  const out: (string | { attribute: string })[] = [];
  const allowed = [...(ALLOWED_ATTRIBUTES['*'] ?? []), ...(ALLOWED_ATTRIBUTES[name] ?? [])];
  const superseded = SUPERSEDED[name] ?? [];
  for (const [attribute, value = ''] of Object.entries(attribs)) {
    if (superseded.includes(attribute)) continue;
    const problem = attribute === 'href' ? linkProblem(value) : undefined;
    if (PRESENTATIONAL.includes(attribute)) out.push({ attribute });
    else if (/^on/i.test(attribute)) out.push(`event handler "${attribute}" removed from <${name}>`);
    else if (!allowed.includes(attribute)) out.push(`attribute "${attribute}" removed from <${name}>`);
    else if (problem) out.push(`link "${value.slice(0, 40)}" removed from <a>: ${problem}`);
  }
  return out;
}

/**
 * Why a link is not kept, if it is not: read as a browser reads an address, which ignores
 * spaces and control characters in it ("java\tscript:" is a script).
 */
function linkProblem(href: string): string | undefined {
  const address = href.replace(/[\u0000-\u0020\u007F]/g, '');
  if (/^[\\/]{2}/.test(address)) return 'write the whole address, with https://';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(address)?.[1]?.toLowerCase();
  return scheme === undefined || LINK_SCHEMES.includes(scheme) ? undefined : 'only web, mail and phone links are kept';
}

/**
 * Renders the article: the Markdown's markup as markdown-it makes it, each put back where its
 * placeholder stands in the cleaned HTML (always in text, never in a tag or comment).
 * @param picture markup for a raw <img>, or null to drop it
 */
export function renderWithRawHtml(
  md: MarkdownIt,
  tokens: Token[],
  env: Env,
  picture: (attribs: Readonly<Record<string, string>>) => string | null,
): string {
  const cleaned = cleanedArticles.get(tokens);
  if (!cleaned) throw new Error('renderWithRawHtml needs the tokens of a parse with the raw_html rule');
  const rendered = pieces(tokens).flatMap((piece) => {
    if ('raw' in piece) return [];
    // Each token rendered in place (with its neighbours), as markdown-it's renderer.render does.
    const rule = md.renderer.rules[piece.held[piece.index].type];
    return [
      rule
        ? rule(piece.held, piece.index, md.options, env, md.renderer)
        : md.renderer.renderToken(piece.held, piece.index, md.options),
    ];
  });
  // One pass: markup put back is not searched again.
  return cleaned.html.replace(PLACEHOLDER, (_, held?: string, image?: string) =>
    held !== undefined ? rendered[Number(held)] : (picture(cleaned.pictures[Number(image)]) ?? ''),
  );
}
