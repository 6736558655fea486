import type { ReactiveController, ReactiveControllerHost } from 'lit';

interface NarrowOptions {
  /** The element to follow, once the host has rendered it. */
  element: () => Element | null | undefined;
  /** Narrow below this many of the element's own ems (as a container query's `em` counts). */
  ems: number;
}

/**
 * Whether an element is narrower than a width in its own ems, followed as it resizes (or the
 * text size changes): for a layout that moves controls elsewhere, which a container query cannot
 * do (it restyles them where they are). The host is updated when the answer changes.
 */
export class NarrowController implements ReactiveController {
  narrow = false;

  private readonly host: ReactiveControllerHost;
  private readonly options: NarrowOptions;
  private readonly resizeObserver =
    typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => this.measure());
  private observed?: Element;

  constructor(host: ReactiveControllerHost, options: NarrowOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected() {
    window.addEventListener('resize', this.measure);
  }

  hostUpdated() {
    const element = this.options.element() ?? undefined;
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
  }

  private readonly measure = () => {
    const element = this.observed;
    if (!element) return;
    // The content box, as a container query measures it.
    const style = getComputedStyle(element);
    const width = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const narrow = width < this.options.ems * (parseFloat(style.fontSize) || 16);
    if (narrow === this.narrow) return;
    this.narrow = narrow;
    this.host.requestUpdate();
  };
}
