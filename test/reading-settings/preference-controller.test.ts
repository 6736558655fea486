// PreferenceController on a tiny host over a store of its own (kept in memory, not in the
// edition's localStorage): the host shows the store's value and re-renders when it changes,
// by the reader, from another tab or by a reset, hears why; and stops listening when it
// leaves the page.
import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { PreferenceController } from '../../src/controllers/preference-controller.js';
import {
  numberIn,
  oneOf,
  parseFields,
  PreferenceStorage,
  PreferenceStore,
  type ChangeSource,
} from '../../src/preferences/preference-store.js';
import { testHost } from '../helpers/test-host.js';

interface Look {
  size: number;
  theme: 'light' | 'dark';
}

const DEFAULTS: Look = { size: 100, theme: 'light' };
const KEY = 'preference-controller-test';

/** A Storage holding one page's values in memory; another tab is simulated by `fromAnotherTab`. */
function memoryStorage() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  } as Storage;
}

let store: PreferenceStore<Look>;
let storage: Storage;

function newStore() {
  storage = memoryStorage();
  store = new PreferenceStore<Look>({
    storage: new PreferenceStorage(KEY, () => storage),
    defaults: DEFAULTS,
    parse: (text) => parseFields<Look>(text, DEFAULTS, { size: numberIn(50, 200), theme: oneOf(['light', 'dark']) }),
  });
}

/** Another tab saved a value: the browser stores it and tells this page with a storage event. */
function fromAnotherTab(value: Look) {
  storage.setItem(KEY, JSON.stringify(value));
  window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: JSON.stringify(value) }));
}

class LookHost extends LitElement {
  heard: [ChangeSource, string[]][] = [];
  readonly look = new PreferenceController(this, store, (event) =>
    this.heard.push([event.source, event.changed.map(String)]),
  );
  override render() {
    return html`<p>${this.look.value.size}% ${this.look.value.theme}</p>`;
  }
}
const hosts = testHost('look-host', LookHost);

const connect = () => hosts.add();

/** What the host shows once it has rendered everything asked of it. */
async function shown(host: LookHost) {
  await host.updateComplete;
  return host.renderRoot.querySelector('p')!.textContent;
}

describe('PreferenceController', () => {
  beforeEach(newStore);
  afterEach(() => {
    hosts.removeAll();
  });

  it('gives its host the store’s value', async () => {
    store.update({ size: 150 });
    const host = connect();
    expect(host.look.store).to.equal(store);
    expect(host.look.value).to.deep.equal({ size: 150, theme: 'light' });
    expect(await shown(host)).to.equal('150% light');
  });

  it('re-renders its host when the reader changes the value, and says what changed', async () => {
    const host = connect();
    expect(await shown(host)).to.equal('100% light');
    store.update({ theme: 'dark' });
    expect(host.isUpdatePending).to.equal(true);
    expect(await shown(host)).to.equal('100% dark');
    expect(host.heard).to.deep.equal([['reader', ['theme']]]);
  });

  it('follows a change made in another tab, and a reset', async () => {
    const host = connect();
    await host.updateComplete;
    fromAnotherTab({ size: 200, theme: 'dark' });
    expect(await shown(host)).to.equal('200% dark');
    store.reset();
    expect(await shown(host)).to.equal('100% light');
    expect(host.heard).to.deep.equal([
      ['other-tab', ['size', 'theme']],
      ['reset', ['size', 'theme']],
    ]);
  });

  it('keeps every host on the same store in step', async () => {
    const [one, two] = [connect(), connect()];
    store.update({ size: 80 });
    expect([await shown(one), await shown(two)]).to.deep.equal(['80% light', '80% light']);
  });

  it('stops listening when its host leaves the page, and listens again when it comes back', async () => {
    const host = connect();
    await host.updateComplete;
    host.remove();
    store.update({ size: 120 });
    expect(host.isUpdatePending).to.equal(false);
    expect(host.heard).to.deep.equal([]);
    // Back on the page, it follows changes again.
    document.body.append(host);
    store.update({ size: 130 });
    expect(await shown(host)).to.equal('130% light');
    expect(host.heard).to.deep.equal([['reader', ['size']]]);
  });

  it('shows the value as it is now when its host comes back after a change made while it was away', async () => {
    const host = connect();
    expect(await shown(host)).to.equal('100% light');
    host.remove();
    fromAnotherTab({ size: 120, theme: 'dark' });
    document.body.append(host);
    expect(await shown(host)).to.equal('120% dark');
  });
});
