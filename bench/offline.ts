// The offline first visit: what a reader's browser downloads on opening the edition once,
// the worker's precache included, and how long until the page says it is saved.
import type { CDPSession, Page } from 'puppeteer-core';
import { launchChromium, newPage } from './chromium.ts';

const AVAILABLE = 'Available offline.';
const WAIT_MS = 60_000;

/** One response as the bench's server logged it (generator/serve.ts). */
export interface ServedResponse {
  path: string;
  status: number;
  bytes: number;
}

/** One response on the wire, as a CDP session saw it: the page's or the worker's. */
interface Transfer {
  who: string;
  url: string;
  bytes: number;
}

/** Each script once, as first sent (compressed bytes). */
export interface ScriptBytes {
  /** What the page itself requested before any interaction. */
  page: number;
  /** sw.js. */
  worker: number;
  /** The chunks only the worker fetched, to precache them for first use. */
  onFirstUse: number;
  /** The page's own scripts, by path. */
  pageFiles: string[];
}

/** One offline first visit. */
export interface OfflineVisit {
  /** When the page said it was saved, in ms since navigation start. */
  availableMs: number;
  cdpPageBytes: number;
  cdpWorkerBytes: number;
  /** Each transfer: who made it, its path and size. */
  transfers: string[];
  /** Each response the server sent: its path, status and size. */
  served: string[];
  servedBytes: number;
  scriptBytes: ScriptBytes;
}

/**
 * Resolves with the page time (ms since navigation start) at which the offline status first
 * says the edition is saved; polled every 20 ms.
 */
export async function waitForOffline(page: Page): Promise<number> {
  const found = await page.waitForFunction(
    (text: string) =>
      document.querySelector('offline-status')?.shadowRoot?.querySelector('.status')?.textContent?.includes(text) &&
      performance.now(),
    { polling: 20, timeout: WAIT_MS },
    AVAILABLE,
  );
  const at = await found.jsonValue();
  // waitForFunction resolves only once the function's value is truthy: here, the time.
  if (typeof at !== 'number') throw new Error(`the offline status's wait ended without a time: ${String(at)}`);
  return at;
}

/**
 * Sums encodedDataLength (compressed bytes on the wire, headers included) per request on
 * one CDP session, leaving out responses a service worker answered (no network used).
 */
async function countTransfers(session: CDPSession, who: string, into: Transfer[]): Promise<void> {
  const requests = new Map<string, { url: string; fromWorker: boolean }>();
  session.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, fromWorker: false }));
  session.on('Network.responseReceived', (e) => {
    const request = requests.get(e.requestId);
    if (request) request.fromWorker = Boolean(e.response.fromServiceWorker);
  });
  session.on('Network.loadingFinished', (e) => {
    const request = requests.get(e.requestId);
    if (request && !request.fromWorker)
      into.push({ who, url: new URL(request.url).pathname, bytes: e.encodedDataLength });
  });
  await session.send('Network.enable');
}

/** One first visit in a fresh profile, unthrottled; `serverLog` is what the server sent, to cross-check. */
export async function offlineFirstVisit(url: string, serverLog: readonly ServedResponse[]): Promise<OfflineVisit> {
  const browser = await launchChromium();
  try {
    const transfers: Transfer[] = [];
    const attaching: Promise<void>[] = [];
    // The worker's own requests (sw.js's precache) are on its own target, not the page's.
    browser.on('targetcreated', (target) => {
      if (target.type() === 'service_worker')
        attaching.push(target.createCDPSession().then((s) => countTransfers(s, 'worker', transfers)));
    });
    const page = await newPage(browser);
    await countTransfers(await page.createCDPSession(), 'page', transfers);
    const sentBefore = serverLog.length;
    await page.goto(url, { waitUntil: 'load' });
    const availableMs = await waitForOffline(page);
    await Promise.all(attaching);
    const served = serverLog.slice(sentBefore);
    const sum = (list: { bytes: number }[]) => list.reduce((total, t) => total + t.bytes, 0);
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
 */
function scriptBytes(served: ServedResponse[], transfers: Transfer[]): ScriptBytes {
  const scripts = new Map(
    served
      .filter((s) => s.status === 200 && s.path.endsWith('.js'))
      .reverse()
      .map((s) => [s.path, s.bytes]),
  );
  const byPage = new Set(transfers.filter((t) => t.who === 'page').map((t) => t.url));
  const total = (which: (file: string) => boolean) =>
    [...scripts].filter(([file]) => which(file)).reduce((sum, [, bytes]) => sum + bytes, 0);
  const worker = (file: string) => file.endsWith('/sw.js');
  return {
    page: total((file) => !worker(file) && byPage.has(file)),
    worker: total(worker),
    onFirstUse: total((file) => !worker(file) && !byPage.has(file)),
    pageFiles: [...scripts.keys()].filter((file) => !worker(file) && byPage.has(file)),
  };
}
