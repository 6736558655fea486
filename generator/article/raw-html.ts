// Raw HTML in an article source, kept where it is safe and meaningful and removed where it is
// not. sanitize-html (a maintained allowlist sanitizer) does the removing; it reports nothing
// itself, so a core rule first looks at every tag the same way and turns each removal into a
// warning naming the source line. Source classes and styles never reach the page: the
// edition styles articles itself.
import sanitizeHtml from 'sanitize-html';
import type { Env, MarkdownIt, Token } from 'markdown-it';

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

/** Removed with everything inside them: their content is code, controls or a fallback, not text. */
const NON_TEXT = [
  'script',
  'style',
  'textarea',
  'option',
  'noscript',
  'xmp',
  'template',
  'select',
  'iframe',
  'object',
  'video',
  'audio',
  'canvas',
  'svg',
  'math',
];

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
  /** Turns a body line into the line a publisher sees. */
  fileLine: (line: number) => number;
}

/** The raw tags the rule below noted on a token; none on a token it did not look at. */
export function tagsOf(token: Token): RawTag[] {
  const tags = token.meta?.tags;
  return Array.isArray(tags) ? (tags as RawTag[]) : [];
}

/**
 * Checks every raw HTML tag, warns about what the sanitizer will remove, and notes each
 * tag on its token (`token.meta.tags`) for the picture and structure rules.
 */
export function rawHtml(md: MarkdownIt, { warn, fileLine }: RawHtmlOptions): void {
  md.core.ruler.after('inline', 'raw_html', (state) => {
    const presentational = new Map<string, number[]>();
    const report = (tag: RawTag) => {
      for (const message of removals(tag)) {
        if (typeof message === 'string') warn(tag.line, 'raw-html', message);
        else presentational.set(message.attribute, [...(presentational.get(message.attribute) ?? []), tag.line]);
      }
    };
    for (const token of state.tokens) {
      if (token.type === 'html_block') {
        const tags = tagsIn(token.content, token.map?.[0] ?? 0);
        token.meta = { tags };
        tags.forEach(report);
      }
      if (token.type !== 'inline' || !token.children?.some((child) => child.type === 'html_inline')) continue;
      let cursor = 0;
      const open: string[] = [];
      for (const child of token.children) {
        if (child.type !== 'html_inline') continue;
        const at = token.content.indexOf(child.content, cursor);
        cursor = at >= 0 ? at + child.content.length : cursor;
        const line = (token.map?.[0] ?? 0) + (at >= 0 ? token.content.slice(0, at).split('\n').length - 1 : 0);
        const tags = tagsIn(child.content, line);
        child.meta = { tags };
        tags.forEach(report);
        const closing = /^<\/([a-z][a-z0-9-]*)/i.exec(child.content)?.[1]?.toLowerCase();
        const opening = tags[0]?.name;
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
        close.meta = { tags: [] };
        token.children.push(close);
      }
    }
    for (const [attribute, lines] of presentational) {
      const list = [...new Set(lines.map(fileLine))];
      warn(
        lines[0],
        'source-style',
        `${attribute} attributes are not kept, the edition sets its own styles (line${list.length > 1 ? 's' : ''} ${list.join(', ')})`,
      );
    }
  });
}

/** Opening tags in a piece of HTML, in order, each with its line. */
function tagsIn(html: string, firstLine: number): RawTag[] {
  const tags: RawTag[] = [];
  let cursor = 0;
  sanitizeHtml(html, {
    // Only looking: everything is let through, and what comes out is thrown away.
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    onOpenTag(name, attribs) {
      const at = html.toLowerCase().indexOf(`<${name}`, cursor);
      if (at >= 0) cursor = at + 1;
      // A copy: the sanitizer goes on to delete what it would not keep from the same object.
      tags.push({
        name,
        attribs: { ...attribs },
        line: firstLine + html.slice(0, Math.max(at, 0)).split('\n').length - 1,
      });
    },
  });
  return tags;
}

/** What the sanitizer will take from one tag, in words (or, for presentation, which attribute). */
function removals({ name, attribs }: RawTag): (string | { attribute: string })[] {
  if (REMADE.has(name)) return [];
  if (!ALLOWED_TAGS.includes(name)) {
    // Own keys only: a <constructor> element must not find Object's.
    const reason = Object.hasOwn(REASONS, name) ? REASONS[name] : 'not an element the edition keeps';
    return [
      NON_TEXT.includes(name)
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
    if (PRESENTATIONAL.includes(attribute)) out.push({ attribute });
    else if (/^on/i.test(attribute)) out.push(`event handler "${attribute}" removed from <${name}>`);
    else if (!allowed.includes(attribute)) out.push(`attribute "${attribute}" removed from <${name}>`);
    else if (attribute === 'href' && !safeHref(value))
      out.push(`link "${value.slice(0, 40)}" removed from <a>: only web, mail and phone links are kept`);
  }
  return out;
}

function safeHref(href: string): boolean {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  return scheme === undefined || LINK_SCHEMES.includes(scheme);
}

/** Whether a token is HTML from the source (rather than markup a Markdown plugin made). */
export const isRaw = (token: Token): boolean =>
  token.type === 'html_block' || (token.type === 'html_inline' && Array.isArray(token.meta?.tags));

/**
 * Renders tokens, passing raw HTML through the sanitizer. Each non-HTML token is rendered
 * by markdown-it as usual and stands in the sanitizer's input as a placeholder, so raw tags
 * that open and close around Markdown (a <details> with paragraphs inside) stay balanced,
 * and the edition's own markup is never touched.
 * @param picture markup for a raw <img>, or null to drop it
 */
export function renderWithRawHtml(
  md: MarkdownIt,
  tokens: Token[],
  env: Env,
  picture: (attribs: sanitizeHtml.Attributes) => string | null,
): string {
  const rendered: string[] = [];
  const hold = (html: string) => `\uE000${rendered.push(html) - 1}\uE001`;
  // Each token rendered in place (with its neighbours), as markdown-it's renderer.render does.
  const one = (list: Token[], i: number) => {
    const rule = md.renderer.rules[list[i].type];
    return rule ? rule(list, i, md.options, env, md.renderer) : md.renderer.renderToken(list, i, md.options);
  };
  let input = '';
  tokens.forEach((token, i) => {
    if (token.type === 'html_block') input += token.content;
    else if (token.type === 'inline') {
      const children = token.children ?? [];
      // Only the source's HTML (noted by the rule above) is sanitized; plugins' markup is ours.
      children.forEach((child, j) => (input += isRaw(child) ? child.content : hold(one(children, j))));
    } else input += hold(one(tokens, i));
  });
  const pictures: string[] = [];
  const clean = sanitizeHtml(input, {
    allowedTags: [...ALLOWED_TAGS],
    allowedAttributes: { ...ALLOWED_ATTRIBUTES, img: ['data-picture'] },
    allowedSchemes: LINK_SCHEMES,
    allowedSchemesByTag: {},
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: NON_TEXT,
    transformTags: {
      img: (tagName, attribs) => {
        const markup = isLocalSource(attribs.src ?? '') ? picture(attribs) : null;
        const kept: sanitizeHtml.Attributes =
          markup === null ? {} : { 'data-picture': String(pictures.push(markup) - 1) };
        return { tagName, attribs: kept };
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs['data-picture'],
  });
  return clean
    .replace(/<img data-picture="(\d+)" \/>/g, (_, i) => pictures[Number(i)])
    .replace(/\uE000(\d+)\uE001/g, (_, i) => rendered[Number(i)]);
}
