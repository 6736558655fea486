// The edition's one script: it only enhances a page that is complete without it.
import './components/edition-toc.js';
import './components/offline-status.js';
import './components/reading-settings-panel.js';
import './components/read-aloud-player.js';
import './components/listen-here.js';
import './components/reading-place.js';

// Line focus is a setting few readers turn on, so its code loads once it is on. The settings
// write data-line-focus on the root element, before the first paint and on every change.
const root = document.documentElement;
const lineFocusOn = () => {
  if (root.dataset.lineFocus !== 'on') return;
  watcher.disconnect();
  void import('./components/line-focus.js');
};
const watcher = new MutationObserver(lineFocusOn);
watcher.observe(root, { attributeFilter: ['data-line-focus'] });
lineFocusOn();
