// FirstUseLoader on a tiny host, with a load the test settles by hand: one load for every use
// until it has finished, a retry after a failure, and the host's updateComplete held until what
// the load made has rendered.
import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { FirstUseLoader } from '../../src/first-use-loader.js';
import { testHost } from '../helpers/test-host.js';

/** A load the test finishes: `loads` counts the starts; `finish` and `fail` settle the latest. */
function handLoad() {
  const hand = { loads: 0, finish: (_words: string) => {}, fail: () => {}, failures: 0 };
  const load = () =>
    new Promise<string>((resolve, reject) => {
      hand.loads++;
      hand.finish = resolve;
      hand.fail = () => reject(new Error('offline'));
    });
  return { hand, load };
}

let loading = handLoad();

class LoaderHost extends LitElement {
  readonly loader = new FirstUseLoader(this, { load: loading.load, failed: () => loading.hand.failures++ });
  override render() {
    return html`<p>${this.loader.value ?? 'not loaded'}</p>`;
  }
  protected override getUpdateComplete() {
    return this.loader.settled(() => super.getUpdateComplete());
  }
}
const hosts = testHost('loader-host', LoaderHost);

const shown = (host: LoaderHost) => host.renderRoot.querySelector('p')!.textContent;

describe('FirstUseLoader', () => {
  beforeEach(() => (loading = handLoad()));
  afterEach(() => hosts.removeAll());

  it('loads once, however often it is used before the load has finished', async () => {
    const host = await hosts.rendered();
    const first = host.loader.load();
    const second = host.loader.load();
    loading.hand.finish('loaded');
    expect(await first).to.equal('loaded');
    expect(await second).to.equal('loaded');
    expect(await host.loader.load()).to.equal('loaded');
    expect(loading.hand.loads).to.equal(1);
  });

  it('holds the host’s updateComplete until what the load made has rendered', async () => {
    const host = await hosts.rendered();
    void host.loader.load();
    const complete = host.updateComplete;
    expect(shown(host)).to.equal('not loaded');
    loading.hand.finish('loaded');
    await complete;
    expect(shown(host)).to.equal('loaded');
  });

  it('says a failed load, and tries again on the next use', async () => {
    const host = await hosts.rendered();
    const failed = host.loader.load();
    loading.hand.fail();
    expect(await failed).to.equal(undefined);
    expect(loading.hand.failures).to.equal(1);
    await host.updateComplete;
    expect(shown(host)).to.equal('not loaded');
    const again = host.loader.load();
    expect(loading.hand.loads).to.equal(2);
    loading.hand.finish('loaded');
    expect(await again).to.equal('loaded');
    await host.updateComplete;
    expect(shown(host)).to.equal('loaded');
  });
});
