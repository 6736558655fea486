// The offline tests' fixture site (test/fixtures/articles/offline: three short articles, built
// with their audio edition), served and driven through test/helpers/offline-site.ts, and its
// offline details as a reader meets them. Expressions run in the served page.
import { expect } from 'chai';
import { site, STATUS_TEXT } from './offline-site.js';

export const FIXTURE = 'test/fixtures/articles/offline';
export const CANAL = 'a-walk-by-the-canal.html';
export const PACKING = 'packing-light.html';
export const TRAIN = 'reading-on-the-train.html';

/** The article's part of the offline details once it is kept. */
export const ARTICLE_KEPT = 'This article is kept on this device: it opens offline.';

const SAVED = `navigator.serviceWorker.controller !== null && ${STATUS_TEXT}.startsWith('Available offline.')`;
export const KEPT_URLS =
  "caches.open('reader-edition-articles').then((cache) => cache.keys()).then((keys) => keys.map((r) => new URL(r.url).pathname))";
export const H1 = "document.querySelector('h1')?.textContent.trim()";
/** The offline details' part for this article and its audio, once loaded. */
const KEEPING = "document.querySelector('offline-status').shadowRoot.querySelector('offline-keeping')?.shadowRoot";
/** The text of an element of the details' article part, whitespace collapsed; '' when absent. */
export const detailsText = (selector: string) =>
  `(${KEEPING}?.querySelector(${JSON.stringify(selector)})?.textContent ?? '').replace(/\\s+/g, ' ').trim()`;
export const ANNOUNCED = "document.querySelector('[data-edition-announcer]')?.textContent ?? ''";
/** The element with focus, through shadow roots. */
export const FOCUSED =
  '(() => { let el = document.activeElement; while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement; return el?.className ?? ""; })()';
/** The page's audio edition data (generator/audio/page-audio.ts). */
export const PAGE_AUDIO = "JSON.parse(document.getElementById('audio-edition').textContent)";

export async function expectNoAxeViolations() {
  const violations = await site.axe();
  expect(violations, `\n${violations}`).to.equal('');
}

/** Serves a fixture site (the offline one by default) and opens its index until the worker has saved it and controls the page. */
export async function openSavedSite(fixture = FIXTURE) {
  await site.buildArticles(fixture);
  await site.serve();
  await site.open('/');
  await site.waitFor(SAVED);
}

/** Opens an article of the saved site and waits until it is kept (as opening it keeps it). */
export async function openKeptArticle(page: string) {
  await site.open(`/${page}`);
  await site.waitFor(`${KEPT_URLS}.then((urls) => urls.includes('/${page}'))`);
}

/** Opens the offline details and waits for this article's part to load. */
export async function openDetails(ready: string) {
  // A boolean: Firefox's WebDriver BiDi hands an element back as undefined, not as a truthy value.
  await site.waitFor("!!document.querySelector('offline-status')?.shadowRoot?.querySelector('.indicator')");
  await site.evaluate("document.querySelector('offline-status').shadowRoot.querySelector('.indicator').click()");
  await site.waitFor(`${detailsText('.article-kept')} === ${JSON.stringify(ready)}`);
}

/** Presses a button of the details' article part as a keyboard user would: focused, then activated. */
export const pressInDetails = (selector: string) =>
  site.evaluate(`(() => { const b = ${KEEPING}.querySelector(${JSON.stringify(selector)}); b.focus(); b.click(); })()`);
