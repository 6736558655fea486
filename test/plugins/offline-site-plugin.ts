// Test-runner commands that build the edition into a temporary folder, serve it from a
// plain static server on a free localhost port, and drive it in its own page (in an isolated
// browser context), so service workers, caches and a server that goes away can be tested for
// real, in Chromium and Firefox (under puppeteer) and in WebKit (under WebDriver; see
// ./driven-page.ts). A test's own frame cannot do this: the served site is another origin. One
// site per test session; `offline-site-close` removes it all. Only `offline-site-network` and
// `offline-site-quota` need Chromium.
// test/helpers/offline-site.ts gives the commands a typed face. The build runs in the test
// runner's own process (buildSite()).
import { readFile, mkdtemp, cp, appendFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BasicTestSession, TestRunnerPlugin } from '@web/test-runner';
import type { ChromeLauncher } from '@web/test-runner-chrome';
import type { CDPSession } from 'puppeteer-core';
import type { WebKitLauncher } from '../../tools/webkit-launcher.ts';
import { puppeteerPage, webdriverPage, type DrivenPage } from './driven-page.ts';
import { buildSite } from '../../generator/build-site.ts';
import { ARTICLES_DIR } from '../../generator/site.ts';
import { folder, startStaticServer } from '../../generator/serve.ts';

interface Site {
  /** The build's output folder. */
  dir: string;
  /** Folders to remove at the end. */
  scratch: string[];
  stopServer?: () => Promise<unknown>;
  origin?: string;
  /** Lets held sw.js requests through. */
  releaseWorker?: () => void;
  workerHeld?: Promise<void>;
  page?: DrivenPage;
  devtools?: CDPSession;
}

/** What each command's payload holds, as test/helpers/offline-site.ts sends it. */
interface Payloads {
  'offline-site-build': { extraParagraph?: string; articles?: string };
  'offline-site-serve': { holdWorker?: boolean; ranges?: boolean };
  'offline-site-release-worker': object;
  'offline-site-stop-server': object;
  'offline-site-open': { path?: string };
  'offline-site-reload': object;
  'offline-site-evaluate': { expression: string };
  'offline-site-wait': { expression: string; timeout?: number };
  'offline-site-click': { selector: string };
  'offline-site-watch-media': object;
  'offline-site-network': { offline: boolean };
  'offline-site-quota': { bytes: number };
  'offline-site-axe': { tags: string[] };
  'offline-site-close': object;
}

type Command = keyof Payloads;
type Handler<K extends Command> = (site: Site, payload: Payloads[K], session: BasicTestSession) => Promise<unknown>;

