// One kind of preference (reading settings, listening preferences) in one place: read from
// localStorage and checked field by field, applied and saved when changed, followed across tabs.
// The field checks at the top are also bundled into the <head> snippet; the classes below are
// not (the snippet does not use them, so the bundler leaves them out).

/** Returns the field's value if usable, or undefined to fall back to the default. */
export type FieldCheck = (value: unknown) => unknown;

export interface Checked<T> {
  value: T;
  /** Fields that were present but unusable and fell back to their defaults. */
  rejected: (keyof T)[];
}

export const oneOf =
  (allowed: readonly unknown[]): FieldCheck =>
  (value) =>
    allowed.includes(value) ? value : undefined;

export const numberIn =
  (min: number, max: number): FieldCheck =>
  (value) =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : undefined;

export const boolean: FieldCheck = (value) => (typeof value === 'boolean' ? value : undefined);

/** An object of string values, such as a voice per language; unusable entries are dropped. */
export const stringRecord: FieldCheck = (value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string'))
    : undefined;

/**
 * Parses stored text against defaults: each valid field is kept, each missing one takes its
 * default, each unusable one takes its default and is named. Anything but a JSON object counts
 * as every field rejected.
 */
export function parseFields<T extends object>(
  text: string | null,
  defaults: Readonly<T>,
  checks: Record<keyof T, FieldCheck>,
): Checked<T> {
  const keys = Object.keys(defaults) as (keyof T)[];
  const value = { ...defaults } as T;
  if (text === null) return { value, rejected: [] };
  let source: unknown;
  try {
    source = JSON.parse(text);
  } catch {
    source = undefined;
  }
  if (typeof source !== 'object' || source === null || Array.isArray(source)) return { value, rejected: keys };
  const rejected: (keyof T)[] = [];
  for (const key of keys) {
    if (!(key in source)) continue;
    const checked = checks[key]((source as Record<keyof T, unknown>)[key]);
    if (checked === undefined) rejected.push(key);
    else value[key] = checked as T[keyof T];
  }
  return { value, rejected };
}

/** `ok`: saved. `blocked`: no storage can be used. `full`: the quota is exceeded. */
export type StorageState = 'ok' | 'blocked' | 'full';

/**
 * One localStorage key behind feature detection: storage may be missing, blocked (privacy
 * settings, sandboxed frames) or full, and a reader must still be able to change settings for
 * the visit.
 */
export class PreferenceStorage {
  readonly key: string;
  private readonly storage: () => Storage;

  constructor(key: string, storage: () => Storage = () => window.localStorage) {
    this.key = key;
    this.storage = storage;
  }

  /** The stored text, or null when there is none or storage cannot be read. */
  read(): { text: string | null; state: StorageState } {
    try {
      return { text: this.storage().getItem(this.key), state: 'ok' };
    } catch {
      return { text: null, state: 'blocked' };
    }
  }

  write(text: string): StorageState {
    try {
      this.storage().setItem(this.key, text);
      return 'ok';
    } catch (error) {
      return isQuotaError(error) ? 'full' : 'blocked';
    }
  }

  /** Calls back with the new text whenever another tab or window changes the value. */
  watch(callback: (text: string | null) => void): () => void {
    const listener = (event: StorageEvent) => {
      // A null key means another tab cleared all storage. The stored value, not the event's,
      // is the truth: an event can arrive after a later write (from this page) has replaced it.
      if (event.key === this.key || event.key === null) callback(this.read().text);
    };
    window.addEventListener('storage', listener);
    return () => window.removeEventListener('storage', listener);
  }
}

function isQuotaError(error: unknown) {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

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

/** A kind of preference: checked when read, applied and saved when changed, followed across tabs. */
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

const shared = new Map<string, unknown>();

/**
 * The page's one store for a storage key, made when a component first asks for it: every
 * component then sees the same value, and storage is read once.
 */
export function sharedStore<T extends object>(
  key: string,
  options: Omit<PreferenceStoreOptions<T>, 'storage'>,
): PreferenceStore<T> {
  if (!shared.has(key)) shared.set(key, new PreferenceStore({ ...options, storage: new PreferenceStorage(key) }));
  return shared.get(key) as PreferenceStore<T>;
}
