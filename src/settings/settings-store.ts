// The one place the reader's settings live. Components read and change them through
// SettingsController; the store applies them to the page and keeps them in storage.
import { PreferenceStorage, type StorageState } from './preference-storage.js';
import {
  applySettings,
  DEFAULT_SETTINGS,
  parseStored,
  STORAGE_KEY,
  type ReadingSettings,
} from './reading-settings.js';

/** Why the store last changed: the reader here, another tab, or a reset. */
export type ChangeSource = 'reader' | 'other-tab' | 'reset';

export class SettingsChangeEvent extends Event {
  constructor(
    readonly source: ChangeSource,
    readonly changed: (keyof ReadingSettings)[],
  ) {
    super('change');
  }
}

export class SettingsStore extends EventTarget {
  settings: ReadingSettings;
  /** Stored fields that could not be used and were reset to their defaults on load. */
  readonly rejected: (keyof ReadingSettings)[];
  /** Whether settings are being kept between visits. */
  storageState: StorageState;

  private readonly storage: PreferenceStorage;
  private readonly root: HTMLElement;

  constructor(storage = new PreferenceStorage(STORAGE_KEY), root = document.documentElement) {
    super();
    this.storage = storage;
    this.root = root;
    const { text, state } = storage.read();
    const checked = parseStored(text);
    this.settings = checked.settings;
    this.rejected = checked.rejected;
    this.storageState = state;
    applySettings(root, this.settings);
    storage.watch((next) => this.replace(parseStored(next).settings, 'other-tab'));
  }

  update(patch: Partial<ReadingSettings>) {
    this.replace({ ...this.settings, ...patch }, 'reader');
    this.storageState = this.storage.write(JSON.stringify(this.settings));
  }

  reset() {
    this.replace({ ...DEFAULT_SETTINGS }, 'reset');
    this.storageState = this.storage.write(JSON.stringify(this.settings));
  }

  private replace(next: ReadingSettings, source: ChangeSource) {
    const changed = (Object.keys(next) as (keyof ReadingSettings)[]).filter((key) => next[key] !== this.settings[key]);
    this.settings = next;
    applySettings(this.root, next);
    this.dispatchEvent(new SettingsChangeEvent(source, changed));
  }
}

/** The page's store, created when the first component needs it. */
let pageStore: SettingsStore | undefined;
export function settingsStore() {
  pageStore ??= new SettingsStore();
  return pageStore;
}
