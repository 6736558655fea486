// The page's one store of reading settings, created when the first component needs it.
import { PreferenceStorage } from '../preferences/preference-storage.js';
import { PreferenceStore } from '../preferences/preference-store.js';
import { applySettings, DEFAULT_SETTINGS, parseSettings, STORAGE_KEY, type ReadingSettings } from './reading-settings.js';

let store: PreferenceStore<ReadingSettings> | undefined;

export function readingSettings() {
  store ??= new PreferenceStore({
    storage: new PreferenceStorage(STORAGE_KEY),
    defaults: DEFAULT_SETTINGS,
    parse: parseSettings,
    apply: (settings) => applySettings(document.documentElement, settings),
  });
  return store;
}
