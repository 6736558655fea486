import type { ReactiveControllerHost } from 'lit';
import { ElementSizeController } from './element-size-controller.js';

export interface DockingOptions {
  /** The element to dock (the host renders it with or without a "docked" look), if shown now. */
  element: () => Element | null | undefined;
  /** Docked only while the element takes no more than this share of the screen's height. */
  maxShare?: number;
  /** The docked element's height as a custom property, set on `users` (see below). */
  property: `--${string}`;
  /** The elements whose own styles read `property`: what sits above the bar, say. Small subtrees. */
  users?: () => Iterable<HTMLElement>;
}

/** The height each docked element takes at the bottom of the screen, by its property. */
const docked = new Map<string, number>();

/**
 * The page leaves that room on the root element: padding, so the end of the article can
 * scroll above the docked elements, and scroll-padding, so nothing focused or linked to lands
 * under them. Those properties, not a custom property the stylesheet adds up: a custom
 * property changed on the root restyles every element of the page (8 ms here, each time the
 * bar or the sheet appeared or changed size), a padding only the root.
 */
function leaveRoom() {
  const style = document.documentElement.style;
  const total = [...docked.values()].reduce((sum, height) => sum + height, 0);
  style.paddingBottom = style.scrollPaddingBottom = total > 0 ? `${total}px` : '';
}

/**
 * Decides whether a bar docks to the bottom of the screen: it does unless it would cover more
 * than `maxShare` of it (at large text on a small screen a docked bar would hide the page, so it
 * stays in the page flow instead). While docked, the page leaves room for it (see leaveRoom),
 * and its users carry its height in a CSS property. The host reads `docked` when it renders.
 */
export class DockingController extends ElementSizeController {
  /** Whether the element should be shown docked; the host is updated when this changes. */
  docked = true;

  private readonly maxShare: number;
  private readonly property: `--${string}`;
  private readonly users: () => Iterable<HTMLElement>;

  constructor(host: ReactiveControllerHost, { element, maxShare = 0.3, property, users = () => [] }: DockingOptions) {
    super(host, element);
    this.maxShare = maxShare;
    this.property = property;
    this.users = users;
  }

  /** Docks the element unless that would cover too much of the screen. */
  protected measure(element: Element | undefined) {
    if (!element) {
      this.takes(undefined);
      return;
    }
    const height = element.getBoundingClientRect().height;
    const fits = height <= window.innerHeight * this.maxShare;
    if (fits !== this.docked) {
      this.docked = fits;
      this.host.requestUpdate();
    }
    this.takes(fits ? Math.ceil(height) : undefined);
  }

  /** The room the element takes at the bottom of the screen: a height while docked, else none. */
  private takes(height: number | undefined) {
    if (height === docked.get(this.property)) return;
    if (height === undefined) docked.delete(this.property);
    else docked.set(this.property, height);
    leaveRoom();
    for (const user of this.users()) {
      if (height === undefined) user.style.removeProperty(this.property);
      else user.style.setProperty(this.property, `${height}px`);
    }
  }
}
