import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Follows the size of an element the host renders: measured when it appears or goes, when its
 * size changes (ResizeObserver, where the browser has it) and when the window is resized (the
 * text size, say). What a size means is the subclass's (see DockingController, NarrowController).
 */
export abstract class ElementSizeController implements ReactiveController {
  protected readonly host: ReactiveControllerHost;
  private readonly element: () => Element | null | undefined;
  private readonly resizeObserver =
    typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => this.measureNow());
  private observed?: Element;

  constructor(host: ReactiveControllerHost, element: () => Element | null | undefined) {
    this.host = host;
    this.element = element;
    host.addController(this);
  }

  hostConnected() {
    window.addEventListener('resize', this.measureNow);
  }

  hostUpdated() {
    // Measure only when the element comes or goes; the resize observer follows its size after that.
    const element = this.element() ?? undefined;
    if (element === this.observed) return;
    if (this.observed) this.resizeObserver?.unobserve(this.observed);
    this.observed = element;
    if (element) this.resizeObserver?.observe(element);
    this.measure(element);
  }

  hostDisconnected() {
    window.removeEventListener('resize', this.measureNow);
    this.resizeObserver?.disconnect();
    this.observed = undefined;
    this.measure(undefined);
  }

  /** Answers the element's size now; `undefined` when it is not shown. */
  protected abstract measure(element: Element | undefined): void;

  private readonly measureNow = () => this.measure(this.observed);
}
