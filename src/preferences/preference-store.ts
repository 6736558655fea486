// One kind of preference (reading settings, listening preferences) in one place:
// checked when read, applied and saved when changed, followed across tabs.
import type { Checked } from './fields.js';
import { PreferenceStorage, type StorageState } from './preference-storage.js';

/** Why a store last changed: the reader here, another tab, or a reset. */
export type ChangeSource = 'reader' | 'other-tab' | 'reset';

export class PreferenceChangeEvent<T> extends Event {
  constructor(
    readonly source: ChangeSource,
    readonly changed: (keyof T)[],
  ) {
    super('change');
  }
}

export interface PreferenceStoreOptions<T> {
  storage: PreferenceStorage;
  defaults: Readonly<T>;
  parse: (text: string | null) => Checked<T>;
  /** Puts the value into effect, e.g. on the page's root element. */
  apply?: (value: T) => void;
}

export class PreferenceStore<T extends object> extends EventTarget {
  value: T;
  /** Stored fields that could not be used and were reset to their defaults on load. */
  readonly rejected: (keyof T)[];
  /** Whether changes are being kept between visits. */
  storageState: StorageState;

  private readonly options: PreferenceStoreOptions<T>;

  constructor(options: PreferenceStoreOptions<T>) {
    super();
    this.options = options;
    const { text, state } = options.storage.read();
    const checked = options.parse(text);
    this.value = checked.value;
    this.rejected = checked.rejected;
    this.storageState = state;
    options.apply?.(this.value);
    options.storage.watch((next) => this.replace(options.parse(next).value, 'other-tab'));
  }

  update(patch: Partial<T>) {
    this.replace({ ...this.value, ...patch }, 'reader');
    this.save();
  }

  reset() {
    this.replace({ ...this.options.defaults }, 'reset');
    this.save();
  }

  private save() {
    this.storageState = this.options.storage.write(JSON.stringify(this.value));
  }

  private replace(next: T, source: ChangeSource) {
    const changed = (Object.keys(next) as (keyof T)[]).filter((key) => next[key] !== this.value[key]);
    this.value = next;
    this.options.apply?.(next);
    this.dispatchEvent(new PreferenceChangeEvent<T>(source, changed));
  }
}
