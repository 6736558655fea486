// Builds what is read aloud from the article's structure, not its raw text: one segment per
// sentence (Chrome cuts long utterances off), headings announced as such, each quote followed
// by its attribution, the table read row by row with its column headers, FAQ questions
// announced before their answers, a picture by its alt text and a code block by what it is
// (the build marks both with data-speak), in the article's language (./phrases.ts). A passage
// marked with another language (lang) stays inside its sentence, noted as a passage, so the
// player speaks it in a voice of its own without the sentence losing its highlight.
import { primaryLanguage } from './language-names.js';
import { Lexicon, type Piece } from './lexicon.js';
import { phrasesFor, type Phrases } from './phrases.js';
import { sentenceSpans } from './segmenter.js';

export type SegmentKind =
  'title' | 'heading' | 'text' | 'quote' | 'attribution' | 'cell' | 'question' | 'image' | 'code';

export interface Segment {
  index: number;
  /** Index into the script's sections. */
  section: number;
  kind: SegmentKind;
  /** The element whose text this segment speaks. */
  block: Element;
  /** The sentence's span in the block's textContent. */
  start: number;
  end: number;
  /** What the engine is given. */
  spoken: string;
  /** Spoken ↔ written offsets (written offsets into the block's textContent). */
  pieces: Piece[];
  /** Words spoken, for time estimates. */
  words: number;
  /** Stretches of the spoken text in another language than the article's, in order. */
  passages: Passage[];
}

/** A stretch of a segment's spoken text marked with another language (offsets into `spoken`). */
export interface Passage {
  start: number;
  end: number;
  lang: string;
}

export interface ScriptSection {
  /** The heading's text; for the opening, its name in the article's language (./phrases.ts). */
  title: string;
  /** The section from the title to the first heading, whose title is not the article's. */
  opening: boolean;
  /** The heading that starts the section (the title for the opening). */
  heading: Element;
  /** Index of the section's first segment. */
  first: number;
}

export interface SpokenScript {
  lang: string;
  segments: Segment[];
  sections: ScriptSection[];
}

/** The elements that are read, in reading order: each carries whole sentences, or is announced. */
const BLOCKS =
  'h1, h2, h3, h4, h5, h6, p, li, dt, dd, figcaption, summary, th, td, [data-speak="image"], [data-speak="code"]';

/**
 * The article's script. `lexicon` is the article language's; `others` holds other languages'
 * lexicons by primary subtag ("fr"), for passages marked with them (none applies where absent).
 */
