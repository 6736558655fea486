// Maps written text to what a speech engine should say, keeping track of which spoken
// characters came from which written ones so the highlight can still mark the page's words.
// The words come from assets/lexicon/<language>.json (see generator/lexicon/lexicon.ts for its form and
// test/read-aloud/lexicon.node.test.ts for how each respelling is checked against real engines).

/** A written word and what the engine is given in its place. */
export interface LexiconEntry {
  written: string;
  spoken: string;
}

/** A stretch of spoken text and the written text it stands for (offsets into each). */
export interface Piece {
  spokenStart: number;
  spokenEnd: number;
  writtenStart: number;
  writtenEnd: number;
  /** Whether the spoken text differs from the written (a lexicon entry, a link, an announcement). */
  replaced: boolean;
}

export interface Spoken {
  text: string;
  pieces: Piece[];
}

/** A bare web address said as its site's name ("takeachef.com"), not letter by letter. */
const URL = /\b(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?:\/[^\s]*)?/gi;

/** "#2" is "number 2": engines say "hash two". */
const NUMBER_SIGN = /(?<![\p{L}\p{N}])#(\p{N}+)(?![\p{L}\p{N}])/gu;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Lexicon {
  private readonly entries: Map<string, string>;
  private readonly pattern?: RegExp;

  constructor(entries: LexiconEntry[] = []) {
    this.entries = new Map(entries.map((e) => [e.written, e.spoken]));
    // Longest first, so "Carhart Harris" wins over a shorter entry inside it; whole words only.
    const alternatives = [...this.entries.keys()].sort((a, b) => b.length - a.length).map(escape);
    if (alternatives.length > 0)
      this.pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }

  /**
   * Reads a lexicon file's JSON: each entry's default respelling (`speak`, or `speak.default`
   * where engines have their own). Entries the engines read right as written have none and are
   * skipped, as are malformed ones, rather than failing speech.
   */
  static fromJson(json: unknown): Lexicon {
    const entries = (json as { entries?: unknown })?.entries;
    if (!Array.isArray(entries)) return new Lexicon();
    const pairs: LexiconEntry[] = [];
    for (const e of entries) {
      const speak: unknown = e?.speak;
      const spoken = typeof speak === 'string' ? speak : (speak as { default?: unknown } | null)?.default;
      if (typeof e?.written === 'string' && e.written !== '' && typeof spoken === 'string' && spoken !== '')
        pairs.push({ written: e.written, spoken });
    }
    return new Lexicon(pairs);
  }

  /**
   * The lexicons of other languages than the article's that the page's JSON carries (`others`,
   * each with its `language`), by primary subtag ("fr"), as buildScript takes them.
   */
  static othersFromJson(json: unknown): Map<string, Lexicon> {
    const others = (json as { others?: unknown })?.others;
    const lexicons = new Map<string, Lexicon>();
    if (!Array.isArray(others)) return lexicons;
    for (const other of others) {
      const language: unknown = other?.language;
      if (typeof language === 'string' && language !== '')
        lexicons.set(language.split('-')[0].toLowerCase(), Lexicon.fromJson(other));
    }
    return lexicons;
  }

  /**
   * The lexicon the build embedded in the page as JSON (`#pronunciation-lexicon`); an empty
   * one if the page has none or it does not parse, so speech goes on without it.
   */
  static fromPage(doc: Document): Lexicon {
    return Lexicon.fromJson(pageJson(doc));
  }

  /** The other languages' lexicons the page embeds with its own (see othersFromJson); none if it has none. */
  static othersFromPage(doc: Document): Map<string, Lexicon> {
    return Lexicon.othersFromJson(pageJson(doc));
  }

  /** The spoken form of `written[start, end)`, with offsets relative to `written`. */
  speak(written: string, start = 0, end = written.length): Spoken {
    const replacements: { start: number; end: number; spoken: string }[] = [];
    const slice = written.slice(start, end);
    // Web addresses first, then numbers, then lexicon words; a later match inside an earlier one is left alone.
    const replace = (match: RegExpMatchArray, spoken: string) => {
      const at = start + match.index!;
      if (replacements.some((r) => at < r.end && at + match[0].length > r.start)) return;
      replacements.push({ start: at, end: at + match[0].length, spoken });
    };
    for (const match of slice.matchAll(URL)) {
      const site = match[1].replace(/^www\./, '');
      replace(match, this.entries.get(site) ?? site);
    }
    for (const match of slice.matchAll(NUMBER_SIGN)) replace(match, `number ${match[1]}`);
    if (this.pattern) for (const match of slice.matchAll(this.pattern)) replace(match, this.entries.get(match[0])!);
    replacements.sort((a, b) => a.start - b.start);

    let text = '';
    const pieces: Piece[] = [];
    const add = (spoken: string, writtenStart: number, writtenEnd: number, replaced: boolean) => {
      if (spoken === '' && writtenStart === writtenEnd) return;
      pieces.push({
        spokenStart: text.length,
        spokenEnd: text.length + spoken.length,
        writtenStart,
        writtenEnd,
        replaced,
      });
      text += spoken;
    };
    let at = start;
    for (const r of replacements) {
      add(written.slice(at, r.start), at, r.start, false);
      add(r.spoken, r.start, r.end, true);
      at = r.end;
    }
    add(written.slice(at, end), at, end, false);
    return { text, pieces };
  }
}

/** The page's `#pronunciation-lexicon` JSON; undefined where it has none or it does not parse. */
function pageJson(doc: Document): unknown {
  const data = doc.getElementById('pronunciation-lexicon')?.textContent;
  try {
    return data ? JSON.parse(data) : undefined;
  } catch {
    return undefined;
  }
}

/** The written span a spoken character offset falls in: one character, or a whole replaced word. */
export function writtenAt(pieces: Piece[], spokenOffset: number): { start: number; end: number } | undefined {
  const piece = pieces.find((p) => spokenOffset >= p.spokenStart && spokenOffset < p.spokenEnd);
  if (!piece) return undefined;
  if (piece.replaced)
    return piece.writtenStart === piece.writtenEnd ? undefined : { start: piece.writtenStart, end: piece.writtenEnd };
  const at = piece.writtenStart + (spokenOffset - piece.spokenStart);
  return { start: at, end: at + 1 };
}
