// The lexicon travels with the book: the hard words of the article's language that the book holds,
// and those of each language its passages are marked in that they hold, as W3C Pronunciation
// Lexicons (PLS 1.0) in IPA, one per language, which the content document links to, so a
// reading system's own voice can say them right (docs/book.md). The page's read-aloud and the
// audio edition use the same entries (assets/lexicon/, generator/lexicon/lexicon.ts).
import { escapeXml } from '../escape.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';

/** The article language's lexicon's name in the book, beside the content document. */
export const PRONUNCIATION_LEXICON = 'lexicon.pls';

/** A passage language's lexicon's name in the book ("lexicon-fr.pls"). */
export const passageLexiconFile = (language: string) => `lexicon-${language.split('-')[0].toLowerCase()}.pls`;

export interface PronunciationLexicon {
  /** The lexicon's language, which the content document's link gives as its `hreflang`. */
  language: string;
  /** Its name in the book, beside the content document. */
  file: string;
  pls: string;
}

/**
 * The entries whose written word the book's text holds (whole, with its case, as read aloud matches
 * them), each with the pronunciation the lexicon aims at; none where the book holds none of them.
 */
export function pronunciationLexicon(
  lexicon: Lexicon,
  text: string,
  file = PRONUNCIATION_LEXICON,
): PronunciationLexicon | undefined {
  const entries = lexicon.entries.filter((entry) => holds(text, entry.written));
  if (entries.length === 0) return undefined;
  const language = escapeXml(lexicon.language);
  const lexemes = entries.map(
    (entry) =>
      `<lexeme><grapheme>${escapeXml(entry.written)}</grapheme><phoneme>${escapeXml(entry.ipa[0])}</phoneme></lexeme>\n`,
  );
  return {
    language: lexicon.language,
    file,
    pls: `<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="${language}">
${lexemes.join('')}</lexicon>
`,
  };
}

/** Whether the text holds the word whole: not inside a longer word. */
function holds(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}
