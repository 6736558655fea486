// The cache of the optional fonts, which the worker fills as it serves them and the reading
// settings' code reads and completes (src/components/reading-settings-panel/offline-fonts-controller.ts).
// A module of its own, not in kept-caches.ts: what runs on load imports that one, and this name
// would go with it into the script before a first interaction.

/** Each optional font, kept whole once first used. */
export const FONT_CACHE = 'reader-edition-fonts';
