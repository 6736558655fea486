// The words the build writes around the article (skip link, contents, byline, footer, the
// audio links, the notes' heading and links) and on the index, archive and offline pages. Only the build
// reads them, so they may be functions; the components' words are data (startup-words.ts,
// first-use-words.ts). Each language's table is in tables.ts.

export interface BuildWords {
  skipToArticle: string;
  skipToList: string;
  skipToMessage: string;
  contents: string;
  by(author: string): string;
  minutesRead(minutes: number): string;
  /** The footer of an article's page: the site's edition of the article. */
  editionOf(site: string, title: string, author: string | undefined): string;
  privateByDesign: string;
  moreArticles: string;
  allArticles: string;
  /** Links to the articles either side: their titles, as HTML. */
  previous(title: string): string;
  next(title: string): string;
  podcast(site: string): string;
  articlesFrom(count: number, site: string): string;
  notAvailableOffline: string;
  notKeptDescription: string;
  notKeptMessage: string;
  /** After a link to the index, which starts the sentence. */
  listSaysWhichAreKept: string;
  /** The article's audio edition, where the page links to it: its size and length in the link's name. */
  downloadAudio(size: string, minutes: number): string;
  /** The article's accessible book (EPUB): its size in the link's name, and whether it is narrated. */
  downloadBook(size: string, narrated: boolean): string;
  podcastFeed: string;
  /** The heading of the article's notes, where the author gave none. */
  notes: string;
  /** A note's link back to where it is referred to. */
  backToReference(note: number): string;
  /**
   * The accessible book's summary (EPUB Accessibility 1.1), for a person choosing it: what it is
   * and how it reads; `pictures` where a picture says something, and has its text alternative;
   * `narrated` where the book carries the audio edition, synchronized with the text.
   */
  bookSummary(pictures: boolean, narrated: boolean): string;
  /** The archive by year, where a site has more articles than its home page lists. */
  archive: {
    /** The page of years, and the link to it in each year's. */
    title: string;
    description(count: number, site: string): string;
    /** The home page's link to the archive. */
    allByYear(count: number): string;
    /** A year in the page of years: the year (a link, as HTML), and how many articles it has. */
    year(year: string, count: number): string;
    /** A year's page. */
    articlesOf(year: string): string;
    /** The page of articles without a date, and its link. */
    undated: string;
    /** The links to the years either side: their names, as HTML. */
    newer(label: string): string;
    older(label: string): string;
    byYear: string;
  };
}

export const BUILD_ENGLISH: BuildWords = {
  skipToArticle: 'Skip to the article',
  skipToList: 'Skip to the list of articles',
  skipToMessage: 'Skip to the message',
  contents: 'Contents',
  by: (author) => `By ${author}`,
  minutesRead: (minutes) => `${minutes} min read`,
  editionOf: (site, title, author) => `${site} of “${title}”${author ? ` by ${author}` : ''}.`,
  privateByDesign: 'Private by design: nothing on this page is loaded from or reported to anywhere else.',
  moreArticles: 'More articles',
  allArticles: 'All articles',
  previous: (title) => `Previous: ${title}`,
  next: (title) => `Next: ${title}`,
  podcast: (site) => `${site} podcast`,
  articlesFrom: (count, site) => `${count} articles from ${site}`,
  notAvailableOffline: 'Not available offline',
  notKeptDescription: 'This article was not kept for offline reading.',
  notKeptMessage:
    'You are offline, and this article was not kept on this device, so it cannot be shown until you are back online.',
  listSaysWhichAreKept: ': the list says which are available offline.',
  downloadAudio: (size, minutes) => `Download audio (MP3, ${size}, ${minutes} min)`,
  downloadBook: (size, narrated) => `Download as an e-book (EPUB${narrated ? ' with narration' : ''}, ${size})`,
  podcastFeed: 'Podcast feed',
  notes: 'Notes',
  backToReference: (note) => `Back to reference ${note}`,
  bookSummary: (pictures, narrated) =>
    [
      'The article as text, with its headings, sections and notes marked so a reading system can move by them, and a table of contents.',
      pictures ? 'Every picture that says something has a text alternative.' : '',
      narrated
        ? "A synthetic voice reads it aloud, sentence by sentence, the sentence being read marked in the text; a reading system's own voice or a braille display can read it too."
        : "It has no narration: a reading system's own voice or a braille display reads it.",
    ]
      .filter(Boolean)
      .join(' '),
  archive: {
    title: 'Archive',
    description: (count, site) => `All ${count} articles from ${site}, by year`,
    allByYear: (count) => `All ${count} articles, by year`,
    year: (year, count) => `${year}: ${count} ${count === 1 ? 'article' : 'articles'}`,
    articlesOf: (year) => `Articles of ${year}`,
    undated: 'Articles without a date',
    newer: (label) => `Newer: ${label}`,
    older: (label) => `Older: ${label}`,
    byYear: 'Archive by year',
  },
};
