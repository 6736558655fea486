// Builds what is read aloud from the article's structure, not its raw text: one segment per
// sentence (Chrome cuts long utterances off), headings announced as such, each quote followed
// by its attribution, the table read row by row with its column headers, FAQ questions
// announced before their answers, a picture by its alt text and a code block by what it is
// (the build marks both with data-speak), in the article's language (./phrases.ts). A passage
// marked with another language (lang) stays inside its sentence, noted as a passage, so the
// player speaks it in a voice of its own without the sentence losing its highlight. How much
// is said around the article's words is the listener's choice (./verbosity.ts); the notes may
// be read where they are referenced, each sentence of a note a segment of the note's own block.
import { primaryLanguage } from './language-names.js';
import { Lexicon, type Piece } from './lexicon.js';
import { phrasesFor, type Phrases } from './phrases.js';
import { sentenceSpans } from './segmenter.js';
import { PRESETS, type Verbosity } from './verbosity.js';

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
  /** A note read where it is referenced, away from where it stands (after the sentences before it). */
  away?: true;
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

/** The article's notes, at its end (generator/article/code-blocks.ts), and each one's reference marks. */
const NOTES = 'section.footnotes';
const NOTE_MARK = 'sup.footnote-ref a[href^="#"]';

/**
 * The article's script. `lexicon` is the article language's; `others` holds other languages'
 * lexicons by primary subtag ("fr"), for passages marked with them (none applies where absent).
 * `verbosity` is how much is said around the article's words (./verbosity.ts): the standard
 * level unless the listener chose otherwise, as the audio edition is rendered at it.
 */
export function buildScript(
  article: Element,
  lexicon: Lexicon,
  lang = article.closest('[lang]')?.getAttribute('lang') ?? 'en',
  others: ReadonlyMap<string, Lexicon> = new Map(),
  verbosity: Verbosity = PRESETS.standard,
): SpokenScript {
  const segments: Segment[] = [];
  const sections: ScriptSection[] = [];
  const phrases = phrasesFor(lang);
  const notes = verbosity.footnotes === 'referenced' ? notesById(article) : new Map<string, Element>();
  /** The notes read where they are referenced, so not again at the end. */
  const readAtReference = new Set<Element>();

  /**
   * Adds a block's segments. `note` is given for a note's blocks read at its reference: its lead
   * ("Note 1: ") goes before the first sentence the note has, and is then used up.
   */
  const read = (block: Element, note?: { lead: string }) => {
    const kind = kindOf(block);
    const away = note ? { away: true as const } : {};
    if (kind === 'image' || kind === 'code') {
      const announced =
        kind === 'image' ? imageAnnouncement(block, phrases, verbosity) : codeAnnouncement(block, phrases);
      if (!announced) return;
      const spoken = `${note?.lead ?? ''}${announced}`;
      if (note) note.lead = '';
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
        ...away,
      });
      return;
    }
    const announced = announcement(block, kind, phrases, verbosity);
    const written = readableText(block);
    const languages = languageRuns(block, lang);
    const spans = sentenceSpans(written, lang);
    // Notes read at their reference are not looked into for references of their own.
    const marks = !note && notes.size > 0 ? noteMarks(block, notes) : [];
    spans.forEach((span, n) => {
      const spoken = speakRuns(written, span, languages, lang, lexicon, others);
      // The announcement comes before the block's first sentence and stands for no written text.
      const lead = n === 0 ? `${note?.lead ?? ''}${announced}` : '';
      if (note) note.lead = '';
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
        ...away,
      });
      // A note referenced in this sentence (its mark stands after the sentence's last word) is read next.
      const next = spans[n + 1]?.start ?? Infinity;
      for (const mark of marks) {
        if (mark.at < (n === 0 ? -Infinity : span.start) || mark.at >= next || readAtReference.has(mark.note)) continue;
        readAtReference.add(mark.note);
        const lead = { lead: phrases.note(mark.number) };
        for (const inner of readBlocks(mark.note, verbosity)) read(inner, lead);
      }
    });
  };

  for (const block of readBlocks(article, verbosity)) {
    const notesSection = block.closest(NOTES);
    if (notesSection) {
      if (verbosity.footnotes === 'off') continue;
      // Each note read at its reference is not read again; nor the notes' heading, once all were.
      const item = block.closest('li[id]');
      if (item && readAtReference.has(item)) continue;
      if (block.matches('h2') && [...notesSection.querySelectorAll('li[id]')].every((li) => readAtReference.has(li)))
        continue;
    }
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
    read(block);
  }
  return { lang, segments, sections };
}

