// Routes for what a reader keeps beyond the first-visit precache: article pages as they are
// opened, their pictures, and audio kept on request. The page keeps and removes through Cache
// Storage directly (src/controllers/kept-files-controller.ts, and the list of kept pages in
// src/components/kept-articles/kept-pages-controller.ts); these routes serve what it kept.
import type { PrecacheController } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { RangeRequestsPlugin } from 'workbox-range-requests';
import { CacheOnly } from 'workbox-strategies';
import type { RouteHandlerCallbackOptions } from 'workbox-core';
import { ARTICLE_CACHE, AUDIO_CACHE, NOT_KEPT_PAGE } from './kept-caches.js';

declare const self: ServiceWorkerGlobalScope;

/** A page's address as it is kept: no query or fragment, a folder as its index.html. */
export function pageKey(url: URL) {
  const key = new URL(url.pathname, url.origin);
  if (key.pathname.endsWith('/')) key.pathname += 'index.html';
  return key.href;
}

const inScope = (url: URL, folder: string) =>
  url.origin === self.location.origin && url.pathname.startsWith(new URL(folder, self.registration.scope).pathname);

export function registerKeptRoutes(precache: PrecacheController) {
  /** Pages being written to the cache, so their pictures, requested meanwhile, know they are kept. */
  const keeping = new Map<string, Promise<void>>();
  async function pageOf(clientId: string) {
    const client = clientId ? await self.clients.get(clientId) : undefined;
    return client && pageKey(new URL(client.url));
  }

  const isPrecached = (key: string) => precache.getCacheKeyForURL(key) !== undefined;

  async function isKept(key: string) {
    await keeping.get(key);
    return isPrecached(key) || (await (await caches.open(ARTICLE_CACHE)).match(key)) !== undefined;
  }

  // Pages: the network first, so a reader online always gets the latest; each article page
  // that answers is kept. Offline, a kept page, else (with several articles) the plain page
  // that says it was not kept (503: the address is right, the page is just out of reach), never
  // another article or the index in its place. A navigation to a file that is no page (the MP3
  // its link downloads, the feed, a linked file) gets its kept copy, else the browser's own
  // offline error: never a page in the file's place.
  registerRoute(
    new NavigationRoute(async ({ request, url, event }) => {
      const key = pageKey(url);
      try {
        const response = await fetch(request);
        if (
          response.status === 200 &&
          !isPrecached(key) &&
          response.headers.get('content-type')?.startsWith('text/html')
        ) {
          // Cloned now: once the page has the response, its body is used.
          const copy = response.clone();
          const kept = caches
            .open(ARTICLE_CACHE)
            .then((cache) => cache.put(key, copy))
            // Storage full: the page still shows; its offline details offer to keep it and say why that fails.
            .catch(() => undefined)
            .finally(() => keeping.delete(key));
          keeping.set(key, kept);
          (event as FetchEvent).waitUntil(kept);
        }
        return response;
      } catch (error) {
        if (/\.(?!html$)[^./]+$/.test(url.pathname)) {
          const kept = await caches.match(request, { ignoreVary: true });
          if (kept) return kept;
          throw error;
        }
        const saved = (await precache.matchPrecache(key)) ?? (await caches.match(key, { cacheName: ARTICLE_CACHE }));
        if (saved) return saved;
        const notKept = await precache.matchPrecache(NOT_KEPT_PAGE);
        if (notKept)
          return new Response(notKept.body, {
            status: 503,
            statusText: 'Not kept for offline reading',
            headers: notKept.headers,
          });
        // One article, no such page: any address in scope (a mistyped one) opens the edition.
        const home = await precache.matchPrecache('index.html');
        if (home) return home;
        throw error;
      }
    }),
  );

  // Pictures: from the cache when kept; from the network otherwise, kept as they load when the
  // page showing them is kept (so a removed article does not creep back picture by picture).
  registerRoute(
    ({ url }) => inScope(url, 'assets/images/'),
    async ({ request, event }: RouteHandlerCallbackOptions) => {
      const cache = await caches.open(ARTICLE_CACHE);
      const cached = await cache.match(request, { ignoreVary: true });
      if (cached) return cached;
      const response = await fetch(request);
      const fetchEvent = event as FetchEvent;
      const page = await pageOf(fetchEvent.clientId);
      if (response.status === 200 && page && (await isKept(page))) {
        fetchEvent.waitUntil(cache.put(request, response.clone()).catch(() => undefined));
      }
      return response;
    },
  );

  // Audio: only what the reader kept is cached, answered in the slices a media element asks
  // for (206), so it seeks offline; anything else goes to the network untouched.
  const keptAudio = new CacheOnly({
    cacheName: AUDIO_CACHE,
    plugins: [new RangeRequestsPlugin()],
    matchOptions: { ignoreVary: true },
  });
  registerRoute(
    ({ url }) => inScope(url, 'assets/audio/'),
    async (options: RouteHandlerCallbackOptions) => {
      try {
        return await keptAudio.handle(options);
      } catch {
        return fetch(options.request);
      }
    },
  );
}
