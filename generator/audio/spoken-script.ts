// The spoken script of a rendered page, built at build time by the very code the live player
// runs (src/speech/spoken-script.ts and its lexicon), so the audio edition says exactly what
// the device voice says: structure announcements, quote attributions, table rows with their
// headers, lexicon respellings;
// jsdom gives it the page's DOM (tables included: the script reads tHead, rows and cellIndex).
import { JSDOM } from 'jsdom';
import { buildScript, type SegmentKind } from '../../src/speech/spoken-script.ts';
import { Lexicon } from '../../src/speech/lexicon.ts';
import { PAGE_PARTS_IN_ARTICLE } from '../page/page.ts';

/**
 * Where a sentence is written in the article as `Article.html` holds it, for the accessible book
 * (docs/book.md, Media Overlays): the element it is read from, by its index in document order
 * among that markup's elements (`title` for the page's <h1>), and the sentence's offsets in the
 * element's textContent.
 */
export interface WrittenRange {
  element: number | 'title';
  start: number;
  end: number;
}

interface ScriptSentence {
  /** What the engine is given. */
  text: string;
  /** The sentence as the page shows it. */
  written: string;
  /** Index into the script's sections. */
  section: number;
  kind: SegmentKind;
  /** Which element it is read from, counted in reading order (a paragraph, a heading, a cell). */
  block: number;
  range: WrittenRange;
}

interface ScriptSection {
  title: string;
  /** Index of the section's first sentence. */
  first: number;
}

interface SpokenScript {
  lang: string;
  sentences: ScriptSentence[];
  sections: ScriptSection[];
}

/**
 * The script the player builds for the page's <article> (`html`, the page as served), with
 * the pronunciation lexicon JSON the page embeds, if any (its `others` included).
 */
export async function spokenScript(html: string, lexicon: string | null): Promise<SpokenScript> {
  const { window } = new JSDOM(html);
  try {
    const article = window.document.querySelector('article');
    if (!article) throw new Error('the page has no <article> to read');
    // As the player does: the language is the article's own (its closest lang attribute).
    const lang = article.closest('[lang]')?.getAttribute('lang') ?? 'en';
    // Each passage in another language with that language's lexicon, as the player does.
    const json: unknown = lexicon ? JSON.parse(lexicon) : undefined;
    const script = buildScript(article, Lexicon.fromJson(json), lang, Lexicon.othersFromJson(json));
    const blocks = new Map<Element, number>();
    const blockOf = (element: Element) => blocks.get(element) ?? blocks.set(element, blocks.size).size - 1;
    // The article's own elements, in document order: what the page adds inside <article> left out.
    const pageParts = [...article.querySelectorAll(PAGE_PARTS_IN_ARTICLE)];
    const own = [...article.querySelectorAll('*')].filter(
      (element) => !pageParts.some((part) => part.contains(element)),
    );
    const elementOf = (block: Element) => (block.matches('.article-header h1') ? 'title' : own.indexOf(block));
    return {
      lang: script.lang,
      sentences: script.segments.map((s) => ({
        text: s.spoken,
        written: (s.block.textContent ?? '').slice(s.start, s.end),
        section: s.section,
        kind: s.kind,
        block: blockOf(s.block),
        range: { element: elementOf(s.block), start: s.start, end: s.end },
      })),
      sections: script.sections.map((s) => ({ title: s.title, first: s.first })),
    };
  } finally {
    window.close();
  }
}
