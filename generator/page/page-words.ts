// What the build checks on each page it writes, read as a browser reads it: that every word of
// the article's source is in the page's <article> (nothing swallowed by HTML, dropped by a
// plugin or lost by the edition itself), and that each link to a place in the page (#id)
// finds one. The source's words come from generator/article/prose.ts.
//
// Words are runs of letters and digits (any script), compared in NFC and lower case, so
// quotes, dashes and markup around them do not matter. Which words are missing is counted,
// order aside (the notes move to the end, a table's caption repeats its heading); where they
// were is then found by walking the source and the page together, so a warning names the line
// of the first one. Both steps are linear but for a binary search, for 50,000-word articles.
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import type { Article } from '../article/article.ts';
import { WORD_BREAKS, type ProseRun } from '../article/prose.ts';
import type { Diagnostic } from '../diagnostics.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** A word: letters and digits, and the marks that go with them. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** What the edition writes in the article around the author's words: the byline, buttons, reference marks, back links. */
const EDITION_CLASSES = ['footnote-ref', 'footnote-backref'];

/** Read, but not the article's text. */
const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript']);

/** How many words after a source word must follow it where the walk finds it further on than it stands. */
const CONTEXT = 3;

/** How far on the page the walk looks for a source word before it counts it as not found there. */
const WINDOW = 64;

interface SourceWord {
  word: string;
  line: number;
}

/** The warnings for one built page: words of the source not on it, links to places it does not have. */
export function checkPage(file: string, article: Pick<Article, 'prose' | 'fragments'>, html: string): Diagnostic[] {
  const document = parse(html);
  const ids = new Set<string>();
  let text = '';
  const visit = (node: Node, inArticle: boolean) => {
    if (node.nodeName === '#text' && 'value' in node) {
      if (inArticle) text += node.value;
      return;
    }
    if (!('tagName' in node)) {
      if ('childNodes' in node) for (const child of node.childNodes) visit(child, inArticle);
      return;
    }
    const element: Element = node;
    const attribute = (name: string) => element.attrs.find((a) => a.name === name)?.value;
    const id = attribute('id');
    if (id) ids.add(id.normalize('NFC'));
    const inside = inArticle || element.tagName === 'article';
    const classes = (attribute('class') ?? '').split(/\s+/);
    const edition =
      NOT_TEXT.has(element.tagName) ||
      attribute('data-edition') !== undefined ||
      classes.some((name) => EDITION_CLASSES.includes(name));
    const gap = inside && (edition || WORD_BREAKS.has(element.tagName)) ? ' ' : '';
    text += gap;
    if (inside && element.tagName === 'img') text += `${attribute('alt') ?? ''} `;
    for (const child of element.childNodes) visit(child, inside && !edition);
    text += gap;
  };
  visit(document, false);
  const lost = lostWords(sourceWords(article.prose.body), words(text));
  return [
    ...(lost ? [{ file, severity: 'warning' as const, rule: 'lost-words', ...lost }] : []),
    ...dangling(file, article.fragments, ids),
  ];
}

/** The words of a text, as compared. */
export function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}

function sourceWords(runs: ProseRun[]): SourceWord[] {
  const out: SourceWord[] = [];
  for (const run of runs) {
    const text = run.text.normalize('NFC').toLowerCase();
    let line = run.line;
    let at = 0;
    for (const match of text.matchAll(WORD)) {
      for (let i = text.indexOf('\n', at); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
      at = match.index;
      out.push({ word: match[0], line });
    }
  }
  return out;
}

/** The line of the first source word missing from the page, and what to say; undefined when none is. */
function lostWords(source: SourceWord[], page: string[]): { line: number; message: string } | undefined {
  const missing = new Map<string, number>();
  for (const { word } of source) missing.set(word, (missing.get(word) ?? 0) + 1);
  for (const word of page) if (missing.has(word)) missing.set(word, missing.get(word)! - 1);
  if (![...missing.values()].some((count) => count > 0)) return undefined;

  // Which occurrences: those the walk along the page does not find, then (if the walk found a
  // word in the wrong place) the last ones.
  const positions = new Map<string, number[]>();
  for (const [i, word] of page.entries()) {
    const list = positions.get(word);
    if (list) list.push(i);
    else positions.set(word, [i]);
  }
  const lost = new Set<number>();
  let next = 0;
  for (const [i, { word }] of source.entries()) {
    const list = positions.get(word) ?? [];
    const found = list[firstAtOrAfter(list, next)];
    // A word counts as found only where the word after it follows it too, and further on the
    // words after that: "the" is everywhere, "the river rises" less so.
    let follows = found !== undefined;
    for (let n = 1; follows && n <= (found === next ? 1 : CONTEXT) && i + n < source.length; n++)
      follows = page[found + n] === source[i + n].word;
    if (follows && found - next <= WINDOW) next = found + 1;
    else if ((missing.get(word) ?? 0) > 0) {
      lost.add(i);
      missing.set(word, missing.get(word)! - 1);
    }
  }
  for (let i = source.length - 1; i >= 0; i--) {
    const { word } = source[i];
    if ((missing.get(word) ?? 0) <= 0 || lost.has(i)) continue;
    lost.add(i);
    missing.set(word, missing.get(word)! - 1);
  }
  const order = [...lost].sort((a, b) => a - b);
  const first = source[order[0]];
  const shown = order.slice(0, 8).map((i) => source[i].word);
  const lines = [...new Set(order.map((i) => source[i].line))].filter((line) => line !== first.line);
  const count = order.length === 1 ? 'a word' : `${order.length} words`;
  const also = lines.length ? ` (and on line${lines.length > 1 ? 's' : ''} ${listed(lines)})` : '';
  return {
    line: first.line,
    message: `${count} of the source ${order.length === 1 ? 'is' : 'are'} not on the page, from here${also}: “${shown.join(' ')}${order.length > 8 ? ' …' : ''}”; check the source just before: an HTML tag or comment may take ${order.length === 1 ? 'it' : 'them'} in, and a “{…}” ending a line is read as attributes (write \\{ to show it)`,
  };
}

/** The index of the first of sorted numbers at or after a value (the length if none). */
function firstAtOrAfter(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

const listed = (lines: number[]) => (lines.length > 5 ? `${lines.slice(0, 5).join(', ')}, …` : lines.join(', '));

/** A warning for each link to a place (#id) that the page does not have. */
function dangling(file: string, fragments: Article['fragments'], ids: Set<string>): Diagnostic[] {
  return fragments.flatMap(({ id, line }) => {
    let decoded = id;
    try {
      decoded = decodeURIComponent(id);
    } catch {
      // As written: a browser looks for it so too.
    }
    if (decoded === '' || ids.has(decoded.normalize('NFC'))) return [];
    return [
      {
        file,
        line,
        severity: 'warning' as const,
        rule: 'link',
        message: `the link to "#${decoded}" leads nowhere: no heading or note on the page has that id; use a heading's id (its words in lower case, joined by "-")`,
      },
    ];
  });
}