/** The blocks within `root` (itself included) that are read, in reading order. */
function readBlocks(root: Element, verbosity: Verbosity): Element[] {
  return [root, ...root.querySelectorAll(BLOCKS)].filter(
    (block) =>
      block.matches(BLOCKS) &&
      // What the edition adds (reading time, buttons) is not the article.
      !block.closest('[data-edition]') &&
      // Column headers are spoken with each cell instead ("Topic: … Key Idea: …"), where they are.
      !(verbosity.tableHeaders === 'said' && block.closest('thead')) &&
      // A code block is announced, not read out character by character.
      !block.parentElement?.closest('[data-speak="code"]') &&
      !(verbosity.code === 'off' && block.matches('[data-speak="code"]')) &&
      !(verbosity.images === 'off' && block.matches('[data-speak="image"]')),
  );
}

/** The article's notes by id ("fn1"), with their number as the marks show it. */
function notesById(article: Element): Map<string, Element> {
  return new Map([...article.querySelectorAll(`${NOTES} li[id]`)].map((item) => [item.id, item]));
}

/** Where a block's note marks stand in its textContent, and the note each refers to, in order. */
function noteMarks(block: Element, notes: ReadonlyMap<string, Element>) {
  const marks: { at: number; note: Element; number: number }[] = [];
  for (const mark of block.querySelectorAll(NOTE_MARK)) {
    const note = notes.get(mark.getAttribute('href')!.slice(1));
    // A mark in a block inside this one is that block's.
    if (!note || mark.parentElement?.closest(BLOCKS) !== block) continue;
    const number = [...note.parentElement!.children].indexOf(note) + 1;
    marks.push({ at: offsetIn(block, mark), note, number });
  }
  return marks;
}

/** The offset in a block's textContent where an element inside it starts. */
function offsetIn(block: Element, inside: Element) {
  let offset = 0;
  const walker = block.ownerDocument.createTreeWalker(block, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (inside.contains(node)) break;
    offset += (node as Text).data.length;
  }
  return offset;
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

/**
 * Spoken before a block's first sentence, so a listener hears the structure a reader sees; as
 * little as the listener chose (the attribution alone, as written, after a quote not announced).
 */
function announcement(block: Element, kind: SegmentKind, phrases: Phrases, verbosity: Verbosity): string {
  switch (kind) {
    case 'heading':
      if (verbosity.headings === 'title') return '';
      return namesTable(block) ? phrases.table : phrases.section;
    case 'question':
      return verbosity.headings === 'title' ? '' : phrases.question;
    case 'attribution':
      return verbosity.quotes === 'attribution' ? '' : phrases.endOfQuote;
    case 'quote':
      return verbosity.quotes === 'announced' && block.matches('blockquote > p:first-child') ? phrases.quote : '';
    case 'cell': {
      // Without them, the header row is read once, as the table's first row (see readBlocks).
      if (verbosity.tableHeaders === 'not') return '';
      // Each cell is introduced by its column header, so a row is heard as "Topic: … Key Idea: …".
      const cell = block as HTMLTableCellElement;
      const header = cell.closest('table')?.tHead?.rows[0]?.cells[cell.cellIndex];
      return header ? `${text(header)}${phrases.cellHeader}` : '';
    }
    default:
      return '';
  }
}

/** "Image: <alt>", or the alt text alone; nothing for a decorative picture (empty alt). */
function imageAnnouncement(block: Element, phrases: Phrases, verbosity: Verbosity): string {
  const alt = (block.matches('img') ? block : block.querySelector('img'))?.getAttribute('alt')?.trim() ?? '';
  return alt && verbosity.images === 'announced' ? `${phrases.image}${alt}` : alt;
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
