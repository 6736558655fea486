import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ReadingPlaceStore, type StoredReadingPlace } from './reading-place-store.js';

/** The article's blocks: the places a reader can be returned to, in reading order. */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd, figcaption, tr, pre';

/** How much of a block's text is kept to know it again. */
const FINGERPRINT = 60;

/** What says the reader is moving about the page themselves. */
const READER_INPUT = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/** How long scrolling must rest before the place is kept. */
const SAVE_DELAY_MS = 400;

export interface ReadingPlaceOptions {
  article: () => Element | null | undefined;
  /** Names the article in storage. */
  id: () => string;
  store?: ReadingPlaceStore;
}

const fingerprint = (block: Element) => (block.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, FINGERPRINT);

/**
 * Keeps where the reader is in the article, by paragraph (the first block in view), and on the
 * next visit returns them there: a text-size or screen change since then moves the pixels, not
 * the paragraph. Not when the address names a place (#fragment), nor on a first visit, nor when
 * the place is on the first screen anyway, nor once the reader has moved about themselves. The
 * browser's own scroll restoration, which keeps pixels, is turned off only when a place is
 * restored. The host shows the place (`returnedTo`) and offers a way back to the top.
 */
export class ReadingPlaceController implements ReactiveController {
  /** The block the reader was returned to on this visit. */
  returnedTo?: Element;

  private readonly host: ReactiveControllerHost;
  private readonly options: ReadingPlaceOptions;
  private readonly store: ReadingPlaceStore;
  /** Until the kept place has been dealt with, scrolling does not overwrite it. */
  private settled = false;
  private started = false;
  /** The reader has scrolled, pressed or typed since the page opened: they are not moved. */
  private readerMoved = false;
  private saveTimer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost, options: ReadingPlaceOptions) {
    this.host = host;
    this.options = options;
    this.store = options.store ?? new ReadingPlaceStore();
    host.addController(this);
  }

  hostConnected() {
    window.addEventListener('scroll', this.onScroll, { passive: true });
    window.addEventListener('pagehide', this.save);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    for (const type of READER_INPUT)
      window.addEventListener(type, this.onReaderInput, { passive: true, capture: true });
    // Connected again when the host moves to the place: the place is found once a visit.
    if (this.started) return;
    this.started = true;
    void this.returnToPlace();
  }

  hostDisconnected() {
    window.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('pagehide', this.save);
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    for (const type of READER_INPUT) window.removeEventListener(type, this.onReaderInput, { capture: true });
    clearTimeout(this.saveTimer);
  }

  /** The reader went back to the top: the place has been left. */
  leave() {
    this.returnedTo = undefined;
    this.host.requestUpdate();
  }

  private async returnToPlace() {
    const article = this.options.article();
    const place = article && !location.hash ? this.store.read(this.options.id()) : undefined;
    if (!article || !place) {
      this.settled = true;
      return;
    }
    // Ours to restore, by paragraph; the browser would restore the pixels of another text size.
    history.scrollRestoration = 'manual';
    // Where a block lies depends on the fonts the reader's settings use.
    await document.fonts?.ready;
    await new Promise(requestAnimationFrame);
    const block = find(this.blocks(article), place);
    // Below the first screen when the page is at its top.
    const below = block && block.getBoundingClientRect().top + window.scrollY > window.innerHeight;
    if (block && below && !this.readerMoved) {
      this.returnedTo = block;
      this.host.requestUpdate();
      await this.host.updateComplete;
    }
    this.settled = true;
  }

  private blocks(article: Element) {
    return [...article.querySelectorAll(BLOCKS)].filter((block) => !block.closest('[data-edition]'));
  }

  /** The first block a reader sees: the first whose bottom is below the top tenth of the screen. */
  private firstInView(): { index: number; block: Element } | undefined {
    const article = this.options.article();
    if (!article) return undefined;
    const blocks = this.blocks(article);
    const index = blocks.findIndex((block) => block.getBoundingClientRect().bottom > window.innerHeight * 0.1);
    return index === -1 ? undefined : { index, block: blocks[index] };
  }

  private readonly save = () => {
    clearTimeout(this.saveTimer);
    if (!this.settled) return;
    const first = this.firstInView();
    if (first) this.store.write(this.options.id(), { block: first.index, text: fingerprint(first.block) });
  };

  private readonly onScroll = () => {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(this.save, SAVE_DELAY_MS);
  };

  private readonly onReaderInput = () => {
    this.readerMoved = true;
  };

  private readonly onVisibilityChange = () => {
    if (document.visibilityState === 'hidden') this.save();
  };
}

/** The kept block: at its number if its text still starts the same, else the nearest block that does. */
function find(blocks: Element[], place: StoredReadingPlace): Element | undefined {
  if (blocks[place.block] && fingerprint(blocks[place.block]) === place.text) return blocks[place.block];
  const matches = blocks
    .map((block, index) => ({ block, index }))
    .filter(({ block }) => fingerprint(block) === place.text);
  matches.sort((a, b) => Math.abs(a.index - place.block) - Math.abs(b.index - place.block));
  return matches[0]?.block;
}
