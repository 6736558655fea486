// KeptFilesController on a tiny host, over the test page's real Cache Storage (a cache of its
// own, removed after each test): whether a set of files is kept, keeping them all or none,
// removing them, storage full told apart from a failed download, and a page without Cache
// Storage.
import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { KeptFilesController } from '../../src/controllers/kept-files-controller.js';
import { testHost } from '../helpers/test-host.js';
import { updates, until } from '../helpers/waiting.js';

const CACHE = 'kept-files-controller-test';
const KEY = new URL('/package.json', location.href).href;
const OTHER = new URL('/README.md', location.href).href;
const MISSING = new URL('/no-such-file.txt', location.href).href;

class FilesHost extends LitElement {
  readonly files = new KeptFilesController(this, CACHE, KEY);
  override render() {
    return html`<p>${this.files.state}</p>`;
  }
}
const hosts = testHost('kept-files-host', FilesHost);

/** The state the host shows once the cache has answered and the host has rendered (it renders each state). */
async function shown(host: FilesHost) {
  const busy = () => ['checking', 'keeping', 'removing'].includes(host.files.state);
  await until(
    () => !busy() && !host.isUpdatePending,
    () => `the cache to answer (it is ${host.files.state})`,
    updates(host),
  );
  return host.renderRoot.querySelector('p')!.textContent;
}

const connect = () => hosts.add();
const cachedUrls = async () => (await (await caches.open(CACHE)).keys()).map((request) => request.url).sort();

/** Takes `caches` away (from the window and its prototypes), as on an insecure page, until restored. */
function removeCaches() {
  const restores: (() => void)[] = [];
  for (let owner: object | null = window; owner; owner = Object.getPrototypeOf(owner)) {
    const descriptor = Object.getOwnPropertyDescriptor(owner, 'caches');
    if (!descriptor) continue;
    delete (owner as Record<string, unknown>).caches;
    const from = owner;
    restores.push(() => Object.defineProperty(from, 'caches', descriptor));
  }
  return () => restores.forEach((restore) => restore());
}

describe('KeptFilesController', () => {
  afterEach(async () => {
    hosts.removeAll();
    await caches.delete(CACHE);
  });

  it('says not kept, then kept, as the key file is in the cache', async () => {
    expect(await shown(connect())).to.equal('not-kept');
    await (await caches.open(CACHE)).put(KEY, new Response('{}'));
    expect(await shown(connect())).to.equal('kept');
  });

  it('keeps the key file and the others together, and removes them all', async () => {
    const host = connect();
    await shown(host);
    const keeping = host.files.keep([OTHER]);
    expect(host.files.state).to.equal('keeping');
    await keeping;
    expect(await shown(host)).to.equal('kept');
    expect(await cachedUrls()).to.deep.equal([KEY, OTHER].sort());
    await host.files.remove([OTHER, MISSING]);
    expect(await shown(host)).to.equal('not-kept');
    expect(await cachedUrls()).to.deep.equal([]);
  });

  it('keeps nothing when one file cannot be downloaded, and says it failed', async () => {
    const host = connect();
    await shown(host);
    await host.files.keep([OTHER, MISSING]);
    expect(await shown(host)).to.equal('failed');
    expect(await cachedUrls()).to.deep.equal([]);
  });

  it('tells storage full apart, and keeps what was there', async () => {
    await (await caches.open('kept-files-controller-other')).put(OTHER, new Response('kept before'));
    const host = connect();
    await shown(host);
    const open = caches.open.bind(caches);
    caches.open = async (name: string) => {
      const cache = await open(name);
      cache.addAll = () => Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError'));
      return cache;
    };
    try {
      await host.files.keep();
    } finally {
      caches.open = open;
    }
    expect(await shown(host)).to.equal('storage-full');
    expect(await (await caches.match(OTHER, { cacheName: 'kept-files-controller-other' }))?.text()).to.equal(
      'kept before',
    );
    await caches.delete('kept-files-controller-other');
  });

  it('is unsupported, and does nothing, where the page has no Cache Storage', async () => {
    const restore = removeCaches();
    try {
      expect('caches' in window).to.equal(false);
      const host = connect();
      expect(await shown(host)).to.equal('unsupported');
      await host.files.keep();
      expect(await shown(host)).to.equal('unsupported');
    } finally {
      restore();
    }
  });
});
