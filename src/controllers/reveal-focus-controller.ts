import type { ReactiveController, ReactiveControllerHost, ReactiveElement } from 'lit';

/**
 * Keeps whatever has keyboard focus wholly on screen and clear of the docked read-aloud bar
 * (WCAG 2.4.11 and 2.4.12). Browsers scroll a focused element into view, but Firefox stops
 * once any of it shows, which at large text sizes can leave most of a control off screen, or
 * a contents link half hidden in the sidebar's own scroller.
 *
 * It watches the host's shadow root (focus moving inside one never reaches the document)
 * and, with `wholePage`, the document.
 */
export class RevealFocusController implements ReactiveController {
  private readonly host: ReactiveControllerHost & ReactiveElement;
  private readonly wholePage: boolean;

  constructor(host: ReactiveControllerHost & ReactiveElement, { wholePage = false } = {}) {
    this.host = host;
    this.wholePage = wholePage;
    host.addController(this);
  }

  hostConnected() {
    this.host.renderRoot.addEventListener('focusin', this.onFocus);
    if (this.wholePage) document.addEventListener('focusin', this.onFocus);
  }

  hostDisconnected() {
    this.host.renderRoot.removeEventListener('focusin', this.onFocus);
    document.removeEventListener('focusin', this.onFocus);
  }

  private readonly onFocus = (event: Event) => {
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return;
    // "nearest" scrolls only what must move: the page, or a scroller the element sits in (the
    // contents sidebar), and honours the page's scroll-padding, which leaves room for the bar.
    // Instant: a smooth scroll here can be cut short by the browser's own scroll to focus.
    requestAnimationFrame(() => target.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' }));
  };
}