export function buildScript(
  article: Element,
  lexicon: Lexicon,
  lang = article.closest('[lang]')?.getAttribute('lang') ?? 'en',
  others: ReadonlyMap<string, Lexicon> = new Map(),
): SpokenScript {
  const segments: Segment[] = [];
  const sections: ScriptSection[] = [];
  const phrases = phrasesFor(lang);

  for (const block of article.querySelectorAll(BLOCKS)) {
    // What the edition adds (reading time, buttons) is not the article.
    if (block.closest('[data-edition]')) continue;
    // Column headers are spoken with each cell instead ("Topic: … Key Idea: …").
    if (block.closest('thead')) continue;
    // A code block is announced, not read out character by character.
    if (block.parentElement?.closest('[data-speak="code"]')) continue;

    const kind = kindOf(block);
    if (kind === 'title' || (kind === 'heading' && block.matches('h2'))) {
      const opening = kind === 'title';
      sections.push({
        title: opening ? phrases.opening : text(block),
        opening,
        heading: block,
        first: segments.length,
      });
    }
    if (sections.length === 0) continue;
    if (kind === 'image' || kind === 'code') {
      const spoken = kind === 'image' ? imageAnnouncement(block, phrases) : codeAnnouncement(block, phrases);
      if (!spoken) continue;
      const end = (block.textContent ?? '').length;
      segments.push({
        index: segments.length,
        section: sections.length - 1,
        kind,
        block,
        start: 0,
        end,
        spoken,
        // The announcement stands for the whole block.
        pieces: [{ spokenStart: 0, spokenEnd: spoken.length, writtenStart: 0, writtenEnd: end, replaced: true }],
        words: spoken.split(/\s+/).filter(Boolean).length,
        passages: [],
      });
      continue;
    }
    const prefix = announcement(block, kind, phrases);
    const written = readableText(block);
    const languages = languageRuns(block, lang);
    sentenceSpans(written, lang).forEach((span, n) => {
      const spoken = speakRuns(written, span, languages, lang, lexicon, others);
      // The announcement comes before the block's first sentence and stands for no written text.
      const lead = n === 0 ? prefix : '';
      const pieces = lead
        ? [
            {
              spokenStart: 0,
              spokenEnd: lead.length,
              writtenStart: span.start,
              writtenEnd: span.start,
              replaced: true,
            },
            ...spoken.pieces.map((p) => ({
              ...p,
              spokenStart: p.spokenStart + lead.length,
              spokenEnd: p.spokenEnd + lead.length,
            })),
          ]
        : spoken.pieces;
      const full = `${lead}${spoken.text}`;
      const passages = spoken.passages.map((p) => ({ ...p, start: p.start + lead.length, end: p.end + lead.length }));
      segments.push({
        index: segments.length,
        section: sections.length - 1,
        kind,
        block,
        start: span.start,
        end: span.end,
        spoken: full,
        pieces,
        words: full.split(/\s+/).filter(Boolean).length,
        passages,
      });
    });
  }
  return { lang, segments, sections };
}

/** A stretch of a block's textContent and the language it is written in. */
interface LanguageRun {
  start: number;
  end: number;
  lang: string;
}

/**
 * The block's text in runs of one language each, by the nearest lang attribute: one run for a
 * block in the article's language with no lang inside it. A language differs from the article's
 * by its primary subtag (a British passage in an American article is no passage of its own).
 */
function languageRuns(block: Element, articleLang: string): LanguageRun[] {
  const length = (block.textContent ?? '').length;
  const langOf = (el: Element | null) => el?.closest('[lang]')?.getAttribute('lang') || articleLang;
  const own = langOf(block);
  if (!block.querySelector('[lang]')) return [{ start: 0, end: length, lang: own }];
  const runs: LanguageRun[] = [];
  let offset = 0;
  const walker = block.ownerDocument.createTreeWalker(block, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const end = offset + (node as Text).data.length;
    const lang = langOf(node.parentElement);
    const last = runs.at(-1);
    if (last && primaryLanguage(last.lang) === primaryLanguage(lang)) last.end = end;
    else runs.push({ start: offset, end, lang });
    offset = end;
  }
  return runs;
}

/**
 * A sentence's spoken form, each run said with its language's lexicon, and the runs in another
 * language than the article's as passages. A run with no word in it (the full stop after a
 * quotation) is said with what it follows, not as a passage.
 */
function speakRuns(
  written: string,
  span: { start: number; end: number },
  runs: LanguageRun[],
  articleLang: string,
  lexicon: Lexicon,
  others: ReadonlyMap<string, Lexicon>,
) {
  const article = primaryLanguage(articleLang);
  let text = '';
  const pieces: Piece[] = [];
  const passages: Passage[] = [];
  for (const run of runs) {
    const start = Math.max(run.start, span.start);
    const end = Math.min(run.end, span.end);
    if (start >= end) continue;
    const primary = primaryLanguage(run.lang);
    const foreign = primary !== article && /[\p{L}\p{N}]/u.test(written.slice(start, end));
    const spoken = (primary === article ? lexicon : (others.get(primary) ?? NO_LEXICON)).speak(written, start, end);
    const at = text.length;
    for (const p of spoken.pieces) pieces.push({ ...p, spokenStart: p.spokenStart + at, spokenEnd: p.spokenEnd + at });
    text += spoken.text;
    const last = passages.at(-1);
    if (!foreign) continue;
    if (last && last.end === at && last.lang === run.lang) last.end = text.length;
    else passages.push({ start: at, end: text.length, lang: run.lang });
  }
  return { text, pieces, passages };
}

