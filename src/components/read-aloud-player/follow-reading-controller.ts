import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Keys that scroll the page when focus is not in a control. */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

/**
 * Keeps the sentence being read on screen, until the reader scrolls away themselves; then
 * it stops following (and the host offers "Back to reading position") until asked again.
 * Scrolling uses the page's CSS scroll-behavior, so reduced motion means no smooth scroll.
 */
export class FollowReadingController implements ReactiveController {
  following = true;

  private readonly host: ReactiveControllerHost;
  private readonly active: () => boolean;

  constructor(host: ReactiveControllerHost, active: () => boolean) {
    this.host = host;
    this.active = active;
    host.addController(this);
  }

  hostConnected() {
    window.addEventListener('wheel', this.onUserScroll, { passive: true });
    window.addEventListener('touchmove', this.onUserScroll, { passive: true });
    window.addEventListener('keydown', this.onKey);
  }

  hostDisconnected() {
    window.removeEventListener('wheel', this.onUserScroll);
    window.removeEventListener('touchmove', this.onUserScroll);
    window.removeEventListener('keydown', this.onKey);
  }

  /** Scrolls the range to the reading line if it is out of the comfortable band. */
  reveal(range: Range | undefined, force = false) {
    if (!range || (!this.following && !force)) return;
    const rect = range.getBoundingClientRect();
    const bottomLimit = window.innerHeight * 0.7 - this.obscuredBottom();
    if (!force && rect.top >= window.innerHeight * 0.1 && rect.bottom <= bottomLimit) return;
    window.scrollBy({ top: rect.top - window.innerHeight * 0.3, behavior: 'auto' });
  }

  /** Follows again and brings the reading position into view. */
  backToReading(range: Range | undefined) {
    this.following = true;
    this.reveal(range, true);
    this.host.requestUpdate();
  }

  /** Height of anything fixed over the bottom of the viewport: the room the page keeps for it (the docked bar, the settings sheet). */
  private obscuredBottom() {
    return parseFloat(getComputedStyle(document.documentElement).scrollPaddingBottom) || 0;
  }

  private readonly onUserScroll = () => {
    if (!this.active() || !this.following) return;
    this.following = false;
    this.host.requestUpdate();
  };

  private readonly onKey = (event: KeyboardEvent) => {
    const target = event.composedPath()[0] as Element | undefined;
    if (target?.closest?.('input, select, textarea, button, [contenteditable]')) return;
    if (SCROLL_KEYS.has(event.key) && !event.altKey && !event.ctrlKey && !event.metaKey) this.onUserScroll();
  };
}
