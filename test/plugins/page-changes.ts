// What a driven page does, told as it happens, so a wait on a condition in the page looks again
// when something changed rather than every so often. A change is: a DOM mutation (shadow roots
// included, each observed as it is attached), a media, focus, input, load or storage event, a
// service worker taking control or sending a message, a font loaded, a navigation, a response,
// and (Chromium) a write to the origin's Cache Storage, which the page is not told of. This is
// the puppeteer side (Chromium, Firefox); WebKit's, over WebDriver, is ./webdriver-page-changes.ts.
import type { CDPSession, Page } from 'puppeteer-core';

/** The binding the page calls on each change (puppeteer's exposeFunction: kept across navigations). */
export const BINDING = '__pageChanged';

/** A wait on a page's changes: look, then wait for a change after the mark taken before looking. */
export interface Changes<Mark = unknown> {
  /** How far the page's changes have been told. */
  mark(): Promise<Mark>;
  /** Resolves once a change after `mark` has been told (at once if one has), or after `ms`. */
  after(mark: Mark, ms: number): Promise<void>;
}

/**
 * watchPage as source text for the page, calling `binding` on each change. Sent as text: tsx
 * keeps functions' names with calls to a `__name` the page lacks.
 */
export const watchPageSource = (binding: string) =>
  `(() => { const __name = (target) => target; (${watchPage.toString()})(${JSON.stringify(binding)}); })()`;

/** Runs in the page, on every new document and once on the current one; installs itself once. */
function watchPage(binding: string): void {
  const page = window as unknown as Record<string, unknown>;
  if (page.__pageChangesWatched) return;
  page.__pageChangesWatched = true;
  const tell = () => void (page[binding] as (() => Promise<void>) | undefined)?.();
  const mutations = new MutationObserver(tell);
  const observe = (root: Node) =>
    mutations.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  observe(document);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    observe(root);
    return root;
  };
  // The roots already there when this runs on the current document.
  const visit = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      if (!element.shadowRoot) continue;
      observe(element.shadowRoot);
      visit(element.shadowRoot);
    }
  };
  visit(document);
  // Media events do not bubble, so they are caught on the way down; the player's own audio element
  // is never in the document, so plays are caught where they are asked for too.
  const events = ['load', 'error', 'playing', 'seeked', 'timeupdate', 'pause', 'ended', 'focusin', 'input', 'change'];
  for (const type of events) document.addEventListener(type, tell, true);
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    for (const type of events) this.addEventListener(type, tell);
    return play.call(this);
  };
  window.addEventListener('storage', tell);
  navigator.serviceWorker?.addEventListener('controllerchange', tell);
  navigator.serviceWorker?.addEventListener('message', tell);
  document.fonts?.addEventListener('loadingdone', tell);
}

export class PageChanges implements Changes<number> {
  /** How many changes have been told; a wait compares it with what it saw before it looked. */
  count = 0;
  #wake = new EventTarget();
  #cacheStorage: CDPSession | undefined;

  private constructor(readonly page: Page) {}

  /** Starts telling the page's changes; `origin` for its Cache Storage, where the browser can tell it. */
  static async watch(page: Page, origin: string): Promise<PageChanges> {
    const changes = new PageChanges(page);
    const tell = () => changes.#tell();
    await page.exposeFunction(BINDING, tell);
    const source = watchPageSource(BINDING);
    await page.evaluateOnNewDocument(source);
    await page.evaluate(source);
    for (const event of ['load', 'framenavigated', 'requestfinished', 'requestfailed'] as const) page.on(event, tell);
    await changes.trackCacheStorage(origin);
    return changes;
  }

  /**
   * Tells writes to the origin's Cache Storage (only the DevTools Protocol can: Firefox, driven
   * over WebDriver BiDi, has none), or stops with no origin. A second DevTools session on the page
   * undoes the network emulation's offline mode on reload, so the plugin stops this while the
   * page is offline, when nothing can be fetched to be cached.
   */
  async trackCacheStorage(origin: string | undefined): Promise<void> {
    await this.#cacheStorage?.detach().catch(() => {});
    this.#cacheStorage = undefined;
    if (!origin) return;
    const session = await this.page.createCDPSession().catch(() => undefined);
    if (!session) return;
    this.#cacheStorage = session;
    const tell = () => this.#tell();
    session.on('Storage.cacheStorageContentUpdated', tell);
    session.on('Storage.cacheStorageListUpdated', tell);
    await session.send('Storage.trackCacheStorageForOrigin', { origin });
  }

  #tell(): void {
    this.count += 1;
    this.#wake.dispatchEvent(new Event('change'));
  }

  async mark(): Promise<number> {
    return this.count;
  }

  /** Resolves once a change after the `seen`th has been told (at once if one has), or after `ms`. */
  after(seen: number, ms: number): Promise<void> {
    if (this.count > seen) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wake.removeEventListener('change', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.#wake.addEventListener('change', done);
    });
  }

  async stop(): Promise<void> {
    await this.trackCacheStorage(undefined);
  }
}
