// The edition's one script: it only enhances a page that is complete without it.
import './components/edition-toc.js';
import './components/offline-status.js';
import './components/reading-settings-panel.js';
import './components/line-focus.js';
import './components/read-aloud-player.js';
import './components/listen-here.js';
import './components/reading-place.js';

// Parts only some pages have, loaded only there: the index's "Available offline" marks, and
// the list of kept articles on the page the offline worker shows for an article never kept.
if (document.querySelector('kept-mark')) void import('./components/kept-mark.js');
if (document.querySelector('kept-articles')) void import('./components/kept-articles.js');
