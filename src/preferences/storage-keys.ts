// Every localStorage key the edition writes, in one place: the stores use them, and so do the
// tests (to clear what a test stored) and the benchmark (to load a returning reader's settings).
// Nothing else is kept: the offline worker's caches hold files, never preferences.

/** Reading settings: src/preferences/reading-settings.ts (also read by the <head> snippet). */
export const SETTINGS_KEY = 'reader-edition:settings';
/** Listening preferences: src/preferences/listening-preferences.ts. */
export const LISTENING_KEY = 'reader-edition:listening';
/** Where the listener stopped: src/preferences/reading-position.ts. */
export const POSITION_KEY = 'reader-edition:position';

/** Every key above: what "forget everything this edition remembers" removes. */
export const STORAGE_KEYS = [SETTINGS_KEY, LISTENING_KEY, POSITION_KEY] as const;
