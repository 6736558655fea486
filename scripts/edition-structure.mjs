// A markdown-it plugin that adds the edition's structure to plain Markdown:
//  - every h2 and what follows it becomes <section aria-labelledby>, taking the h2's class;
//  - a blockquote whose last paragraph starts with "— " becomes
//    <figure><blockquote>…</blockquote><figcaption>attribution</figcaption></figure>;
//  - a heading directly followed by a table becomes that table's <caption>;
//  - table header cells get scope, and each body row's first cell becomes its row header.
// It also rejects what the edition cannot present well, naming the source line.

/** @typedef {import('markdown-it').default} MarkdownIt */
/** @typedef {import('markdown-it/lib/token.mjs').default} Token */
/** @typedef {import('markdown-it/lib/rules_core/state_core.mjs').default} StateCore */

const ATTRIBUTION = /^(—|--)\s+/;

/**
 * @param {MarkdownIt} md
 * @param {{ fail: (line: number, message: string) => never }} options
 *   `line` is 0-based within the Markdown body.
 */
export function editionStructure(md, { fail }) {
  md.core.ruler.push('edition_structure', (state) => {
    validate(state.tokens, fail);
    state.tokens = wrapSections(state);
    state.tokens = quotesToFigures(state, fail);
    state.tokens = headingsToCaptions(state);
    scopeTableHeaders(state.tokens);
    state.env.sections = collectSections(state.tokens);
    state.env.words = countTextWords(state.tokens);
  });
}

/**
 * @param {Token[]} tokens
 * @param {(line: number, message: string) => never} fail
 */
function validate(tokens, fail) {
  let level = 1;
  for (const token of tokens) {
    const line = token.map?.[0] ?? 0;
    if (token.type === 'heading_open') {
      const next = Number(token.tag.slice(1));
      if (next === 1) fail(line, 'the title comes from the front matter; use "##" for section headings, not "#"');
      if (next > level + 1) fail(line, `heading level skips from h${level} to h${next}; use h${level + 1}`);
      level = next;
    }
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type === 'image') {
          const src = child.attrGet('src') ?? '';
          if (child.content.trim() === '') fail(line, `image "${src}" needs alt text: ![what it shows](${src})`);
          if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) fail(line, `image "${src}" must be a file of this site, not loaded from elsewhere`);
        }
      }
    }
  }
}

/** @param {StateCore} state */
function wrapSections(state) {
  /** @type {Token[]} */
  const out = [];
  let open = false;
  for (const token of state.tokens) {
    if (token.type === 'heading_open' && token.tag === 'h2' && token.level === 0) {
      if (open) out.push(new state.Token('section_close', 'section', -1));
      const section = new state.Token('section_open', 'section', 1);
      section.attrSet('aria-labelledby', token.attrGet('id') ?? '');
      const className = token.attrGet('class');
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

/**
 * @param {StateCore} state
 * @param {(line: number, message: string) => never} fail
 */
function quotesToFigures(state, fail) {
  const tokens = state.tokens;
  /** @type {Token[]} */
  const out = [];
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
    if (close - 3 === i + 1) fail(token.map?.[0] ?? 0, 'this quote has an attribution but no quoted text');
    const first = inline.children?.[0];
    if (first?.type === 'text') first.content = first.content.replace(ATTRIBUTION, '');
    inline.content = inline.content.replace(ATTRIBUTION, '');

    const figure = new state.Token('figure_open', 'figure', 1);
    figure.attrSet('class', 'quote');
    figure.map = token.map;
    out.push(figure, ...tokens.slice(i, close - 3), tokens[close]);
    out.push(new state.Token('figcaption_open', 'figcaption', 1), inline, new state.Token('figcaption_close', 'figcaption', -1));
    out.push(new state.Token('figure_close', 'figure', -1));
    i = close;
  }
  return out;
}

/** @param {StateCore} state */
function headingsToCaptions(state) {
  /** @type {Token[]} */
  const out = [];
  for (const token of state.tokens) {
    const heading = out.slice(-3);
    if (token.type === 'table_open' && heading[2]?.type === 'heading_close') {
      out.splice(-3, 3);
      out.push(
        token,
        new state.Token('caption_open', 'caption', 1),
        ...heading,
        new state.Token('caption_close', 'caption', -1),
      );
      continue;
    }
    out.push(token);
  }
  return out;
}

/** @param {Token[]} tokens */
function scopeTableHeaders(tokens) {
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
    const style = token.attrGet('style');
    if (style) {
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      token.attrJoin('class', `align-${style.replace('text-align:', '')}`);
    }
  }
}

/** @param {Token[]} tokens */
function collectSections(tokens) {
  return tokens.flatMap((token, i) =>
    token.type === 'heading_open' && token.tag === 'h2'
      ? [{ id: token.attrGet('id') ?? '', text: inlineText(tokens[i + 1]) }]
      : [],
  );
}

/** @param {Token[]} tokens */
function countTextWords(tokens) {
  const text = tokens.filter((token) => token.type === 'inline').map(inlineText).join(' ');
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** @param {Token} inline */
function inlineText(inline) {
  return (inline.children ?? [])
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('')
    .trim();
}

/**
 * @param {Token[]} tokens
 * @param {number} openIndex
 */
function matchingClose(tokens, openIndex) {
  let depth = 0;
  for (let i = openIndex; i < tokens.length; i++) {
    if (tokens[i].type === tokens[openIndex].type) depth++;
    if (tokens[i].type === tokens[openIndex].type.replace('_open', '_close')) depth--;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}
