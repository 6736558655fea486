// Inlined into <head> by the build (with its hash in the Content-Security-Policy), so it runs
// before first paint: stored reading settings apply with no flash and no layout shift, and
// the stylesheet knows whether read-aloud controls will work before any module loads.
import { applySettings, parseSettings, STORAGE_KEY } from './settings/reading-settings.js';

const root = document.documentElement;
let stored: string | null = null;
try {
  stored = localStorage.getItem(STORAGE_KEY);
} catch {
  // Storage blocked: the defaults apply, and the settings panel explains why nothing is kept.
}
applySettings(root, parseSettings(stored).value);
root.dataset.speech = 'speechSynthesis' in window ? 'on' : 'off';
