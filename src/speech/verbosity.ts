// How much the spoken script says around the article's own words: a level (brief, standard,
// full, after Readium's verbosity presets) and, on top of it, the listener's choice per kind.
// Standard is what the audio edition is rendered at. See docs/read-aloud.md, "How much is said".

export const LEVELS = ['brief', 'standard', 'full'] as const;
export type Level = (typeof LEVELS)[number];

/** What can be said of each kind, the fullest first. */
export const KIND_CHOICES = {
  /** "Section: …", "Table: …", "Question: …" before a heading; or its title alone. */
  headings: ['announced', 'title'],
  /** "Quote: …" and "End of quote, from …"; or the attribution alone, as the article writes it. */
  quotes: ['announced', 'attribution'],
  /** A table cell after its column header ("Topic: …"); or the cell alone. */
  tableHeaders: ['said', 'not'],
  /** "Image: <alt>"; the alt text alone; or nothing. */
  images: ['announced', 'alt', 'off'],
  /** "Code example in Rust, 12 lines"; or nothing. */
  code: ['announced', 'off'],
  /** Footnotes where they are, at the end; read after the sentence referring to them (and not again); or not read. */
  footnotes: ['end', 'referenced', 'off'],
} as const;

export type Kind = keyof typeof KIND_CHOICES;
export const KINDS = Object.keys(KIND_CHOICES) as Kind[];
export type Verbosity = { [K in Kind]: (typeof KIND_CHOICES)[K][number] };

/**
 * Brief keeps every word of the article and drops the structure's names; standard announces
 * the structure (today's script, and the recording's); full also reads each note where it is
 * referenced. No level leaves out a picture, a code block or a note: only the listener does.
 */
export const PRESETS: Readonly<Record<Level, Readonly<Verbosity>>> = {
  brief: {
    headings: 'title',
    quotes: 'attribution',
    tableHeaders: 'not',
    images: 'alt',
    code: 'announced',
    footnotes: 'end',
  },
  standard: {
    headings: 'announced',
    quotes: 'announced',
    tableHeaders: 'said',
    images: 'announced',
    code: 'announced',
    footnotes: 'end',
  },
  full: {
    headings: 'announced',
    quotes: 'announced',
    tableHeaders: 'said',
    images: 'announced',
    code: 'announced',
    footnotes: 'referenced',
  },
};

/** The level chosen (the "level" of the listener's choices), standard unless it is one this edition knows. */
export const levelOf = (chosen: Readonly<Record<string, string>>): Level =>
  LEVELS.find((level) => level === chosen.level) ?? 'standard';

/**
 * What the listener chose (listening preferences' `verbosity`): their level, with their own
 * choice for some kinds; a kind or choice this edition does not know is ignored.
 */
export function verbosityOf(chosen: Readonly<Record<string, string>>): Verbosity {
  const own = KINDS.filter((kind) => (KIND_CHOICES[kind] as readonly string[]).includes(chosen[kind]));
  return { ...PRESETS[levelOf(chosen)], ...Object.fromEntries(own.map((kind) => [kind, chosen[kind]])) };
}

export const sameVerbosity = (a: Verbosity, b: Verbosity) => KINDS.every((kind) => a[kind] === b[kind]);

/** Whether a script says what the standard one, and so the recording, says. */
export const isStandard = (verbosity: Verbosity) => sameVerbosity(verbosity, PRESETS.standard);
