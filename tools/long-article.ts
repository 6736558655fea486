// A long article for the tests and the bench (issue 22: a 50,000-word article builds and reads
// aloud). Its prose is the seed article's words in a fixed pseudo-random order, so it compresses
// like prose, not like one text repeated, and every run gets the same article.
import { readFile } from 'node:fs/promises';

/** The seed article, whose words make the long one. */
const SEED = new URL('../assets/articles/psychedelic-therapy.md', import.meta.url);

export interface LongArticle {
  /** The Markdown source, front matter included. */
  source: string;
  /** The body's exact word count (at least the number asked for). */
  words: number;
  sections: number;
  title: string;
}

/** An article of at least `words` words of body text, in sections of about 1,500 words. */
export async function longArticle(words: number): Promise<LongArticle> {
  const seed = await readFile(SEED, 'utf8');
  const vocabulary = [
    ...new Set(
      seed
        .split('\n---\n')[1]
        .toLowerCase()
        .match(/[a-z]+/g),
    ),
  ];
  let state = 1;
  const word = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return vocabulary[Math.floor((state / 2 ** 31) * vocabulary.length)];
  };
  const title = 'A very long article';
  const lines = ['---', `title: ${title}`, 'author: Ada Writer', 'date: 2024-05-01', '---', ''];
  let count = 0;
  let sections = 0;
  while (count < words) {
    if (count >= sections * 1500) lines.push(`## Section ${++sections}`, '');
    const sentences: string[] = [];
    for (let i = 0; i < 5; i++) {
      const sentence = Array.from({ length: 8 + ((sentences.length * 3 + sections) % 12) }, word);
      sentence[0] = sentence[0][0].toUpperCase() + sentence[0].slice(1);
      sentences.push(`${sentence.join(' ')}.`);
      count += sentence.length;
    }
    lines.push(sentences.join(' '), '');
  }
  return { source: `${lines.join('\n')}\n`, words: count, sections, title };
}
