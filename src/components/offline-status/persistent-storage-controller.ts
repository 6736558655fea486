import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * - `unsupported`: the browser cannot be asked.
 * - `unknown`: not asked yet, and the site's storage is not yet persistent.
 * - `asking`: waiting for the browser's answer.
 * - `kept`: the browser will not clear the site's storage when space runs short.
 * - `not-kept`: the browser declined; it may clear the storage under pressure.
 */
export type Persistence = 'unsupported' | 'unknown' | 'asking' | 'kept' | 'not-kept';

/** Asks the browser to keep the site's storage (the saved edition, the settings) through storage pressure. */
export class PersistentStorageController implements ReactiveController {
  state: Persistence = 'unsupported';

  private readonly host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected() {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage?.persist || !storage.persisted) return;
    this.set('unknown');
    storage.persisted().then(
      (kept) => kept && this.state === 'unknown' && this.set('kept'),
      () => undefined, // Unanswered: the reader can still ask.
    );
  }

  async persist() {
    this.set('asking');
    let kept = false;
    try {
      kept = await navigator.storage.persist();
    } catch {
      // A browser that throws has not kept anything.
    }
    this.set(kept ? 'kept' : 'not-kept');
  }

  private set(state: Persistence) {
    this.state = state;
    this.host.requestUpdate();
  }
}
