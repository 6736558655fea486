// Every localStorage key the edition writes, in one place: the stores use them, and so do the
// tests (to clear what a test stored) and the benchmark (to load a returning reader's settings).
// Nothing else is kept: the offline worker's caches hold files, never preferences.

/** Reading settings: src/preferences/reading-settings.ts (also read by the <head> snippet). */
export const SETTINGS_KEY = 'reader-edition:settings';
/** Listening preferences: src/preferences/listening-preferences.ts. */
export const LISTENING_KEY = 'reader-edition:listening';
/** Where the listener stopped listening: src/components/read-aloud-player/listening-position-store.ts. */
export const LISTENING_POSITION_KEY = 'reader-edition:position';
/** Where the reader stopped reading, by paragraph, for each article: src/components/reading-place/reading-place-store.ts. */
export const READING_PLACE_KEY = 'reader-edition:reading-place';

/** The articles the listener queued to hear next: src/preferences/listening-queue.ts. */
export const LISTENING_QUEUE_KEY = 'reader-edition:queue';

/** Every key above: what "forget everything this edition remembers" removes. */
export const STORAGE_KEYS = [
  SETTINGS_KEY,
  LISTENING_KEY,
  LISTENING_POSITION_KEY,
  READING_PLACE_KEY,
  LISTENING_QUEUE_KEY,
] as const;
