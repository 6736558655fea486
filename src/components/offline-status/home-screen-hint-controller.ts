import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { firstUseWords } from '../../words/first-use-words.js';

/** What the controller reads of the browser; the window's own by default (tests pass their own). */
export interface BrowserTraits {
  navigator: Pick<Navigator, 'userAgent' | 'platform' | 'maxTouchPoints'> & { standalone?: boolean };
  matchMedia(query: string): MediaQueryList;
  /** Whether the browser can offer to install the edition itself (it fires `beforeinstallprompt`). */
  installPrompt: boolean;
}

const STANDALONE = '(display-mode: standalone)';

/**
 * Whether to tell the reader how to add the edition to the Home Screen: on iPhone and iPad every
 * browser is Safari underneath, which offers no install prompt and may clear a site's saved
 * files and settings after some days without a visit unless the site is on the Home Screen.
 * Not once it is there (opened from the Home Screen, the page runs standalone).
 */
export class HomeScreenHintController implements ReactiveController {
  needed = false;
  /** What the reader is told where it is needed. */
  get hint() {
    return firstUseWords().offline.homeScreenHint;
  }

  private readonly host: ReactiveControllerHost;
  private readonly traits: () => BrowserTraits;
  private standalone?: MediaQueryList;

  constructor(host: ReactiveControllerHost, traits: () => BrowserTraits = browserTraits) {
    this.host = host;
    this.traits = traits;
    host.addController(this);
  }

  hostConnected() {
    const traits = this.traits();
    this.standalone = traits.matchMedia(STANDALONE);
    this.standalone.addEventListener('change', this.update);
    this.update();
  }

  hostDisconnected() {
    this.standalone?.removeEventListener('change', this.update);
  }

  private readonly update = () => {
    const { navigator, installPrompt } = this.traits();
    // iPadOS Safari says it is a Mac; a Mac has no touch screen.
    const appleMobile =
      /iPhone|iPad|iPod/.test(navigator.userAgent) ||
      (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
    const added = navigator.standalone === true || this.standalone?.matches === true;
    this.needed = appleMobile && !added && !installPrompt;
    this.host.requestUpdate();
  };
}

function browserTraits(): BrowserTraits {
  return {
    navigator,
    matchMedia: (query) => window.matchMedia(query),
    installPrompt: 'onbeforeinstallprompt' in window,
  };
}
