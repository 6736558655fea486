// Where the listener stopped listening, kept across reloads and offline visits: which article,
// the sentence's number and its text, and its section's title. ./listening-position.ts
// finds it again in a spoken script. Where the reader stopped reading (scrolling, by paragraph)
// is another thing, kept apart: ../reading-place/reading-place-store.ts.
import { PreferenceStorage } from '../../preferences/preference-store.js';
import { LISTENING_POSITION_KEY } from '../../preferences/storage-keys.js';

export interface StoredListeningPosition {
  article: string;
  index: number;
  sentence: string;
  section: string;
}

export class ListeningPositionStore {
  private readonly storage: PreferenceStorage;

  constructor(storage = new PreferenceStorage(LISTENING_POSITION_KEY)) {
    this.storage = storage;
  }

  /** What was saved for this article, if anything usable was. */
  read(article: string): StoredListeningPosition | undefined {
    try {
      const stored = JSON.parse(this.storage.read().text ?? 'null') as Partial<StoredListeningPosition> | null;
      if (stored?.article !== article || typeof stored.index !== 'number' || typeof stored.sentence !== 'string')
        return undefined;
      return {
        article: stored.article,
        index: stored.index,
        sentence: stored.sentence,
        section: String(stored.section ?? ''),
      };
    } catch {
      return undefined;
    }
  }

  write(position: StoredListeningPosition) {
    this.storage.write(JSON.stringify(position));
  }

  clear() {
    this.storage.write('null');
  }
}
