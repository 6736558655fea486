// The edition's one script: it only enhances a page that is complete without it.
// Each component comes in a task of its own (see own-task.ts), in this order: where the reader
// left off first, then the header's controls, then the rest.
import './components/reading-place/reading-place.js';
import './components/read-aloud-player/read-aloud-player.js';
import './components/reading-settings-panel/reading-settings-panel.js';
import './components/offline-status/offline-status.js';
import './components/edition-toc/edition-toc.js';
import './components/listen-here.js';
import { warmUpLocaleData } from './speech/first-listen.js';

// This runs once every component above is defined, each in its task: the locale data the first
// Listen needs loads when the page is next idle, off the main thread, not while those tasks
// run on a phone's few cores.
if (document.querySelector('read-aloud-player')) warmUpLocaleData(document.documentElement.lang);

// Line focus is a setting few readers turn on, so its code comes with what loads on first use
// (src/first-use.ts) once it is on. The settings
// write data-line-focus on the root element, before the first paint and on every change.
const root = document.documentElement;
const lineFocusOn = () => {
  if (root.dataset.lineFocus !== 'on') return;
  watcher.disconnect();
  void import('./first-use.js');
};
const watcher = new MutationObserver(lineFocusOn);
watcher.observe(root, { attributeFilter: ['data-line-focus'] });
lineFocusOn();

// Parts only some pages have, loaded only there: the index's "Available offline" marks, the
// list of kept articles on the page the offline worker shows for an article never kept, and
// the listening queue on sites of several articles.
// (A page with the queue's list has a Listen next too.)
if (document.querySelector('kept-mark, kept-articles, listen-next')) void import('./first-use.js');
