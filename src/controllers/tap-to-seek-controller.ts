import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { segmentAtPoint, segmentOfHeading } from '../speech/segment-lookup.js';
import type { SpokenScript } from '../speech/spoken-script.js';

export interface TapToSeekOptions {
  /** The article whose sentences can be tapped. */
  article: () => Element | undefined;
  /** The script being read, or undefined while not listening (then clicks are left alone). */
  listening: () => SpokenScript | undefined;
  /** Moves reading to a segment. */
  seek: (index: number) => void;
}

/** Controls in the article that keep their own meaning when clicked. */
const OWN_MEANING = 'a, button, listen-here, summary';

/**
 * While listening, a click or tap on the article's text moves reading to that sentence, and
 * a link in the contents moves it to that section (as well as scrolling there). Links,
 * buttons and text selections keep their usual meaning.
 */
export class TapToSeekController implements ReactiveController {
  private readonly options: TapToSeekOptions;

  constructor(host: ReactiveControllerHost, options: TapToSeekOptions) {
    this.options = options;
    host.addController(this);
  }

  hostConnected() {
    document.addEventListener('click', this.onClick);
  }

  hostDisconnected() {
    document.removeEventListener('click', this.onClick);
  }

  private readonly onClick = (event: MouseEvent) => {
    const script = this.options.listening();
    if (!script) return;
    const target = event.target as Element;
    const contentsLink = target.closest?.('nav a[href^="#"]');
    if (contentsLink) {
      const heading = document.getElementById(decodeURIComponent(contentsLink.getAttribute('href')!.slice(1)));
      const index = segmentOfHeading(script, heading);
      if (index !== undefined) this.options.seek(index);
      return;
    }
    if (!this.options.article()?.contains(target) || target.closest(OWN_MEANING)) return;
    // A click that ends a selection is for selecting, not for moving reading.
    if (!window.getSelection()?.isCollapsed) return;
    const index = segmentAtPoint(script, document, event.clientX, event.clientY);
    if (index !== undefined) this.options.seek(index);
  };
}
