// A reading problem in the page's words: the speech code says what went wrong
// (src/speech/read-aloud.ts's Problem), the player's table says it to the listener.
import type { Problem } from '../../speech/read-aloud.js';
import { firstUseWords } from '../../words/first-use-words.js';
import { fill } from '../../words/template.js';

export function problemWords(problem: Problem): string {
  const words = firstUseWords().player;
  return 'error' in problem
    ? fill(words.problems[problem.code], { error: problem.error || words.unknownError })
    : words.problems[problem.code];
}
