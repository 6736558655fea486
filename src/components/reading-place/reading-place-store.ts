// Where the reader stopped reading each article, by paragraph, not pixels, so it survives a
// change of text size or screen: the number of the first block in view and the start of its
// text (to find it again if the article has changed). Where the listener stopped listening is
// another thing, kept apart (../read-aloud-player/listening-position-store.ts).
import { PreferenceStorage } from '../../preferences/preference-store.js';
import { READING_PLACE_KEY } from '../../preferences/storage-keys.js';

export interface StoredReadingPlace {
  /** The block's number among the article's blocks (see the controller's BLOCKS). */
  block: number;
  /** The start of its text. */
  text: string;
}

/** Places kept, the most recent first; an older one is forgotten. */
const KEPT = 20;

type Places = [article: string, place: StoredReadingPlace][];

export class ReadingPlaceStore {
  private readonly storage: PreferenceStorage;

  constructor(storage = new PreferenceStorage(READING_PLACE_KEY)) {
    this.storage = storage;
  }

  /** Where the reader stopped in this article, if anything usable was kept. */
  read(article: string): StoredReadingPlace | undefined {
    const place = this.all().find(([name]) => name === article)?.[1];
    return place && Number.isInteger(place.block) && place.block >= 0 && typeof place.text === 'string'
      ? place
      : undefined;
  }

  write(article: string, place: StoredReadingPlace) {
    const others = this.all().filter(([name]) => name !== article);
    this.storage.write(JSON.stringify([[article, place], ...others].slice(0, KEPT)));
  }

  private all(): Places {
    try {
      const stored: unknown = JSON.parse(this.storage.read().text ?? '[]');
      return Array.isArray(stored)
        ? (stored.filter(
            (entry) => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'object' && entry[1],
          ) as Places)
        : [];
    } catch {
      return [];
    }
  }
}
