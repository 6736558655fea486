import type { ReactiveController } from 'lit';
import { ARTICLE_CACHE } from '../../service-worker/kept-caches.js';

/** The article's pictures, lazy on first load so they do not compete with the text. */
const LAZY_PICTURES = 'article img[loading="lazy"]';

/**
 * Keeps the open article for offline reading once the offline worker controls the page: the
 * worker keeps the pages it serves itself, but on a first visit the page came before the worker,
 * so the page is kept from here. Then, once the browser is idle, the article's lazy pictures are
 * loaded, through the worker, which keeps them with their page, so they are there offline even
 * where the reader never scrolled to them.
 * `kept`: 'own' for an article kept by itself, 'precached' for the one article saved as the home page.
 */
export class KeepOnOpenController implements ReactiveController {
  private listeners?: AbortController;

  constructor(
    host: { addController(controller: ReactiveController): void },
    private readonly kept: 'own' | 'precached',
  ) {
    host.addController(this);
  }

  hostConnected() {
    const container = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
    if (!container || !('caches' in window)) return;
    if (container.controller) {
      void this.keepOpenPage();
      return;
    }
    this.listeners = new AbortController();
    container.addEventListener('controllerchange', () => void this.keepOpenPage(), {
      signal: this.listeners.signal,
      once: true,
    });
  }

  hostDisconnected() {
    this.listeners?.abort();
  }

  private async keepOpenPage() {
    if (this.kept === 'own') {
      const page = location.origin + location.pathname;
      try {
        const cache = await caches.open(ARTICLE_CACHE);
        if (!(await cache.match(page, { ignoreVary: true }))) await cache.add(page);
      } catch {
        // Offline or storage full: the offline details offer to keep it and say what failed.
        return;
      }
    }
    const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 1000));
    idle(() => {
      for (const picture of document.querySelectorAll<HTMLImageElement>(LAZY_PICTURES)) picture.loading = 'eager';
    });
  }
}
