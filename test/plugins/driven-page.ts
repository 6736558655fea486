// A page of a served site, driven from the test runner's process (test/plugins/offline-site-plugin.ts),
// in a browser context with nothing shared with the test's own page: through puppeteer in a
// fresh context (Chromium, Firefox), or through WebDriver in another WebKit with its own storage.
import type { BrowserContext, Page } from 'puppeteer-core';
import type { WebKitLauncher } from '../../tools/webkit-launcher.ts';
import { PageChanges, type Changes } from './page-changes.ts';
import { WebDriverPageChanges } from './webdriver-page-changes.ts';

export interface DrivenPage {
  /** Opens a URL and resolves once it has loaded. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** The value of a JavaScript expression in the page, awaited. */
  evaluate(expression: string): Promise<unknown>;
  /** The value of a function run in the page with this argument, awaited. */
  run<A, R>(fn: (arg: A) => Promise<R>, arg: A): Promise<R>;
  /** Runs a classic script (a library's source) in the page. */
  runScript(script: string): Promise<void>;
  /** A real click, as a pointer gives it, on what a puppeteer selector finds (`>>>` goes into shadow roots). */
  click(selector: string): Promise<void>;
  /** Runs a function in each document the page opens from now on, before anything a reader does. */
  onEachDocument(fn: () => void): Promise<void>;
  close(): Promise<void>;
  /** What happens in the page, told as it happens, for waits to look again on. */
  readonly changes: Changes;
  /** Chromium's page, for what only the DevTools Protocol does (network and quota emulation). */
  readonly puppeteer?: { page: Page; changes: PageChanges };
}

/** `origin`: the served site's, whose Cache Storage writes count as changes where the browser tells them. */
export async function puppeteerPage(context: BrowserContext, origin: string): Promise<DrivenPage> {
  const page = await context.newPage();
  const changes = await PageChanges.watch(page, origin);
  return {
    puppeteer: { page, changes },
    changes,
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    reload: async () => void (await page.reload({ waitUntil: 'load' })),
    evaluate: (expression) => page.evaluate(expression),
    run: (fn, arg) => page.evaluate(fn as (arg: unknown) => Promise<never>, arg),
    runScript: async (script) => void (await page.evaluate(script)),
    click: (selector) => page.locator(selector).click(),
    onEachDocument: async (fn) => void (await page.evaluateOnNewDocument(fn)),
    close: async () => {
      await changes.stop();
      await context.close();
    },
  };
}

/**
 * WebDriver has no script run before a page's own: `onEachDocument` runs its functions once each
 * page has loaded, which is before anything a reader does (what the tests watch starts with a click).
 */
export async function webdriverPage(launcher: WebKitLauncher): Promise<DrivenPage> {
  const { browser, close } = await launcher.isolatedBrowser();
  const onEach: string[] = [];
  const loaded = async () => {
    for (const script of onEach) await browser.execute(script);
  };
  return {
    changes: new WebDriverPageChanges(browser),
    goto: async (url) => {
      await browser.url(url);
      await loaded();
    },
    reload: async () => {
      await browser.refresh();
      await loaded();
    },
    // Wrapped in an array, so a promise's value comes back rather than the promise.
    evaluate: async (expression) =>
      ((await browser.execute(`return (async () => [await (${expression})])()`)) as unknown[])[0],
    run: async (fn, arg) =>
      (await browser.execute(`return ${inPage(fn)}(arguments[0])`, arg)) as Awaited<ReturnType<typeof fn>>,
    runScript: async (script) => void (await browser.execute(script)),
    click: async (selector) => {
      const found = await browser.execute(
        `return ${inPage(deepQuery)}(arguments[0])`,
        selector.split('>>>').map((part) => part.trim()),
      );
      if (!found) throw new Error(`nothing matches ${selector}`);
      await browser.$(found as unknown as WebdriverIO.Element).click();
    },
    onEachDocument: async (fn) => {
      onEach.push(`${inPage(fn)}()`);
    },
    close,
  };
}

/**
 * A function as source text for the page. tsx keeps functions' names with calls to a `__name`
 * the page lacks (as in ./page-changes.ts).
 */
const inPage = (fn: (...args: never[]) => unknown) => `((__name) => (${fn.toString()}))((target) => target)`;

/** In the page: the element puppeteer's `a >>> b` finds, each step searching through every shadow root below. */
function deepQuery(steps: string[]): Element | null {
  const within = (root: ParentNode, selector: string): Element | null => {
    const found = root.querySelector(selector);
    if (found) return found;
    for (const host of root.querySelectorAll('*')) {
      const inside = host.shadowRoot && within(host.shadowRoot, selector);
      if (inside) return inside;
    }
    return null;
  };
  let current: Element | null = null;
  for (const step of steps) {
    current = within(current ? (current.shadowRoot ?? current) : document, step);
    if (!current) return null;
  }
  return current;
}
