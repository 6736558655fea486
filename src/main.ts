// The edition's one script: it only enhances a page that is complete without it.
import './components/edition-toc.js';
import './components/offline-status.js';
import './components/reading-settings-panel.js';
import './components/line-focus.js';
import './components/read-aloud-player.js';
import './components/listen-here.js';
