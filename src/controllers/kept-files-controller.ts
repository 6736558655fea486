import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * - `unsupported`: the page cannot use Cache Storage (an insecure page, some private modes).
 * - `checking`: looking in the cache.
 * - `kept` / `not-kept`: whether the files are on this device.
 * - `keeping` / `removing`: doing what the reader asked.
 * - `storage-full`: keeping failed for lack of space; nothing was half kept, nothing else removed.
 * - `failed`: keeping failed otherwise (the network did not answer); nothing was half kept.
 */
export type Kept =
  'unsupported' | 'checking' | 'kept' | 'not-kept' | 'keeping' | 'removing' | 'storage-full' | 'failed';

/**
 * Whether a set of same-origin files is kept in one of the offline caches, and keeping or
 * removing them on the reader's word, from the page through Cache Storage (the worker serves
 * what is there: src/service-worker/kept-routes.ts). One file, `key`, stands for the set: it is
 * written with the others, all or none.
 */
export class KeptFilesController implements ReactiveController {
  state: Kept = 'unsupported';

  private readonly host: ReactiveControllerHost;

  constructor(
    host: ReactiveControllerHost,
    private readonly cacheName: string,
    /** The file whose presence means kept, e.g. the article's page or the MP3. */
    readonly key: string,
  ) {
    this.host = host;
    host.addController(this);
  }

  static get supported() {
    return 'caches' in window;
  }

  hostConnected() {
    if (KeptFilesController.supported) void this.check();
  }

  async check() {
    this.set('checking');
    try {
      const cache = await caches.open(this.cacheName);
      this.set((await cache.match(this.key, { ignoreVary: true })) ? 'kept' : 'not-kept');
    } catch {
      // A cache that cannot be opened (storage blocked) holds nothing.
      this.set('not-kept');
    }
  }

  /** Downloads and keeps `key` and `others` together: if one fails, none is kept. */
  async keep(others: string[] = []) {
    if (!KeptFilesController.supported) return;
    this.set('keeping');
    try {
      const cache = await caches.open(this.cacheName);
      await cache.addAll([...new Set([this.key, ...others])]);
      this.set('kept');
    } catch (error) {
      this.set(error instanceof DOMException && error.name === 'QuotaExceededError' ? 'storage-full' : 'failed');
    }
  }

  /** Removes `key` and `others` (files that are not there are passed over). */
  async remove(others: string[] = []) {
    if (!KeptFilesController.supported) return;
    this.set('removing');
    try {
      const cache = await caches.open(this.cacheName);
      await Promise.all([this.key, ...others].map((url) => cache.delete(url, { ignoreVary: true })));
      // Straight to the answer, not through 'checking', so the control stays in place.
      this.set('not-kept');
    } catch {
      // Nothing to remove where the cache cannot be opened.
      await this.check();
    }
  }

  private set(state: Kept) {
    this.state = state;
    this.host.requestUpdate();
  }
}
