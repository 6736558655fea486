// The edition's one script: it only enhances a page that is complete without it.
import './components/edition-toc.js';
import './components/offline-status.js';
import './components/reading-settings.js';
import './components/line-focus.js';
