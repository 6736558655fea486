import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  CHECK_PRECACHE,
  SKIP_WAITING,
  type PageMessage,
  type PrecacheCheck,
  type PrecacheFailed,
} from '../../service-worker/messages.js';
import { ownTask } from '../../own-task.js';

/**
 * - `off`: the page names no worker (the dev server's page), so nothing is registered.
 * - `unsupported`: the browser has no service workers.
 * - `saving`: registering and saving every file for offline.
 * - `ready`: every file is saved; the edition reads offline.
 * - `incomplete`: the worker runs, but some saved files are gone and could not be fetched again yet.
 * - `storage-full`, `failed`: nothing could be saved, for that reason.
 */
export type OfflineState = 'off' | 'unsupported' | 'saving' | 'ready' | 'incomplete' | 'storage-full' | 'failed';

/**
 * Registers the offline edition's service worker where the built page names one
 * (`<meta name="service-worker">`), and follows it: saving, saved, failed, and a new
 * version waiting. A new version never takes over by itself: only `reload()` hands over
 * to it, then reloads the page.
 */
export class ServiceWorkerController implements ReactiveController {
  state: OfflineState = 'off';
  /** A new version is installed and waits for the reader to reload. */
  updateReady = false;

  private readonly host: ReactiveControllerHost;
  private listeners?: AbortController;
  private waiting?: ServiceWorker;
  /** Whether a worker controlled this page before the latest controller change. */
  private controlled = false;
  private reloadRequested = false;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected() {
    const scriptUrl = document.querySelector<HTMLMetaElement>('meta[name="service-worker"]')?.content;
    if (!scriptUrl) return;
    // Missing outside secure contexts and in some private modes, not only in old browsers.
    const container = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
    if (!container) {
      this.set('unsupported');
      return;
    }
    this.listeners = new AbortController();
    const { signal } = this.listeners;
    this.controlled = container.controller !== null;
    container.addEventListener('controllerchange', () => this.controllerChanged(), { signal });
    container.addEventListener('message', (event) => this.workerSaid(event.data as PrecacheFailed), { signal });
    container.startMessages();
    // Opened before: assume the saved copy is whole until the worker's check says otherwise,
    // so a repeat visit announces nothing.
    this.set(this.controlled ? 'ready' : 'saving');
    void this.register(container, scriptUrl, signal);
  }

  hostDisconnected() {
    this.listeners?.abort();
    this.listeners = undefined;
  }

  /** Hands over to the waiting version, then reloads; the reader's storage is untouched. */
  reload() {
    if (!this.waiting) {
      location.reload();
      return;
    }
    this.reloadRequested = true;
    this.waiting.postMessage({ type: SKIP_WAITING } satisfies PageMessage);
  }

  private async register(container: ServiceWorkerContainer, scriptUrl: string, signal: AbortSignal) {
    let registration: ServiceWorkerRegistration;
    // Registering costs the main thread a few milliseconds: in a task of its own, not the
    // status's first render's.
    await ownTask();
    if (signal.aborted) return;
    try {
      registration = await container.register(scriptUrl);
    } catch {
      if (!signal.aborted) this.set('failed');
      return;
    }
    if (signal.aborted) return;
    if (registration.waiting && container.controller) this.offerUpdate(registration.waiting);
    if (registration.installing) this.follow(registration.installing, container, signal);
    registration.addEventListener(
      'updatefound',
      () => registration.installing && this.follow(registration.installing, container, signal),
      { signal },
    );
    // Back online with files missing: try saving them again.
    window.addEventListener(
      'online',
      () => this.state === 'incomplete' && this.checkSaved(container.controller, signal),
      { signal },
    );
    this.checkSaved(container.controller ?? registration.active, signal);
  }

  private follow(worker: ServiceWorker, container: ServiceWorkerContainer, signal: AbortSignal) {
    worker.addEventListener(
      'statechange',
      () => {
        if (worker.state === 'installed' && container.controller) this.offerUpdate(worker);
        else if (worker.state === 'activated') this.checkSaved(worker, signal);
        else if (worker.state === 'redundant' && this.state === 'saving') this.set('failed');
      },
      { signal },
    );
  }

  /** Asks the worker whether every precached file is in the cache (it refetches any that is not). */
  private checkSaved(worker: ServiceWorker | null, signal: AbortSignal) {
    if (!worker) return;
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<PrecacheCheck>) => {
      if (!signal.aborted) this.set(event.data.missing === 0 ? 'ready' : 'incomplete');
      channel.port1.close();
    };
    worker.postMessage({ type: CHECK_PRECACHE } satisfies PageMessage, [channel.port2]);
  }

  private workerSaid(message: PrecacheFailed | undefined) {
    // A failed update leaves the saved version in place: only a first save that failed matters.
    if (message?.type !== 'PRECACHE_FAILED' || this.state === 'ready') return;
    this.set(message.reason === 'storage-full' ? 'storage-full' : 'failed');
  }

  private controllerChanged() {
    const wasControlled = this.controlled;
    this.controlled = true;
    if (this.reloadRequested) {
      location.reload();
    } else if (wasControlled) {
      // The reader reloaded into the new version in another tab; this tab still shows the old one.
      this.waiting = undefined;
      this.updateReady = true;
      this.host.requestUpdate();
    }
  }

  private offerUpdate(worker: ServiceWorker) {
    this.waiting = worker;
    this.updateReady = true;
    this.host.requestUpdate();
  }

  private set(state: OfflineState) {
    this.state = state;
    this.host.requestUpdate();
  }
}
