// What the edition keeps in localStorage, for tests to set up and clear: the keys come from
// the edition's own list, so a new kind of preference is cleared without a test knowing of it.
import { STORAGE_KEYS } from '../../src/preferences/storage-keys.js';
import { closeEditions } from './edition.js';

export { LISTENING_KEY, SETTINGS_KEY } from '../../src/preferences/storage-keys.js';

/** Forgets everything the edition remembers, as for a first visit: before and after a test. */
export function clearStoredPreferences() {
  for (const key of STORAGE_KEYS) localStorage.removeItem(key);
}

/** In a suite: each test starts as a first visit, and leaves no page open and nothing stored. */
export function startEachTestAfresh() {
  beforeEach(clearStoredPreferences);
  afterEach(() => {
    closeEditions();
    clearStoredPreferences();
  });
}