/** For a language the page has no lexicon for: its words as written. */
const NO_LEXICON = new Lexicon();

function kindOf(block: Element): SegmentKind {
  if (block.matches('[data-speak="image"]')) return 'image';
  if (block.matches('[data-speak="code"]')) return 'code';
  if (block.matches('h1')) return 'title';
  if (block.matches('.faq h3')) return 'question';
  if (block.matches('h2, h3, h4, h5, h6')) return 'heading';
  if (block.matches('.quote > .attribution')) return 'attribution';
  if (block.closest('blockquote')) return 'quote';
  if (block.matches('th, td')) return 'cell';
  return 'text';
}

/** A heading directly above a table names it (the table's caption holds the same words). */
function namesTable(heading: Element) {
  let next = heading.nextElementSibling;
  while (next?.hasAttribute('data-edition')) next = next.nextElementSibling;
  return next?.localName === 'table';
}

/** Spoken before a block's first sentence, so a listener hears the structure a reader sees. */
function announcement(block: Element, kind: SegmentKind, phrases: Phrases): string {
  switch (kind) {
    case 'heading':
      return namesTable(block) ? phrases.table : phrases.section;
    case 'question':
      return phrases.question;
    case 'attribution':
      return phrases.endOfQuote;
    case 'quote':
      return block.matches('blockquote > p:first-child') ? phrases.quote : '';
    case 'cell': {
      // Each cell is introduced by its column header, so a row is heard as "Topic: … Key Idea: …".
      const cell = block as HTMLTableCellElement;
      const header = cell.closest('table')?.tHead?.rows[0]?.cells[cell.cellIndex];
      return header ? `${text(header)}${phrases.cellHeader}` : '';
    }
    default:
      return '';
  }
}

/** "Image: <alt>"; nothing for a decorative picture (empty alt). */
function imageAnnouncement(block: Element, phrases: Phrases): string {
  const alt = (block.matches('img') ? block : block.querySelector('img'))?.getAttribute('alt')?.trim() ?? '';
  return alt ? `${phrases.image}${alt}` : '';
}

/** "Code example in Rust, 12 lines", from what the build recorded on the block. */
function codeAnnouncement(block: Element, phrases: Phrases): string {
  const lines =
    Number(block.getAttribute('data-lines')) || (block.textContent ?? '').replace(/\n$/, '').split('\n').length;
  return phrases.code(block.getAttribute('data-language') ?? '', lines);
}

/** NodeFilter.SHOW_TEXT, spelled out: the build runs this code over jsdom, which has no global NodeFilter. */
const SHOW_TEXT = 0x4;

/** What a block does not read itself: what is marked data-speak="skip", and the blocks inside it. */
const NOT_ITS_OWN = `[data-speak="skip"], ${BLOCKS}`;

/**
 * The block's text as offsets into its textContent, with what it does not read blanked out, so
 * offsets still match the page: a footnote's reference mark and its back link (data-speak="skip"),
 * and the blocks inside it (a nested list's items, a list item's paragraphs, a code block), which
 * are read as themselves, or announced, or left out, but never twice.
 */
function readableText(block: Element): string {
  const written = block.textContent ?? '';
  if (!block.querySelector(NOT_ITS_OWN)) return written;
  // UTF-16 units, as text nodes count them.
  const chars = written.split('');
  let offset = 0;
  const walker = block.ownerDocument.createTreeWalker(block, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).data.length;
    const within = node.parentElement?.closest(NOT_ITS_OWN);
    if (within && within !== block && block.contains(within)) {
      for (let i = offset; i < offset + length; i++) chars[i] = ' ';
    }
    offset += length;
  }
  return chars.join('');
}

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
