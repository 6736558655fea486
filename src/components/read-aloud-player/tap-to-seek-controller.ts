import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { segmentAtPoint, segmentOfHeading } from '../../speech/segment-lookup.js';
import type { SpokenScript } from '../../speech/spoken-script.js';

export interface TapToSeekOptions {
  /** The article whose sentences can be tapped. */
  article: () => Element | undefined;
  /** The table of contents, whose links move reading to their section. */
  contents: () => Element | undefined;
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
 *
 * It listens on the article and the contents only while listening (checked after each of
 * the host's updates): Chromium tells screen readers that every element under a click
 * listener is "clickable", which would be noise on every heading and paragraph otherwise.
 */
export class TapToSeekController implements ReactiveController {
  private readonly options: TapToSeekOptions;
  private listeningOn: Element[] = [];

  constructor(host: ReactiveControllerHost, options: TapToSeekOptions) {
    this.options = options;
    host.addController(this);
  }

  hostUpdated() {
    const listening = this.options.listening() !== undefined;
    if (listening && this.listeningOn.length === 0) {
      this.listeningOn = [this.options.article(), this.options.contents()].filter(
        (element): element is Element => element !== undefined,
      );
      for (const element of this.listeningOn) element.addEventListener('click', this.onClick);
    } else if (!listening) {
      this.stopListening();
    }
  }

  hostDisconnected() {
    this.stopListening();
  }

  private stopListening() {
    for (const element of this.listeningOn.splice(0)) element.removeEventListener('click', this.onClick);
  }

  private readonly onClick = (event: Event) => {
    const script = this.options.listening();
    if (!script) return;
    const target = event.target as Element;
    const contentsLink = target.closest?.('a[href^="#"]');
    if (contentsLink && this.options.contents()?.contains(contentsLink)) {
      const heading = document.getElementById(decodeURIComponent(contentsLink.getAttribute('href')!.slice(1)));
      const index = segmentOfHeading(script, heading);
      if (index !== undefined) this.options.seek(index);
      return;
    }
    if (!this.options.article()?.contains(target) || target.closest(OWN_MEANING)) return;
    // A click that ends a selection is for selecting, not for moving reading.
    if (!window.getSelection()?.isCollapsed) return;
    const { clientX, clientY } = event as MouseEvent;
    const index = segmentAtPoint(script, document, clientX, clientY);
    if (index !== undefined) this.options.seek(index);
  };
}
