// Where the listener stopped listening (kept by ./listening-position-store.ts), matched against a
// spoken script by the sentence's text as well as its number, so an updated article does not
// resume mid-air. The text kept is the sentence as written, so it is found in a script of any
// verbosity (src/speech/verbosity.ts), where its number and its spoken words ("Section: …") may
// differ; a position kept before there were levels holds the spoken text, found as well.
import { ListeningPositionStore, type StoredListeningPosition } from './listening-position-store.js';
import type { Segment, SpokenScript } from '../../speech/spoken-script.js';

export interface FoundListeningPosition {
  index: number;
  /** The title of the section it is in, for "Resume from …". */
  section: string;
}

export class ListeningPosition {
  private readonly store: ListeningPositionStore;
  private readonly article: string;

  constructor(article: string, store = new ListeningPositionStore()) {
    this.article = article;
    this.store = store;
  }

  /** What was saved for this article, without needing the script (for the first render). */
  peek(): StoredListeningPosition | undefined {
    return this.store.read(this.article);
  }

  /** The saved position in this script, if its sentence is still there. */
  find(script: SpokenScript): FoundListeningPosition | undefined {
    const stored = this.peek();
    if (!stored) return undefined;
    const same = (s?: Segment) => !!s && [written(s), s.spoken].includes(stored.sentence);
    const at = same(script.segments[stored.index]) ? stored.index : script.segments.findIndex(same);
    if (at < 0) return undefined;
    return { index: at, section: script.sections[script.segments[at].section].title };
  }

  save(script: SpokenScript, index: number) {
    const segment = script.segments[index];
    if (!segment) return;
    this.store.write({
      article: this.article,
      index,
      sentence: written(segment),
      section: script.sections[segment.section].title,
    });
  }

  clear() {
    this.store.clear();
  }
}

/** The sentence as the page writes it, which every verbosity reads; what is said for a picture, which has no text. */
const written = (segment: Segment) => segment.block.textContent?.slice(segment.start, segment.end) || segment.spoken;
