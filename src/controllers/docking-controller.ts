import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface DockingOptions {
  /** The element to dock (the host renders it with or without a "docked" look), if shown now. */
  element: () => Element | null | undefined;
  /** Docked only while the element takes no more than this share of the screen's height. */
  maxShare?: number;
  /** Set on the root element to the docked element's height, so the page can leave room under it. */
  property: `--${string}`;
}

/**
 * Decides whether a bar docks to the bottom of the screen: it does unless it would cover more
 * than `maxShare` of it (at large text on a small screen a docked bar would hide the page, so it
 * stays in the page flow instead). While docked, the root element carries its height in a CSS
 * property, which the page uses for padding and scroll-padding so nothing hides behind the bar.
 *
 * The element is measured when it appears, when its size changes (ResizeObserver, where the
 * browser has it) and when the window is resized. The host reads `docked` when it renders.
 */
export class DockingController implements ReactiveController {
  /** Whether the element should be shown docked; the host is updated when this changes. */
  docked = true;

  private readonly host: ReactiveControllerHost;
  private readonly element: () => Element | null | undefined;
  private readonly maxShare: number;
  private readonly property: `--${string}`;
  private readonly resizeObserver = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => this.measure());
  private observed?: Element;

  constructor(host: ReactiveControllerHost, { element, maxShare = 0.3, property }: DockingOptions) {
    this.host = host;
    this.element = element;
    this.maxShare = maxShare;
    this.property = property;
    host.addController(this);
  }

  hostConnected() {
    window.addEventListener('resize', this.measure);
  }

  hostUpdated() {
    // Measure only when the element comes or goes; the resize observer follows its size after that.
    const element = this.element() ?? undefined;
    if (element === this.observed) return;
    if (this.observed) this.resizeObserver?.unobserve(this.observed);
    this.observed = element;
    if (element) this.resizeObserver?.observe(element);
    this.measure();
  }

  hostDisconnected() {
    window.removeEventListener('resize', this.measure);
    this.resizeObserver?.disconnect();
    this.observed = undefined;
    document.documentElement.style.removeProperty(this.property);
  }

  /** Docks the element unless that would cover too much of the screen. */
  private readonly measure = () => {
    const root = document.documentElement;
    const element = this.element();
    if (!element) {
      root.style.removeProperty(this.property);
      return;
    }
    const height = element.getBoundingClientRect().height;
    const fits = height <= window.innerHeight * this.maxShare;
    if (fits !== this.docked) {
      this.docked = fits;
      this.host.requestUpdate();
    }
    if (fits) root.style.setProperty(this.property, `${Math.ceil(height)}px`);
    else root.style.removeProperty(this.property);
  };
}
