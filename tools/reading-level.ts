// The article's reading level (Flesch–Kincaid grade and Flesch reading ease), for the
// conformance report's WCAG 3.1.5 row. `npx tsx tools/reading-level.ts` prints it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { syllable } from 'syllable';
import { renderArticle } from '../generator/article/article.ts';

export interface ReadingLevel {
  words: number;
  sentences: number;
  /** Flesch–Kincaid grade level, to one decimal. */
  grade: number;
  /** Flesch reading ease, to one decimal. */
  ease: number;
}

/** The reading level of a rendered article body (`html`) under its title. */
export function readingLevel(html: string, title: string): ReadingLevel {
  const text = `${title}. ${html.replace(/<[^>]+>/g, ' ').replace(/&#?\w+;/g, ' ')}`;
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  // Sentences end at . ! ? — and each heading, caption or table cell ends one too.
  const sentences = Math.max(
    1,
    (text.match(/[.!?]+(\s|$)/g) ?? []).length + (html.match(/<\/(h[1-6]|th|td|figcaption)>/g) ?? []).length,
  );
  const syllables = words.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
  const wordsPerSentence = words.length / sentences;
  const syllablesPerWord = syllables / words.length;
  return {
    words: words.length,
    sentences,
    grade: Math.round((0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59) * 10) / 10,
    ease: Math.round((206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord) * 10) / 10,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = 'assets/articles/psychedelic-therapy.md';
  const article = await renderArticle(readFileSync(file, 'utf8'), file);
  console.log(readingLevel(article.html, article.meta.title));
}
