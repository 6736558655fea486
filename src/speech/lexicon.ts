// Maps written text to what a speech engine should say, keeping track of which spoken
// characters came from which written ones so the highlight can still mark the page's words.

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

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Lexicon {
  private readonly entries: Map<string, string>;
  private readonly pattern?: RegExp;

  constructor(entries: LexiconEntry[] = []) {
    this.entries = new Map(entries.map((e) => [e.written, e.spoken]));
    // Longest first, so "Carhart Harris" wins over a shorter entry inside it; whole words only.
    const alternatives = [...this.entries.keys()].sort((a, b) => b.length - a.length).map(escape);
    if (alternatives.length > 0) this.pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }

  /** Reads a lexicon file's JSON, ignoring malformed entries rather than failing speech. */
  static fromJson(json: unknown): Lexicon {
    const entries = (json as { entries?: unknown })?.entries;
    if (!Array.isArray(entries)) return new Lexicon();
    return new Lexicon(
      entries.filter((e): e is LexiconEntry => typeof e?.written === 'string' && typeof e?.spoken === 'string' && e.written !== ''),
    );
  }

  /**
   * The lexicon the build embedded in the page as JSON (`#pronunciation-lexicon`); an empty
   * one if the page has none or it does not parse, so speech goes on without it.
   */
  static fromPage(doc: Document): Lexicon {
    const data = doc.getElementById('pronunciation-lexicon')?.textContent;
    try {
      return Lexicon.fromJson(data ? JSON.parse(data) : undefined);
    } catch {
      return new Lexicon();
    }
  }

  /** The spoken form of `written[start, end)`, with offsets relative to `written`. */
  speak(written: string, start = 0, end = written.length): Spoken {
    const replacements: { start: number; end: number; spoken: string }[] = [];
    const slice = written.slice(start, end);
    for (const match of slice.matchAll(URL)) {
      replacements.push({ start: start + match.index!, end: start + match.index! + match[0].length, spoken: match[1].replace(/^www\./, '') });
    }
    if (this.pattern) {
      for (const match of slice.matchAll(this.pattern)) {
        const at = start + match.index!;
        if (replacements.some((r) => at < r.end && at + match[0].length > r.start)) continue;
        replacements.push({ start: at, end: at + match[0].length, spoken: this.entries.get(match[0])! });
      }
    }
    replacements.sort((a, b) => a.start - b.start);

    let text = '';
    const pieces: Piece[] = [];
    const add = (spoken: string, writtenStart: number, writtenEnd: number, replaced: boolean) => {
      if (spoken === '' && writtenStart === writtenEnd) return;
      pieces.push({ spokenStart: text.length, spokenEnd: text.length + spoken.length, writtenStart, writtenEnd, replaced });
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

/** The written span a spoken character offset falls in: one character, or a whole replaced word. */
export function writtenAt(pieces: Piece[], spokenOffset: number): { start: number; end: number } | undefined {
  const piece = pieces.find((p) => spokenOffset >= p.spokenStart && spokenOffset < p.spokenEnd);
  if (!piece) return undefined;
  if (piece.replaced) return piece.writtenStart === piece.writtenEnd ? undefined : { start: piece.writtenStart, end: piece.writtenEnd };
  const at = piece.writtenStart + (spokenOffset - piece.spokenStart);
  return { start: at, end: at + 1 };
}
