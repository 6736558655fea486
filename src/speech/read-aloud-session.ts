// What the read-aloud player loads when a reader first asks it to speak, not with the page:
// the spoken script (segmenter, lexicon, phrases) and the player's state machine. The build
// makes this a chunk of its own, which the offline worker precaches like the rest.
import { Lexicon } from './lexicon.js';
import { ReadAloud, type ReadAloudOptions } from './read-aloud.js';
import { buildScript } from './spoken-script.js';

export { firstSegmentOnScreen, segmentAtSelection, segmentOfHeading } from './segment-lookup.js';

/**
 * A player for an article, reading the script built from its markup and the page's lexicons: its
 * language's, and those of the languages its passages are marked in.
 */
export function readAloudSession(article: Element, lang: string, options: Omit<ReadAloudOptions, 'script'>): ReadAloud {
  const doc = article.ownerDocument;
  const script = buildScript(article, Lexicon.fromPage(doc), lang, Lexicon.othersFromPage(doc));
  return new ReadAloud({ ...options, script });
}
