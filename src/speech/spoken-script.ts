// Builds what is read aloud from the article's structure, not its raw text: one segment per
// sentence (Chrome cuts long utterances off), headings announced as such, each quote followed
// by its attribution, the table read row by row with its column headers, FAQ questions
// announced before their answers.
import { Lexicon, type Piece } from './lexicon.js';
import { sentenceSpans } from './segmenter.js';

export type SegmentKind = 'title' | 'heading' | 'text' | 'quote' | 'attribution' | 'cell' | 'question';

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
}

export interface ScriptSection {
  title: string;
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

/** The elements that are read, in reading order: each carries whole sentences. */
const BLOCKS = 'h1, h2, h3, h4, p, li, figcaption, th, td';

export function buildScript(article: Element, lexicon: Lexicon, lang = article.closest('[lang]')?.getAttribute('lang') ?? 'en'): SpokenScript {
  const segments: Segment[] = [];
  const sections: ScriptSection[] = [];

  for (const block of article.querySelectorAll(BLOCKS)) {
    // What the edition adds (reading time, buttons) is not the article.
    if (block.closest('[data-edition]')) continue;
    // A paragraph inside a list item or quote is read as itself; skip the container's text.
    if (block.matches('li') && block.querySelector('p')) continue;
    // Column headers are spoken with each cell instead ("Topic: … Key Idea: …").
    if (block.closest('thead')) continue;

    const kind = kindOf(block);
    if (kind === 'title' || (kind === 'heading' && block.matches('h2'))) {
      sections.push({ title: kind === 'title' ? 'Opening' : text(block), heading: block, first: segments.length });
    }
    if (sections.length === 0) continue;
    const prefix = announcement(block, kind);
    const written = block.textContent ?? '';
    sentenceSpans(written, lang).forEach((span, n) => {
      const spoken = lexicon.speak(written, span.start, span.end);
      // The announcement comes before the block's first sentence and stands for no written text.
      const lead = n === 0 ? prefix : '';
      const pieces = lead
        ? [
            { spokenStart: 0, spokenEnd: lead.length, writtenStart: span.start, writtenEnd: span.start, replaced: true },
            ...spoken.pieces.map((p) => ({ ...p, spokenStart: p.spokenStart + lead.length, spokenEnd: p.spokenEnd + lead.length })),
          ]
        : spoken.pieces;
      const full = `${lead}${spoken.text}`;
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
      });
    });
  }
  return { lang, segments, sections };
}

function kindOf(block: Element): SegmentKind {
  if (block.matches('h1')) return 'title';
  if (block.matches('.faq h3')) return 'question';
  if (block.matches('h2, h3, h4')) return 'heading';
  if (block.matches('figcaption')) return 'attribution';
  if (block.closest('blockquote')) return 'quote';
  if (block.matches('th, td')) return 'cell';
  return 'text';
}

/** Spoken before a block's first sentence, so a listener hears the structure a reader sees. */
function announcement(block: Element, kind: SegmentKind): string {
  switch (kind) {
    case 'heading':
      return block.closest('caption') ? 'Table: ' : 'Section: ';
    case 'question':
      return 'Question: ';
    case 'attribution':
      return 'End of quote, from ';
    case 'quote':
      return block.matches('blockquote > p:first-child') ? 'Quote: ' : '';
    case 'cell': {
      // Each cell is introduced by its column header, so a row is heard as "Topic: … Key Idea: …".
      const cell = block as HTMLTableCellElement;
      const header = cell.closest('table')?.tHead?.rows[0]?.cells[cell.cellIndex];
      return header ? `${text(header)}: ` : '';
    }
    default:
      return '';
  }
}

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
