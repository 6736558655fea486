// Sentences the build's voice says only in part (another script, emoji) are a warning each,
// at the source line where the page's text came from, not silence in the audio edition.
// The line is found by looking for what is left silent in the article's prose, in reading
// order, from where the sentence before was found.
import type { Article } from '../article/article.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { AudioEdition } from './audio-edition.ts';

export function unsayableWarnings(
  file: string,
  prose: Article['prose'],
  sentences: AudioEdition['unsayable'],
): Diagnostic[] {
  const runs = [prose.title, ...prose.body];
  let run = 0;
  let offset = 0;
  /** The line of the next place `text` is written, from where the last was found (else from the start). */
  const lineOf = (text: string): number => {
    const order = [...runs.keys()].slice(run).concat([...runs.keys()].slice(0, run));
    for (const i of order) {
      const at = runs[i].text.indexOf(text, i === run ? offset : 0);
      if (at === -1) continue;
      [run, offset] = [i, at + text.length];
      return runs[i].line + (runs[i].text.slice(0, at).match(/\n/g)?.length ?? 0);
    }
    return 1;
  };
  return sentences.map(({ written, silent }) => ({
    file,
    line: lineOf(silent[0]),
    severity: 'warning',
    rule: 'unsayable',
    message: `the recorded voice cannot say ${silent.map((s) => `“${s}”`).join(', ')} in “${shortened(written)}”: the audio edition is silent there. ${advice(silent)}`,
  }));
}

/** What makes the sentence heard: words the voice reads, beside what it cannot. */
function advice(silent: string[]): string {
  const letters = silent.some((text) => /[\p{L}\p{N}]/u.test(text));
  const emoji = silent.some((text) => /\p{Extended_Pictographic}/u.test(text));
  return [
    letters ? 'give the words in Latin letters too (a transliteration or translation)' : '',
    emoji ? 'say in words what the emoji stands for' : '',
  ]
    .filter(Boolean)
    .join(', and ')
    .replace(/^./, (first) => first.toUpperCase());
}

const shortened = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
};
