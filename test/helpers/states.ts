// The states the built edition can be in, as a reader would put it there, for the
// conformance suite to check one by one.
import type { ReadingSettings } from '../../src/preferences/reading-settings.js';
import { closeEditions, openEdition, type Edition } from './edition.js';
import { playerOf } from './player.js';
import { LARGEST, openPanel, storeSettings, THEMES } from './settings.js';
import { startPlaying } from './speech.js';
import { clearStoredPreferences } from './storage.js';
import { animationFrames, mutations, until } from './waiting.js';

export interface Viewport {
  width: number;
  height: number;
}

export interface EditionState {
  name: string;
  /** Stored reading settings to load with. */
  settings?: Partial<ReadingSettings>;
  /** What the reader does once the page is open. */
  enter?: (edition: Edition) => Promise<void>;
  /** Only at these viewport widths (all when absent). */
  widths?: number[];
}

export const STATES: EditionState[] = [
  { name: 'default' },
  ...THEMES.filter((theme) => theme !== 'system').map((theme) => ({ name: `${theme} theme`, settings: { theme } })),
  { name: 'largest text, widest spacing', settings: LARGEST },
  { name: 'reduced motion (in-page switch)', settings: { reduceMotion: true } },
  {
    // WCAG 1.4.4: the browser's own text size at 200% (its default font size doubled), which the
    // page's rem and em units follow. At 320 × 256 this would be 800% zoom; the 300% state
    // covers the largest text on a phone (see the known issue in docs/accessibility.md).
    name: 'browser text size 200%',
    widths: [1280],
    enter: async (edition) => {
      edition.doc.documentElement.style.fontSize = '200%';
      // Laid out again at that size.
      await animationFrames(1, edition.win);
    },
  },
  { name: 'settings panel open', enter: async (edition) => void (await openPanel(edition)) },
  { name: 'offline details open', enter: openOfflineDetails },
  { name: 'player playing', enter: async (edition) => void (await startPlayer(edition)) },
  {
    name: 'player paused, options open',
    enter: async (edition) => {
      const player = await startPlayer(edition);
      player.button('play')!.click();
      player.button('more')!.click();
      await player.rendered();
    },
  },
  { name: 'offline', enter: goOffline },
];

/** Opens the built edition (what ships) in a state. */
export async function openInState(state: EditionState, viewport: Viewport): Promise<Edition> {
  clearStoredPreferences();
  if (state.settings) storeSettings(state.settings);
  const edition = await openEdition({ path: '/dist/index.html', ...viewport });
  await state.enter?.(edition);
  return edition;
}

export function leaveState() {
  closeEditions();
  clearStoredPreferences();
}

async function startPlayer(edition: Edition) {
  await startPlaying(edition);
  return playerOf(edition);
}

/**
 * Resolves once the built page says it is available offline: its worker has installed, the
 * whole edition precached. A test that opens the built page first waits for this before closing
 * it, or any test after it may find the worker still installing: in WebKit, a worker whose every
 * page went away mid-install stays installing for good (docs/webkit.md).
 */
export async function savedForOffline(edition: Edition) {
  const status = edition.doc.querySelector('offline-status')!.shadowRoot!;
  await until(
    () => status.querySelector('.status')?.textContent?.startsWith('Available offline') ?? false,
    () => `the edition to be saved for offline; it says: ${status.querySelector('.status')?.textContent?.trim()}`,
    mutations(status),
    // The worker precaches the whole edition first: WebKit on a busy machine takes over 30 s.
    90_000,
  );
}

/** The offline indicator pressed, once the edition is saved: its details open under the toolbar. */
async function openOfflineDetails(edition: Edition) {
  await savedForOffline(edition);
  const host = edition.doc.querySelector('offline-status')!;
  host.shadowRoot!.querySelector<HTMLButtonElement>('.indicator')!.click();
  await host.updateComplete;
}

/** The network goes away: the browser says so and fires "offline". */
async function goOffline(edition: Edition) {
  Object.defineProperty(edition.win.navigator, 'onLine', { configurable: true, get: () => false });
  edition.win.dispatchEvent(new edition.win.Event('offline'));
  await edition.doc.querySelector('offline-status')!.updateComplete;
}
