// The offline edition's service worker. The build bundles it to dist/sw.js and Workbox
// injects the precache list (every page, script, style, icon and the manifest) in place
// of self.__WB_MANIFEST. Optional fonts are cached when a reader first uses one.
import { PrecacheController, PrecacheRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core';
import { FONT_CACHE } from './font-cache.js';
import { registerKeptRoutes } from './kept-routes.js';
import { CHECK_PRECACHE, SKIP_WAITING, type PageMessage, type PrecacheCheck, type PrecacheFailed } from './messages.js';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

/** A stored response that is not a whole 200 (a cache damaged or written by something else) is no use. */
const onlyWholeResponses: WorkboxPlugin = {
  cachedResponseWillBeUsed: async ({ cachedResponse }) => (cachedResponse?.status === 200 ? cachedResponse : null),
};

const precache = new PrecacheController({ plugins: [onlyWholeResponses] });
// addToCacheList, not precache(): precache() also adds Workbox's own install and activate
// listeners, and with ours below every file was downloaded twice on a first visit.
precache.addToCacheList(self.__WB_MANIFEST);

self.addEventListener('install', (event) => {
  event.waitUntil(
    precache.install(event).catch(async (error: unknown) => {
      const reason = error instanceof DOMException && error.name === 'QuotaExceededError' ? 'storage-full' : 'network';
      await tellPages({ type: 'PRECACHE_FAILED', reason });
      throw error;
    }),
  );
});

self.addEventListener('activate', (event) => {
  // On a first visit, take the open page at once so it is offline-ready without a reload.
  // An update activates only when the reader asked for it (SKIP_WAITING), so claiming is safe.
  event.waitUntil(precache.activate(event).then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  const message = event.data as PageMessage;
  if (message?.type === SKIP_WAITING) void self.skipWaiting();
  if (message?.type === CHECK_PRECACHE)
    event.waitUntil(checkPrecache().then((reply) => event.ports[0]?.postMessage(reply)));
});

registerRoute(new PrecacheRoute(precache));

// Fonts: cache-first once fetched, so a font the reader chose stays available offline.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.includes('/assets/fonts/'),
  new CacheFirst({ cacheName: FONT_CACHE, plugins: [onlyWholeResponses] }),
);

// Article pages as they are opened, their pictures, and audio kept by the reader; offline,
// a page never kept gets a plain page saying so (src/service-worker/kept-routes.ts).
registerKeptRoutes(precache);

/**
 * Whether every precached file is still in the cache, refetching any the browser dropped or
 * that was damaged; answers how many are still missing (for instance while offline).
 */
async function checkPrecache(): Promise<PrecacheCheck> {
  const cache = await caches.open(precache.strategy.cacheName);
  let missing = 0;
  for (const cacheKey of precache.getURLsToCacheKeys().values()) {
    const cached = await cache.match(cacheKey);
    if (cached?.status === 200) continue;
    try {
      const response = await fetch(cacheKey, { cache: 'reload', credentials: 'same-origin' });
      if (response.status !== 200) throw new Error(`${cacheKey}: ${response.status}`);
      await cache.put(cacheKey, response);
    } catch {
      missing++;
    }
  }
  return { type: 'PRECACHE_CHECKED', missing };
}

async function tellPages(message: PrecacheFailed) {
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true }))
    client.postMessage(message);
}
