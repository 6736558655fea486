// HomeScreenHintController on a tiny host, with the browser's traits given by the test: the
// hint is for iPhone and iPad Safari (which offers no install prompt) until the edition runs
// from the Home Screen.
import { expect } from 'chai';
import { html, LitElement } from 'lit';
import {
  HomeScreenHintController,
  type BrowserTraits,
} from '../../src/components/offline-status/home-screen-hint-controller.js';

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
  readonly hint = new HomeScreenHintController(this, () => traits);
  override render() {
    return html`<p>${this.hint.needed ? 'add to Home Screen' : ''}</p>`;
  }
}
customElements.define('home-screen-hint-host', HintHost);

async function shown() {
  const host = document.createElement('home-screen-hint-host') as HintHost;
  document.body.append(host);
  await host.updateComplete;
  return host;
}

const text = (host: HintHost) => host.renderRoot.querySelector('p')!.textContent;

describe('HomeScreenHintController', () => {
  beforeEach(() => {
    displayMode = new DisplayMode();
  });
  afterEach(() => {
    for (const host of document.querySelectorAll('home-screen-hint-host')) host.remove();
  });

  const given = (navigator: BrowserTraits['navigator'], installPrompt = false) => {
    traits = { navigator, installPrompt, matchMedia: () => displayMode as unknown as MediaQueryList };
  };

  it('offers the hint on iPhone and on iPad (which says it is a Mac with a touch screen)', async () => {
    for (const device of [IPHONE, IPAD]) {
      given(device);
      expect(text(await shown())).to.equal('add to Home Screen');
    }
  });

  it('says nothing on a Mac, on Android, or where the browser can offer to install', async () => {
    for (const [device, prompt] of [
      [MAC, false],
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
    expect(text(host)).to.equal('add to Home Screen');
    displayMode.set(true);
    await host.updateComplete;
    expect(text(host)).to.equal('');
  });

  it('stops following the display mode when its host leaves the page', async () => {
    given(IPHONE);
    const host = await shown();
    host.remove();
    displayMode.set(true);
    expect(host.hint.needed).to.equal(true);
  });
});
