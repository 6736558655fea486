// KeptPagesController on a tiny host, over the test page's real Cache Storage: the article
// pages kept in the offline edition's article cache, by their titles and languages, pictures
// and other files left out; nothing listed where the page has no Cache Storage.
import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { KeptPagesController } from '../../src/components/kept-articles/kept-pages-controller.js';
import { ARTICLE_CACHE } from '../../src/service-worker/kept-caches.js';
import { testHost } from '../helpers/test-host.js';
import { updates, until } from '../helpers/waiting.js';

class PagesHost extends LitElement {
  readonly kept = new KeptPagesController(this);
  override render() {
    return html`<p>${this.kept.pages === undefined ? 'unread' : this.kept.pages.map((p) => `${p.title} (${p.lang})`).join('; ')}</p>`;
  }
}
const hosts = testHost('kept-pages-host', PagesHost);

const page = (title: string, lang: string) =>
  new Response(
    `<!doctype html><html lang="en"><title>${title}, Site</title><main><article lang="${lang}"><h1>${title}</h1></article></main>`,
    {
      headers: { 'content-type': 'text/html; charset=utf-8' },
    },
  );

/** What the host shows once the pages are read from the cache and rendered (the controller has the host render them). */
async function shown(host: PagesHost) {
  await until(() => host.kept.pages !== undefined && !host.isUpdatePending, 'the kept pages to be read', updates(host));
  return host.renderRoot.querySelector('p')!.textContent;
}

describe('KeptPagesController', () => {
  afterEach(async () => {
    hosts.removeAll();
    await caches.delete(ARTICLE_CACHE);
  });

  it('lists no page where none is kept', async () => {
    expect(await shown(hosts.add())).to.equal('');
  });

  it('lists the kept pages by title, with their languages, and not their pictures', async () => {
    const cache = await caches.open(ARTICLE_CACHE);
    await cache.put('/site/walk.html', page('A walk', 'en'));
    await cache.put('/site/lire.html', page('Lire à voix haute', 'fr'));
    await cache.put(
      '/site/assets/images/walk-400.png',
      new Response(new Uint8Array(8), { headers: { 'content-type': 'image/png' } }),
    );
    const host = hosts.add();
    expect(await shown(host)).to.equal('A walk (en); Lire à voix haute (fr)');
    expect(host.kept.pages!.map((p) => new URL(p.url).pathname)).to.deep.equal(['/site/walk.html', '/site/lire.html']);
  });
});
