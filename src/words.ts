// The edition's own words, in the reader's language where the edition has a table for it: what
// the build writes around the article (skip link, contents, byline, footer, index and offline
// pages). The same pattern as the spoken glue words
// (speech/phrases.ts): one interface, one table per language, so a table missing a word is a
// type error. Where the article's language has no table, the edition speaks English and marks
// its words lang="en" (see editionLanguage), so a screen reader switches voices for them.
//
// French puts a no-break space (U+00A0) before « : ; ? ! » and inside « » (a node test keeps
// that consistent).
export interface Words {
  /**
   * The build's words around the article, and on the index and offline pages: text without
   * HTML's special characters, into which the build puts its arguments as HTML (escaped).
   */
  page: {
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
  };
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

const en: Words = {
  page: {
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
  },
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

const fr: Words = {
  page: {
    skipToArticle: 'Aller à l’article',
    skipToList: 'Aller à la liste des articles',
    skipToMessage: 'Aller au message',
    contents: 'Sommaire',
    by: (author) => `Par ${author}`,
    minutesRead: (minutes) => `${minutes} min de lecture`,
    editionOf: (site, title, author) => `${site} : « ${title} »${author ? `, de ${author}` : ''}.`,
    privateByDesign:
      'Respect de la vie privée dès la conception : rien sur cette page n’est chargé depuis un autre site ni signalé ailleurs.',
    moreArticles: 'Autres articles',
    allArticles: 'Tous les articles',
    previous: (title) => `Précédent : ${title}`,
    next: (title) => `Suivant : ${title}`,
    podcast: (site) => `Podcast de ${site}`,
    articlesFrom: (count, site) => `${count} articles de ${site}`,
    notAvailableOffline: 'Indisponible hors ligne',
    notKeptDescription: 'Cet article n’a pas été gardé pour la lecture hors ligne.',
    notKeptMessage:
      'Vous êtes hors ligne et cet article n’a pas été gardé sur cet appareil : il ne pourra s’afficher qu’une fois la connexion revenue.',
    listSaysWhichAreKept: ' : la liste indique ceux qui sont disponibles hors ligne.',
  },
  archive: {
    title: 'Archives',
    description: (count, site) => `Les ${count} articles de ${site}, par année`,
    allByYear: (count) => `Les ${count} articles, par année`,
    year: (year, count) => `${year} : ${count} ${count === 1 ? 'article' : 'articles'}`,
    articlesOf: (year) => `Articles de ${year}`,
    undated: 'Articles sans date',
    newer: (label) => `Plus récents : ${label}`,
    older: (label) => `Plus anciens : ${label}`,
    byYear: 'Archives par année',
  },
};

/** The edition's tables, by primary language subtag. */
export const WORDS: Readonly<Record<string, Words>> = { en, fr };

/** The language the edition speaks on a page in a given language. */
export interface EditionLanguage {
  /** Its table's key: "fr" for "fr-CA". */
  lang: string;
  /** For dates and numbers (Intl): the page's own tag where it has a table ("en-GB" writes "31 May 2024"), "en" otherwise. */
  locale: string;
  /** English for want of a table: its words must be marked lang="en". */
  marked: boolean;
}

export function editionLanguage(lang: string): EditionLanguage {
  const primary = lang.split('-')[0].toLowerCase();
  return Object.hasOwn(WORDS, primary)
    ? { lang: primary, locale: lang, marked: false }
    : { lang: 'en', locale: 'en', marked: true };
}

/** The edition's words for a page in `lang`: its table, or English. */
export const wordsFor = (lang: string): Words => WORDS[editionLanguage(lang).lang];
