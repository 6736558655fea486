// SevenDaysHintController on a tiny host, with the browser's traits given by the test: the
// hint is for iPhone and iPad (every browser there is WebKit, and offers no install prompt) until
// the edition runs from the Home Screen, and for Safari on a Mac until it runs from the Dock.
import { expect } from 'chai';
import { html, LitElement } from 'lit';
import {
  SevenDaysHintController,
  type BrowserTraits,
} from '../../src/components/offline-status/seven-days-hint-controller.js';

const IPHONE = {
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
  platform: 'iPhone',
  maxTouchPoints: 5,
};
const IPAD = {
  userAgent:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  platform: 'MacIntel',
  maxTouchPoints: 5,
};
const MAC = { ...IPAD, maxTouchPoints: 0 };
const MAC_CHROME = {
  userAgent:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  platform: 'MacIntel',
  maxTouchPoints: 0,
};
const MAC_FIREFOX = {
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0',
  platform: 'MacIntel',
  maxTouchPoints: 0,
};
const IPHONE_CHROME = {
  ...IPHONE,
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
};
const WEBKITGTK = {
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  platform: 'Linux x86_64',
  maxTouchPoints: 0,
};
const ANDROID = {
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
  platform: 'Linux armv8l',
  maxTouchPoints: 5,
};

/** A display-mode query the test can flip, as installing and opening from the Home Screen does. */
class DisplayMode extends EventTarget {
  matches = false;
  set(matches: boolean) {
    this.matches = matches;
    this.dispatchEvent(new Event('change'));
  }
}

let traits: BrowserTraits;
let displayMode: DisplayMode;

class HintHost extends LitElement {
  readonly sevenDays = new SevenDaysHintController(this, () => traits);
  override render() {
    return html`<p>${this.sevenDays.hint ?? ''}</p>`;
  }
}
customElements.define('seven-days-hint-host', HintHost);

async function shown() {
  const host = document.createElement('seven-days-hint-host') as HintHost;
  document.body.append(host);
  await host.updateComplete;
  return host;
}

const text = (host: HintHost) => host.renderRoot.querySelector('p')!.textContent;

const HOME_SCREEN =
  'On iPhone and iPad, the browser removes what this edition saved after seven days without a visit, unless you add it to your Home Screen (Share, then Add to Home Screen).';
const DOCK =
  'Safari removes what this edition saved after seven days without a visit, unless you add it to the Dock (File, Add to Dock).';

describe('SevenDaysHintController', () => {
  beforeEach(() => {
    displayMode = new DisplayMode();
  });
  afterEach(() => {
    for (const host of document.querySelectorAll('seven-days-hint-host')) host.remove();
  });

  const given = (navigator: BrowserTraits['navigator'], installPrompt = false) => {
    traits = { navigator, installPrompt, matchMedia: () => displayMode as unknown as MediaQueryList };
  };

  it('offers the Home Screen on iPhone, in any browser, and on iPad (which says it is a Mac with a touch screen)', async () => {
    for (const device of [IPHONE, IPHONE_CHROME, IPAD]) {
      given(device);
      expect(text(await shown())).to.equal(HOME_SCREEN);
    }
  });

  it('offers the Dock in Safari on a Mac', async () => {
    given(MAC);
    expect(text(await shown())).to.equal(DOCK);
  });

  it('says nothing in Chrome or Firefox on a Mac, in WebKitGTK, on Android, or where the browser can offer to install', async () => {
    for (const [device, prompt] of [
      [MAC_CHROME, false],
      [MAC_FIREFOX, false],
      [WEBKITGTK, false],
      [ANDROID, true],
      [IPHONE, true],
    ] as const) {
      given(device, prompt);
      expect(text(await shown())).to.equal('');
    }
  });

  it('says nothing once the edition runs from the Home Screen, however it says so', async () => {
    given({ ...IPHONE, standalone: true });
    expect(text(await shown())).to.equal('');
    given(IPHONE);
    const host = await shown();
    expect(text(host)).to.equal(HOME_SCREEN);
    displayMode.set(true);
    await host.updateComplete;
    expect(text(host)).to.equal('');
  });

  it('says nothing once the edition runs from the Dock', async () => {
    given(MAC);
    const host = await shown();
    expect(text(host)).to.equal(DOCK);
    displayMode.set(true);
    await host.updateComplete;
    expect(text(host)).to.equal('');
  });

  it('stops following the display mode when its host leaves the page', async () => {
    given(IPHONE);
    const host = await shown();
    host.remove();
    displayMode.set(true);
    expect(host.sevenDays.hint).to.equal(HOME_SCREEN);
  });
});
