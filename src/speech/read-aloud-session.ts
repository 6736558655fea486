// What the read-aloud player loads when a reader first asks it to speak, not with the page:
// the spoken script (segmenter, lexicon, phrases), the player's state machine, and who reads. The build
// makes this a chunk of its own, which the offline worker precaches like the rest.
import { Lexicon } from './lexicon.js';
import { PlayerSources, type SourcesOptions } from './player-sources.js';
import { ReadAloud, type ReadAloudOptions } from './read-aloud.js';
import { buildScript } from './spoken-script.js';

export { firstSegmentOnScreen, segmentAtSelection, segmentOfHeading } from './segment-lookup.js';

/** A player for an article, reading the script built from its markup and the page's lexicon. */
export function readAloudSession(article: Element, lang: string, options: Omit<ReadAloudOptions, 'script'>): ReadAloud {
  return new ReadAloud({ ...options, script: buildScript(article, Lexicon.fromPage(article.ownerDocument), lang) });
}

export interface SessionOptions extends Omit<ReadAloudOptions, 'script'>, Omit<SourcesOptions, 'device' | 'speech'> {
  /** The active player changed, or changed state, place or word. */
  changed(): void;
  /** The active player read to the end. */
  finished(): void;
}

/** Who may read an article: the device's voice over its spoken script, and the page's audio edition where it has one. */
export function playerSources(article: Element, lang: string, { engine, rate, voice, audio, failed, changed, finished }: SessionOptions): PlayerSources {
  const device = readAloudSession(article, lang, { engine, rate, voice });
  const sources = new PlayerSources({ device, audio, speech: engine.supported, rate, failed });
  sources.addEventListener('change', changed);
  sources.addEventListener('finished', finished);
  return sources;
}
