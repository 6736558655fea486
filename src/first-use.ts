// What the page loads on first use, not with the page: the player's speech code, its bar and
// the controllers that follow the reading (first Listen), the reading settings' controls (the
// panel's first opening), line focus (once turned on), the offline details' keeping controls
// and words on storage, and the index's and the not-kept page's parts. One chunk, not one per use: every chunk is
// precached on the first visit anyway, and code the page shares with several small chunks
// would be split into as many more files, each compressed on its own, all loaded with the page.
export * as session from './speech/read-aloud-session.js';
export * as bar from './components/read-aloud-player/bar.js';
export * as listening from './components/read-aloud-player/listening.js';
export * as settingsControls from './components/reading-settings-panel/controls.js';
export { StorageDetailsController } from './components/offline-status/storage-details-controller.js';
export { firstUseWords } from './words/first-use-words.js';

// Components, defined as this module loads.
import './components/line-focus.js';
import './components/offline-status/offline-keeping.js';
import './components/kept-mark.js';
import './components/kept-articles/kept-articles.js';
import './components/listening-queue/listen-next.js';
import './components/listening-queue/listening-queue.js';
