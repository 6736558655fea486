// Inlined into <head> by the build (with its hash in the Content-Security-Policy) so stored
// settings apply before first paint: no flash of the default style, no layout shift.
import { applySettings, parseSettings, STORAGE_KEY } from './reading-settings.js';

let stored: string | null = null;
try {
  stored = localStorage.getItem(STORAGE_KEY);
} catch {
  // Storage blocked: the defaults apply, and the settings panel explains why nothing is kept.
}
applySettings(document.documentElement, parseSettings(stored).value);
