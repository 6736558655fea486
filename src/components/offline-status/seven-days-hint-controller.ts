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
 * Where WebKit's tracking prevention removes what a site saved (its caches, its settings) after
 * seven days of browsing without a visit: on iPhone and iPad, where every browser is WebKit
 * underneath, and in Safari on a Mac. A site added to the Home Screen, or to the Dock on a Mac,
 * is spared, so the hint says how; not once it is there (opened from there, the page runs
 * standalone). Elsewhere (Chromium, Firefox, WebKitGTK) there is no such rule: `hint` is undefined.
 */
export class SevenDaysHintController implements ReactiveController {
  /** What the reader is told, where the rule applies. */
  hint?: string;

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
    const { userAgent } = navigator;
    // iPadOS Safari says it is a Mac; a Mac has no touch screen.
    const appleMobile =
      /iPhone|iPad|iPod/.test(userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
    // Safari names its Version/; Chrome, Edge and Opera on a Mac name none, Firefox no Safari/.
    const macSafari = /Macintosh/.test(userAgent) && /Version\/[\d.]+.*Safari\//.test(userAgent);
    const added = navigator.standalone === true || this.standalone?.matches === true;
    const words = firstUseWords().offline;
    this.hint = undefined;
    if (!added && !installPrompt) {
      if (appleMobile) this.hint = words.homeScreenHint;
      else if (macSafari) this.hint = words.dockHint;
    }
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
