// Drives a served build of the edition in its own page (Chromium, Firefox or WebKit) through the
// offline-site plugin's commands (test/plugins/offline-site-plugin.ts). Expressions run in that page.
import { executeServerCommand } from '@web/test-runner-commands';
import { AXE_TAGS } from './axe.js';

/** The offline status's text, whitespace collapsed; '' before the component renders. */
export const STATUS_TEXT =
  "(document.querySelector('offline-status')?.shadowRoot?.querySelector('.status')?.textContent ?? '').replace(/\\s+/g, ' ').trim()";

/** Runs a command to its end: the plugin answers with a task, then with its result once done. */
async function command<T = unknown>(name: string, payload: object = {}): Promise<T> {
  const { task } = await executeServerCommand<{ task: number }, object>(name, payload);
  for (;;) {
    const result = await executeServerCommand<{ done: boolean; value?: T }, object>('offline-site-result', { task });
    if (result.done) return result.value as T;
  }
}

export const site = {
  /** Builds the edition into the site's folder; `extraParagraph` makes a changed version. */
  build: (extraParagraph?: string) => command('offline-site-build', { extraParagraph }),
  /** Builds a folder of article sources (a fixture site), with its audio edition. */
  buildArticles: (articles: string) => command('offline-site-build', { articles }),
  /** With `holdWorker`, sw.js waits for releaseWorker(); with `ranges: false`, every file is answered whole. */
  serve: (options: { holdWorker?: boolean; ranges?: boolean } = {}) => command<string>('offline-site-serve', options),
  releaseWorker: () => command('offline-site-release-worker'),
  stopServer: () => command('offline-site-stop-server'),
  open: (path = '/') => command('offline-site-open', { path }),
  reload: () => command('offline-site-reload'),
  evaluate: <T>(expression: string) => command<T>('offline-site-evaluate', { expression }),
  waitFor: <T>(expression: string, timeout?: number) => command<T>('offline-site-wait', { expression, timeout }),
  /** A real click on what a puppeteer selector finds (`>>>` goes into shadow roots). */
  click: (selector: string) => command('offline-site-click', { selector }),
  /** From the next document on, `window.mediaEvents` lists what every media element does. */
  watchMedia: () => command('offline-site-watch-media'),
  /** Chromium only (DevTools Protocol). */
  network: (offline: boolean) => command('offline-site-network', { offline }),
  /** Chromium only (DevTools Protocol). */
  quota: (bytes: number) => command('offline-site-quota', { bytes }),
  axe: () => command<string>('offline-site-axe', { tags: AXE_TAGS }),
  close: () => command('offline-site-close'),
  /** Resolves once the status says exactly `text`; fails with what it said instead. */
  statusIs: (text: string) => site.waitFor(`${STATUS_TEXT} === ${JSON.stringify(text)}`),
};
