// Every language the edition has words in, for the build and the tests; the page's script
// imports none of this (see in-page.ts). A language is a table here: its build words, and the
// components' words for what runs on load and what loads on first use.
import { BUILD_ENGLISH, type BuildWords } from './build-words.js';
import { FIRST_USE_ENGLISH, type FirstUseWords } from './first-use-words.js';
import { BUILD_FRENCH, FIRST_USE_FRENCH, STARTUP_FRENCH } from './french.js';
import type { InPageWords } from './in-page.js';
import { STARTUP_ENGLISH, type StartupWords } from './startup-words.js';

export interface Table {
  build: BuildWords;
  startup: StartupWords;
  firstUse: FirstUseWords;
}

/** The edition's tables, by primary language subtag. */
export const WORDS: Readonly<Record<string, Table>> = {
  en: { build: BUILD_ENGLISH, startup: STARTUP_ENGLISH, firstUse: FIRST_USE_ENGLISH },
  fr: { build: BUILD_FRENCH, startup: STARTUP_FRENCH, firstUse: FIRST_USE_FRENCH },
};

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
export const wordsFor = (lang: string): Table => WORDS[editionLanguage(lang).lang];

/** The components' words a page in `lang` carries (#edition-words): its table's, but none in English, which the script has, or where there is no table. */
export function inPageWordsFor(lang: string): InPageWords | undefined {
  const { lang: table, marked } = editionLanguage(lang);
  return marked || table === 'en' ? undefined : { startup: WORDS[table].startup, firstUse: WORDS[table].firstUse };
}
