// Where the listener stopped listening (kept by ./listening-position-store.ts), matched against a
// spoken script by the sentence's text as well as its number, so an updated article does not
// resume mid-air. Its written text finds it too in a script of another verbosity
// (src/speech/verbosity.ts), where its number and its spoken words ("Section: …") may differ.
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
    const same = (s: Segment) =>
      s.spoken === stored.sentence ||
      (stored.written !== undefined && stored.written !== '' && written(s) === stored.written);
    // The same sentence nearest its number (a sentence may be written twice).
    const at = script.segments
      .filter(same)
      .reduce<number>(
        (best, s) => (best < 0 || Math.abs(s.index - stored.index) < Math.abs(best - stored.index) ? s.index : best),
        -1,
      );
    if (at < 0) return undefined;
    return { index: at, section: script.sections[script.segments[at].section].title };
  }

  save(script: SpokenScript, index: number) {
    const segment = script.segments[index];
    if (!segment) return;
    this.store.write({
      article: this.article,
      index,
      sentence: segment.spoken,
      written: written(segment),
      section: script.sections[segment.section].title,
    });
  }

  clear() {
    this.store.clear();
  }
}

/** The sentence as the page writes it. */
const written = (segment: Segment) => segment.block.textContent?.slice(segment.start, segment.end) ?? '';
