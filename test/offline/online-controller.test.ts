// OnlineController on a tiny host: it follows the browser's online and offline events,
// re-renders its host with each, and stops listening when its host leaves the page.
import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { OnlineController } from '../../src/components/offline-status/online-controller.js';
import { replaceInNavigator, restoreNavigator } from '../helpers/navigator.js';
import { testHost } from '../helpers/test-host.js';

class OnlineHost extends LitElement {
  readonly connection = new OnlineController(this);
  override render() {
    return html`<p>${this.connection.online ? 'online' : 'offline'}</p>`;
  }
}
const hosts = testHost('online-host', OnlineHost);

/** What the host shows once it has rendered everything asked of it. */
async function shown(host: OnlineHost) {
  await host.updateComplete;
  return host.renderRoot.querySelector('p')!.textContent;
}

/** The network comes or goes: the browser's answer changes, then it fires the event. */
function network(online: boolean) {
  replaceInNavigator('onLine', online);
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

describe('OnlineController', () => {
  afterEach(() => {
    hosts.removeAll();
    restoreNavigator();
  });

  it('starts from what the browser says when its host connects', async () => {
    replaceInNavigator('onLine', false);
    const host = hosts.add();
    expect(host.connection.online).to.equal(false);
    expect(await shown(host)).to.equal('offline');
  });

  it('follows offline and online events, and re-renders its host with each', async () => {
    const host = hosts.add();
    expect(await shown(host)).to.equal('online');
    network(false);
    expect(host.connection.online).to.equal(false);
    expect(await shown(host)).to.equal('offline');
    network(true);
    expect(host.connection.online).to.equal(true);
    expect(await shown(host)).to.equal('online');
  });

  it('stops listening when its host leaves the page, and listens again when it comes back', async () => {
    const host = hosts.add();
    await host.updateComplete;
    host.remove();
    network(false);
    expect(host.connection.online).to.equal(true);
    expect(host.isUpdatePending).to.equal(false);

    // Back on the page, it reads the browser's answer afresh and follows events again.
    document.body.append(host);
    expect(await shown(host)).to.equal('offline');
    network(true);
    expect(await shown(host)).to.equal('online');
    host.remove();
    network(false);
    expect(host.connection.online).to.equal(true);
  });
});
