// What the read-aloud player loads when a reader first asks it to speak, not with the page:
// the spoken script (segmenter, lexicon, phrases) and the player's state machine. The build
// makes this a chunk of its own, which the offline worker precaches like the rest.
import { Lexicon } from './lexicon.js';
import { ReadAloud, type ReadAloudOptions } from './read-aloud.js';
import { buildScript } from './spoken-script.js';
import type { Verbosity } from './verbosity.js';

export { firstSegmentOnScreen, segmentAtSelection, segmentOfHeading } from './segment-lookup.js';

/**
 * The article's script, built from its markup with the page's lexicons (its language's, and those
 * of the languages its passages are marked in), saying as much as the listener chose.
 */
export function articleScript(article: Element, lang: string, verbosity: Verbosity) {
  const doc = article.ownerDocument;
  return buildScript(article, Lexicon.fromPage(doc), lang, Lexicon.othersFromPage(doc), verbosity);
}

/** A player for an article, reading its script. */
export function readAloudSession(
  article: Element,
  lang: string,
  verbosity: Verbosity,
  options: Omit<ReadAloudOptions, 'script'>,
): ReadAloud {
  return new ReadAloud({ ...options, script: articleScript(article, lang, verbosity) });
}
