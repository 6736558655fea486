// localStorage behind feature detection: it may be missing, blocked (privacy settings,
// sandboxed frames) or full, and a reader must still be able to change settings for the visit.

/** `ok`: saved. `blocked`: no storage can be used. `full`: the quota is exceeded. */
export type StorageState = 'ok' | 'blocked' | 'full';

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
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}
