// The caches the page and the worker share for what a reader keeps beyond the first-visit
// precache. Imported by both sides, so it holds constants only.

/** Article pages kept when opened or by "Keep this article offline", and their pictures. */
export const ARTICLE_CACHE = 'reader-edition-articles';

/** Audio editions kept by "Keep audio for offline": the MP3 and its cue and chapter tracks. */
export const AUDIO_CACHE = 'reader-edition-audio';

/** Accessible books kept by "Keep the e-book for offline" (the `.epub` beside its page). */
export const BOOK_CACHE = 'reader-edition-books';

/** The precached page a failed navigation gets when its article was never kept. */
export const NOT_KEPT_PAGE = 'offline.html';
