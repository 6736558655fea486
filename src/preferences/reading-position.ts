// Where the listener stopped, kept across reloads and offline visits: which article, the
// sentence's number and its spoken text, and its section's title. src/speech/reading-position.ts
// finds it again in a spoken script.
import { PreferenceStorage } from './preference-store.js';
import { POSITION_KEY } from './storage-keys.js';

export interface StoredPosition {
  article: string;
  index: number;
  sentence: string;
  section: string;
}

export class ReadingPositionStore {
  private readonly storage: PreferenceStorage;

  constructor(storage = new PreferenceStorage(POSITION_KEY)) {
    this.storage = storage;
  }

  /** What was saved for this article, if anything usable was. */
  read(article: string): StoredPosition | undefined {
    try {
      const stored = JSON.parse(this.storage.read().text ?? 'null') as Partial<StoredPosition> | null;
      if (stored?.article !== article || typeof stored.index !== 'number' || typeof stored.sentence !== 'string') return undefined;
      return { article: stored.article, index: stored.index, sentence: stored.sentence, section: String(stored.section ?? '') };
    } catch {
      return undefined;
    }
  }

  write(position: StoredPosition) {
    this.storage.write(JSON.stringify(position));
  }

  clear() {
    this.storage.write('null');
  }
}
