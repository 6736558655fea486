import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ARTICLE_CACHE } from '../../service-worker/kept-caches.js';

export interface KeptPage {
  url: string;
  title: string;
  lang: string;
}

/**
 * The article pages kept on this device, with their titles and languages as the kept pages
 * say them, read from Cache Storage. `pages` is undefined until read, and where the page
 * cannot use Cache Storage.
 */
export class KeptPagesController implements ReactiveController {
  pages?: KeptPage[];

  private readonly host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected() {
    if ('caches' in window) void this.read();
  }

  private async read() {
    const pages: KeptPage[] = [];
    try {
      const cache = await caches.open(ARTICLE_CACHE);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        if (!response?.headers.get('content-type')?.startsWith('text/html')) continue;
        const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
        // An article's title; an archive page, kept as opened too, has its heading outside any article.
        const title = doc.querySelector('article h1')?.textContent?.trim();
        if (title)
          pages.push({ url: request.url, title, lang: doc.querySelector('article')?.lang || doc.documentElement.lang });
      }
    } catch {
      // Storage blocked: nothing can be listed.
    }
    this.pages = pages.sort((a, b) => a.title.localeCompare(b.title));
    this.host.requestUpdate();
  }
}