/** axe-core's results, of what is read here. */
interface AxeViolation {
  id: string;
  impact?: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** What the pages these commands drive are given (axe-core, the media watcher). */
interface DrivenWindow {
  axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
  mediaEvents: { type: string; time: number }[];
}

export function offlineSitePlugin(): TestRunnerPlugin {
  const sites = new Map<string, Site>();

  async function siteFor(id: string): Promise<Site> {
    let site = sites.get(id);
    if (!site) {
      const dir = await mkdtemp(path.join(tmpdir(), 'reader-edition-site-'));
      site = { dir, scratch: [dir] };
      sites.set(id, site);
    }
    return site;
  }

  function pageOf(site: Site): DrivenPage {
    if (!site.page) throw new Error('no page is open: run offline-site-open first');
    return site.page;
  }

  /** Chromium's page, for what only its DevTools Protocol does. */
  function chromium(site: Site, command: string): NonNullable<DrivenPage['puppeteer']> {
    const driven = pageOf(site).puppeteer;
    if (!driven) throw new Error(`${command} needs Chromium's DevTools Protocol`);
    return driven;
  }

  /** The site's page, in a browser context of its own, created on first use. */
  async function sitePage(site: Site, session: BasicTestSession): Promise<DrivenPage> {
    if (!site.page) {
      if (!site.origin) throw new Error('nothing is served: run offline-site-serve first');
      // The launchers are @web/test-runner-chrome's (type 'puppeteer') and WebKit's (type 'webdriver'),
      // as web-test-runner.config.mjs sets them; executeCommand checks it.
      site.page =
        session.browser.type === 'webdriver'
          ? await webdriverPage(session.browser as WebKitLauncher)
          : await puppeteerPage(
              await (session.browser as ChromeLauncher).getPage(session.id).browser().createBrowserContext(),
              site.origin,
            );
    }
    return site.page;
  }

  const commands: { [K in Command]: Handler<K> } = {
    /**
     * Builds into the site's folder; `extraParagraph` is appended to the article (a new version);
     * `articles` builds that folder of sources instead of the edition's (with its audio).
     */
    async 'offline-site-build'(site, { extraParagraph, articles: sources }) {
      if (extraParagraph) {
        const articles = await mkdtemp(path.join(tmpdir(), 'reader-edition-articles-'));
        site.scratch.push(articles);
        await cp(ARTICLES_DIR, articles, { recursive: true });
        for (const name of await readdir(articles)) {
          if (name.endsWith('.md')) await appendFile(path.join(articles, name), `\n${extraParagraph}\n`);
        }
        // The new version's audio is not what these tests look at: skip rendering it again.
        await buildSite({ out: site.dir, articles, audio: false });
      } else {
        await buildSite({ out: site.dir, articles: sources });
      }
      return true;
    },

    /**
     * Serves the site's folder; with `holdWorker`, sw.js is answered only after
     * offline-site-release-worker; with `ranges: false`, every request is answered whole.
     */
    async 'offline-site-serve'(site, { holdWorker = false, ranges = true } = {}) {
      site.workerHeld = holdWorker ? new Promise((resolve) => (site.releaseWorker = resolve)) : undefined;
      const server = await startStaticServer({
        resolve: folder(site.dir),
        before: (pathname) => (pathname === '/sw.js' ? site.workerHeld : undefined),
        // Back on the same port after a stop, so the browser sees the same origin (and its worker).
        port: site.origin ? Number(new URL(site.origin).port) : 0,
        // "localhost" is a secure context, as service workers need.
        hostname: 'localhost',
        ranges,
      });
      site.stopServer = server.close;
      site.origin = server.origin;
      return site.origin;
    },

    async 'offline-site-release-worker'(site) {
      site.releaseWorker?.();
      return true;
    },

    /** The server goes away, as on a train: requests are refused, not answered. */
    async 'offline-site-stop-server'(site) {
      await site.stopServer?.();
      site.stopServer = undefined;
      return true;
    },

    /** Opens a page of the served site in a fresh browser context (its own storage and workers). */
    async 'offline-site-open'(site, { path: pagePath = '/' }, session) {
      if (!site.origin) throw new Error('nothing is served: run offline-site-serve first');
      await (await sitePage(site, session)).goto(`${site.origin}${pagePath}`);
      return true;
    },

    async 'offline-site-reload'(site) {
      await pageOf(site).reload();
      return true;
    },

    /** The value of a JavaScript expression in the page (awaited). */
    async 'offline-site-evaluate'(site, { expression }) {
      return pageOf(site).evaluate(expression);
    },

    /**
     * Waits until an expression is truthy in the page, through reloads, looking again each time
     * something changes in the page (page-changes.ts); fails with its last value.
     */
    async 'offline-site-wait'(site, { expression, timeout = 90_000 }) {
      const page = pageOf(site);
      const end = Date.now() + timeout;
      let last: unknown;
      for (;;) {
        const seen = await page.changes.mark();
        try {
          // Wrapped in an array, so a promise's value comes back rather than the promise.
          last = ((await page.evaluate(`(async () => [await (${expression})])()`)) as unknown[])[0];
          if (last) return last;
        } catch (error) {
          // The page is navigating: its context is gone until the next document loads.
          last = error instanceof Error ? error.message : String(error);
        }
        if (Date.now() > end)
          throw new Error(`timed out waiting for ${expression}; last value: ${JSON.stringify(last)}`);
        await page.changes.after(seen, end - Date.now());
      }
    },

    /**
     * A real click, as a pointer gives it (which media playback may need), on the element a
     * puppeteer selector finds (`>>>` goes into shadow roots).
     */
    async 'offline-site-click'(site, { selector }) {
      await pageOf(site).click(selector);
      return true;
    },

    /**
     * From the page's next document on, notes what every media element does, in
     * `window.mediaEvents` ({ type, time }: its clock when `playing`, `seeked`, `timeupdate`,
     * `pause` or `ended` fired). The player's audio element is never in the document, so this
     * watches where each one is asked to play.
     */
    async 'offline-site-watch-media'(site) {
      await pageOf(site).onEachDocument(() => {
        const events: DrivenWindow['mediaEvents'] = [];
        (window as unknown as DrivenWindow).mediaEvents = events;
        const watched = new WeakSet<HTMLMediaElement>();
        const play = HTMLMediaElement.prototype.play;
        HTMLMediaElement.prototype.play = function () {
          if (!watched.has(this)) {
            watched.add(this);
            for (const type of ['playing', 'seeked', 'timeupdate', 'pause', 'ended']) {
              this.addEventListener(type, () => events.push({ type, time: this.currentTime }));
            }
          }
          return play.call(this);
        };
      });
      return true;
    },

    /** Network emulation (Chromium): navigator.onLine and the online/offline events, as when a signal drops. */
    async 'offline-site-network'(site, { offline }) {
      const { page, changes } = chromium(site, 'offline-site-network');
      await changes.trackCacheStorage(offline ? undefined : site.origin);
      await page.setOfflineMode(offline);
      return true;
    },

    /** Shrinks the origin's storage quota (Chromium's DevTools Protocol), before the site is opened. */
    async 'offline-site-quota'(site, { bytes }, session) {
      if (!site.origin) throw new Error('nothing is served: run offline-site-serve first');
      await sitePage(site, session);
      // The override lasts as long as the DevTools session that set it: keep it open with the page.
      site.devtools ??= await chromium(site, 'offline-site-quota').page.createCDPSession();
      await site.devtools.send('Storage.overrideQuotaForOrigin', { origin: site.origin, quotaSize: bytes });
      return true;
    },

    /** axe-core in the page, with the given tags; a readable list of violations, empty when none. */
    async 'offline-site-axe'(site, { tags }) {
      const page = pageOf(site);
      // Run by the driver (the DevTools Protocol, WebDriver), which the page's CSP does not govern.
      await page.runScript(await readFile('node_modules/axe-core/axe.min.js', 'utf8'));
      return page.run(async (runTags: string[]) => {
        const { axe } = window as unknown as DrivenWindow;
        const results = await axe.run(document, {
          runOnly: { type: 'tag', values: runTags },
          resultTypes: ['violations'],
        });
        return results.violations
          .map(
            (v) =>
              `  ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary}`).join('\n')}`,
          )
          .join('\n');
      }, tags);
    },

    async 'offline-site-close'(site, _payload, session) {
      await commands['offline-site-stop-server'](site, {}, session);
      await site.page?.close();
      for (const dir of site.scratch) await rm(dir, { recursive: true, force: true });
      sites.delete(session.id);
      return true;
    },
  };

  // A browser's command gets no answer after 20 s, and a build or a worker's install can take
  // longer on a busy machine. So each command starts a task and answers its id at once;
  // `offline-site-result` then answers within a few seconds, done or not yet.
  const tasks = new Map<number, Promise<unknown>>();
  let lastTask = 0;

  return {
    name: 'offline-site',
    async executeCommand({ command, payload, session }) {
      if (command === 'offline-site-result') {
        const { task } = payload as { task: number };
        const pending = Symbol('pending');
        const result = await Promise.race([
          tasks.get(task),
          new Promise((resolve) => setTimeout(() => resolve(pending), 5_000)),
        ]);
        if (result === pending) return { done: false };
        tasks.delete(task);
        return { done: true, value: result };
      }
      if (!Object.hasOwn(commands, command)) return undefined;
      // The payload is what test/helpers/offline-site.ts sends for this command (Payloads).
      const handler = commands[command as Command] as (
        site: Site,
        payload: unknown,
        session: BasicTestSession,
      ) => Promise<unknown>;
      if (session.browser.type !== 'puppeteer' && session.browser.type !== 'webdriver')
        throw new Error(`${command} drives the browser through puppeteer or WebDriver, not ${session.browser.name}`);
      const task = ++lastTask;
      const running = siteFor(session.id).then((site) => handler(site, payload ?? {}, session));
      running.catch(() => undefined); // reported through offline-site-result
      tasks.set(task, running);
      return { task };
    },
  };
}
