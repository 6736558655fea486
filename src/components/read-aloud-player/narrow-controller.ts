import type { ReactiveControllerHost } from 'lit';
import { ElementSizeController } from '../../controllers/element-size-controller.js';

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
export class NarrowController extends ElementSizeController {
  narrow = false;

  private readonly ems: number;

  constructor(host: ReactiveControllerHost, { element, ems }: NarrowOptions) {
    super(host, element);
    this.ems = ems;
  }

  protected measure(element: Element | undefined) {
    if (!element) return;
    // The content box, as a container query measures it.
    const style = getComputedStyle(element);
    const width = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const narrow = width < this.ems * (parseFloat(style.fontSize) || 16);
    if (narrow === this.narrow) return;
    this.narrow = narrow;
    this.host.requestUpdate();
  }
}
