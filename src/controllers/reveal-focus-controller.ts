import type { ReactiveController, ReactiveControllerHost, ReactiveElement } from 'lit';

/**
 * Keeps whatever has keyboard focus wholly on screen and clear of the docked read-aloud bar
 * (WCAG 2.4.11 and 2.4.12). Browsers scroll a focused element into view, but Firefox stops
 * once any of it shows, which at large text sizes can leave most of a control off screen.
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
    requestAnimationFrame(() => {
      const covered = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--player-height')) || 0;
      const rect = target.getBoundingClientRect();
      // scrollIntoView honours the page's scroll-padding, which leaves room for the bar. Instant:
      // a smooth scroll here can be cut short by the browser's own scroll to the focused element.
      if (rect.top < 0 || rect.bottom > window.innerHeight - covered) target.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    });
  };
}
