// What read-aloud says around the article's own words, in the article's language, so a
// French voice never reads English glue words; and the name of the section before the first
// heading, shown with the sections' own titles. A language without a table uses English.

export interface Phrases {
  /** The section from the title to the first heading, in the bar, "Resume from …" and the audio's chapters. */
  opening: string;
  section: string;
  question: string;
  table: string;
  quote: string;
  /** Before a quote's attribution: "End of quote, from Roland Griffiths". */
  endOfQuote: string;
  image: string;
  /** Separates a table cell from its column header: "Topic: …". */
  cellHeader: string;
  /** A code block, said instead of its code. `language` is empty when the source named none. */
  code(language: string, lines: number): string;
  /** Before a note read where it is referenced: "Note 1: ". */
  note(number: number): string;
}

const en: Phrases = {
  opening: 'Opening',
  section: 'Section: ',
  question: 'Question: ',
  table: 'Table: ',
  quote: 'Quote: ',
  endOfQuote: 'End of quote, from ',
  image: 'Image: ',
  cellHeader: ': ',
  code: (language, lines) => `Code example${language ? ` in ${language}` : ''}, ${lines} line${lines === 1 ? '' : 's'}`,
  note: (number) => `Note ${number}: `,
};

const fr: Phrases = {
  opening: 'Début',
  section: 'Section : ',
  question: 'Question : ',
  table: 'Tableau : ',
  quote: 'Citation : ',
  endOfQuote: 'Fin de citation, de ',
  image: 'Image : ',
  cellHeader: ' : ',
  code: (language, lines) =>
    `Exemple de code${language ? ` en ${language}` : ''}, ${lines} ligne${lines > 1 ? 's' : ''}`,
  note: (number) => `Note ${number} : `,
};

const TABLES: Record<string, Phrases> = { en, fr };

/** The phrases for a BCP 47 language tag ("fr-CA" uses French). */
export function phrasesFor(lang: string): Phrases {
  return TABLES[lang.split('-')[0].toLowerCase()] ?? en;
}
