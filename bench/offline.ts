// The offline first visit: what a reader's browser downloads on opening the edition once,
// the worker's precache included, and how long until the page says it is saved.
import { launchChromium } from './chromium.ts';

const AVAILABLE = 'Available offline.';
const WAIT_MS = 60_000;

/**
 * Resolves with the page time (ms since navigation start) at which the offline status first
 * says the edition is saved; polled every 20 ms.
 * @param {import('puppeteer-core').Page} page
 */
export async function waitForOffline(page) {
  const found = await page.waitForFunction(
    (text) => document.querySelector('offline-status')?.shadowRoot?.querySelector('.status')?.textContent?.includes(text) && performance.now(),
    { polling: 20, timeout: WAIT_MS },
    AVAILABLE,
  );
  return /** @type {number} */ (await found.jsonValue());
}

/**
 * Sums encodedDataLength (compressed bytes on the wire, headers included) per request on
 * one CDP session, leaving out responses a service worker answered (no network used).
 * @param {import('puppeteer-core').CDPSession} session
 * @param {string} who
 * @param {{ who: string, url: string, bytes: number }[]} into
 */
async function countTransfers(session, who, into) {
  /** @type {Map<string, { url: string, fromWorker: boolean }>} */
  const requests = new Map();
  session.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, fromWorker: false }));
  session.on('Network.responseReceived', (e) => {
    const request = requests.get(e.requestId);
    if (request) request.fromWorker = Boolean(e.response.fromServiceWorker);
  });
  session.on('Network.loadingFinished', (e) => {
    const request = requests.get(e.requestId);
    if (request && !request.fromWorker) into.push({ who, url: new URL(request.url).pathname, bytes: e.encodedDataLength });
  });
  await session.send('Network.enable');
}

/**
 * One first visit in a fresh profile, unthrottled.
 * @param {string} url
 * @param {{ path: string, bytes: number }[]} serverLog what the server sent, to cross-check
 */
export async function offlineFirstVisit(url, serverLog) {
  const browser = await launchChromium();
  try {
    /** @type {{ who: string, url: string, bytes: number }[]} */
    const transfers = [];
    /** @type {Promise<void>[]} */
    const attaching = [];
    // The worker's own requests (sw.js's precache) are on its own target, not the page's.
    browser.on('targetcreated', (target) => {
      if (target.type() === 'service_worker') attaching.push(target.createCDPSession().then((s) => countTransfers(s, 'worker', transfers)));
    });
    const page = await browser.newPage();
    await countTransfers(await page.createCDPSession(), 'page', transfers);
    const sentBefore = serverLog.length;
    await page.goto(url, { waitUntil: 'load' });
    const availableMs = await waitForOffline(page);
    await Promise.all(attaching);
    const served = serverLog.slice(sentBefore);
    const sum = (/** @type {{ bytes: number }[]} */ list) => list.reduce((total, t) => total + t.bytes, 0);
    return {
      availableMs,
      cdpPageBytes: sum(transfers.filter((t) => t.who === 'page')),
      cdpWorkerBytes: sum(transfers.filter((t) => t.who === 'worker')),
      transfers: transfers.map((t) => `${t.who} ${t.url} ${t.bytes} B`),
      served: served.map((s) => `${s.path} ${s.status} ${s.bytes} B`),
      servedBytes: sum(served),
      scriptBytes: scriptBytes(served, transfers),
    };
  } finally {
    await browser.close();
  }
}

/**
 * Each script once, as first sent (compressed): the ones the page itself requested before any
 * interaction (the entry and the chunks it imports), sw.js, and the chunks only the worker
 * fetched, to precache them for first use.
 * @param {{ path: string, status: number, bytes: number }[]} served
 * @param {{ who: string, url: string }[]} transfers
 */
function scriptBytes(served, transfers) {
  const scripts = new Map(served.filter((s) => s.status === 200 && s.path.endsWith('.js')).reverse().map((s) => [s.path, s.bytes]));
  const byPage = new Set(transfers.filter((t) => t.who === 'page').map((t) => t.url));
  const total = (/** @type {(file: string) => boolean} */ which) => [...scripts].filter(([file]) => which(file)).reduce((sum, [, bytes]) => sum + bytes, 0);
  const worker = (/** @type {string} */ file) => file.endsWith('/sw.js');
  return {
    page: total((file) => !worker(file) && byPage.has(file)),
    worker: total(worker),
    onFirstUse: total((file) => !worker(file) && !byPage.has(file)),
    pageFiles: [...scripts.keys()].filter((file) => !worker(file) && byPage.has(file)),
  };
}
