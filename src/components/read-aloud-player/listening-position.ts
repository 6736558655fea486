// Where the listener stopped listening (kept by ./listening-position-store.ts), matched against a
// spoken script by the sentence's text as well as its number, so an updated article does not
// resume mid-air.
import { ListeningPositionStore, type StoredListeningPosition } from './listening-position-store.js';
import type { SpokenScript } from '../../speech/spoken-script.js';

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
    const at =
      script.segments[stored.index]?.spoken === stored.sentence
        ? stored.index
        : script.segments.findIndex((s) => s.spoken === stored.sentence);
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
      section: script.sections[segment.section].title,
    });
  }

  clear() {
    this.store.clear();
  }
}
