// Inlined into <head> by the build (with its hash in the Content-Security-Policy), so it runs
// before first paint: stored reading settings apply with no flash and no layout shift, and
// the stylesheet knows whether read-aloud controls will work before any module loads.
import { applySettings, parseSettings } from './preferences/reading-settings.js';
import { SETTINGS_KEY } from './preferences/storage-keys.js';

const root = document.documentElement;
let stored: string | null = null;
try {
  stored = localStorage.getItem(SETTINGS_KEY);
} catch {
  // Storage blocked: the defaults apply, and the settings panel explains why nothing is kept.
}
applySettings(root, parseSettings(stored).value);
root.dataset.speech = 'speechSynthesis' in window ? 'on' : 'off';
