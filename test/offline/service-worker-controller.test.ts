// ServiceWorkerController on a tiny host, with `navigator.serviceWorker` replaced by a fake
// container whose registration and workers the test drives step by step: when it registers,
// what it says while saving, when saved, when files are missing, when saving fails, when a new
// version waits, and that it stops following once its host leaves the page.
// Not here: the page reloading once the new version takes over (it would reload the test
// runner; test/offline/offline-status.test.ts does it inside a frame), and a real worker
// (test/offline/offline-edition.speech.test.ts serves a real build).
import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { ServiceWorkerController } from '../../src/components/offline-status/service-worker-controller.js';
import { FakeContainer, FakeWorker, registration, type FakeRegistration } from '../helpers/fake-service-worker.js';
import { removeFromNavigator, replaceInNavigator, restoreNavigator } from '../helpers/navigator.js';
import { updates, until } from '../helpers/waiting.js';
import { testHost } from '../helpers/test-host.js';

class WorkerHost extends LitElement {
  readonly worker = new ServiceWorkerController(this);
  override render() {
    return html`<p>${this.worker.state}${this.worker.updateReady ? ', update ready' : ''}</p>`;
  }
}
const hosts = testHost('worker-host', WorkerHost);

const SCRIPT = './sw.js';

/** The built page's `<meta name="service-worker">`. */
function nameTheWorker() {
  const meta = document.createElement('meta');
  meta.name = 'service-worker';
  meta.content = SCRIPT;
  document.head.append(meta);
}

/** A container whose `register` resolves with this registration and records the script asked for. */
function containerWith(controller: FakeWorker | null, workers: Partial<FakeRegistration>) {
  const registered = registration(workers);
  const scripts: string[] = [];
  const container = new FakeContainer(controller, async (scriptUrl) => {
    scripts.push(scriptUrl);
    return registered;
  });
  replaceInNavigator('serviceWorker', container);
  return Object.assign(container, { scripts, registered });
}

/** A page that names the worker, in a browser whose container answers with these workers; the host connected. */
function pageNamingTheWorker(controller: FakeWorker | null, workers: Partial<FakeRegistration>) {
  nameTheWorker();
  const container = containerWith(controller, workers);
  return { container, host: hosts.add() };
}

/** Waits until the host shows `text` (the worker's answers arrive as messages, at their pace, and the host renders each). */
async function shows(host: WorkerHost, text: string) {
  const shown = () => host.renderRoot.querySelector('p')?.textContent;
  await until(() => !host.isUpdatePending && shown() === text, `“${text}”`, updates(host), 5_000).catch(
    (error: unknown) => {
      expect(shown()).to.equal(text);
      throw error;
    },
  );
}

const types = (worker: FakeWorker) => worker.received.map((message) => message.type);

describe('ServiceWorkerController', () => {
  afterEach(() => {
    hosts.removeAll();
    for (const meta of document.querySelectorAll('meta[name="service-worker"]')) meta.remove();
    restoreNavigator();
  });

  it('registers nothing where the page names no worker (the dev server’s page)', async () => {
    const container = containerWith(null, { installing: new FakeWorker('installing') });
    const host = hosts.add();
    // Without the meta tag the controller does nothing, and nothing later: connecting is the moment.
    await host.updateComplete;
    await shows(host, 'off');
    expect(container.scripts).to.deep.equal([]);
  });

  it('is unsupported where the browser has no service workers', async () => {
    nameTheWorker();
    removeFromNavigator('serviceWorker');
    await shows(hosts.add(), 'unsupported');
  });

  it('registers the named worker on a first visit, saves, then says ready once the worker has every file', async () => {
    const installing = new FakeWorker('installing');
    const { container, host } = pageNamingTheWorker(null, { installing });
    await shows(host, 'saving');
    await container.answered();
    expect(container.scripts).to.deep.equal([SCRIPT]);
    expect(types(installing)).to.deep.equal([]);
    installing.become('installed');
    installing.become('activated');
    await shows(host, 'ready');
    expect(types(installing)).to.deep.equal(['CHECK_PRECACHE']);
    // The first worker taking control is not a new version (the controller answers the event as it comes).
    container.controller = installing;
    container.dispatchEvent(new Event('controllerchange'));
    await shows(host, 'ready');
  });

  it('on a repeat visit says ready at once, then incomplete if the worker finds files missing', async () => {
    const active = new FakeWorker('activated', 3);
    const { host } = pageNamingTheWorker(active, { active });
    expect(host.worker.state).to.equal('ready');
    await shows(host, 'incomplete');
    expect(types(active)).to.deep.equal(['CHECK_PRECACHE']);
  });

  it('checks again when back online while files are missing, and not while the edition is whole', async () => {
    const active = new FakeWorker('activated', 3);
    const { container, host } = pageNamingTheWorker(active, { active });
    await shows(host, 'incomplete');
    const repaired = new FakeWorker('activated', 0);
    container.controller = repaired;
    window.dispatchEvent(new Event('online'));
    await shows(host, 'ready');
    // A check is asked for as the event comes, or not at all.
    window.dispatchEvent(new Event('online'));
    expect(types(repaired)).to.deep.equal(['CHECK_PRECACHE']);
  });

  it('says failed when the worker cannot be registered', async () => {
    nameTheWorker();
    replaceInNavigator(
      'serviceWorker',
      new FakeContainer(null, () => Promise.reject(new TypeError('registration failed'))),
    );
    await shows(hosts.add(), 'failed');
  });

  it('says failed when the first worker gives up while saving', async () => {
    const installing = new FakeWorker('installing');
    const { container, host } = pageNamingTheWorker(null, { installing });
    // Followed once registered.
    await container.answered();
    installing.become('redundant');
    await shows(host, 'failed');
  });

  it('says why saving failed when the worker tells every page, but not once the edition is saved', async () => {
    const installing = new FakeWorker('installing');
    const { container, host } = pageNamingTheWorker(null, { installing });
    container.say({ type: 'PRECACHE_FAILED', reason: 'storage-full' });
    await shows(host, 'storage-full');
    container.say({ type: 'PRECACHE_FAILED', reason: 'network' });
    await shows(host, 'failed');

    // A failed update leaves the saved edition in place.
    const active = new FakeWorker('activated');
    const saved = containerWith(active, { active });
    const repeat = hosts.add();
    await shows(repeat, 'ready');
    // Messages are answered as they come.
    saved.say({ type: 'PRECACHE_FAILED', reason: 'storage-full' });
    await shows(repeat, 'ready');
  });

  it('offers a version already waiting, and hands over to it only when asked', async () => {
    const active = new FakeWorker('activated');
    const waiting = new FakeWorker('installed');
    const { host } = pageNamingTheWorker(active, { active, waiting });
    await shows(host, 'ready, update ready');
    expect(types(waiting)).to.deep.equal([]);
    host.worker.reload();
    expect(types(waiting)).to.deep.equal(['SKIP_WAITING']);
  });

  it('offers a new version found while the page is open, once it has installed', async () => {
    const active = new FakeWorker('activated');
    const { container, host } = pageNamingTheWorker(active, { active });
    await shows(host, 'ready');
    // Following the registration once it has it.
    await container.answered();
    const update = new FakeWorker('installing');
    container.registered.installing = update;
    container.registered.dispatchEvent(new Event('updatefound'));
    update.become('installed');
    await shows(host, 'ready, update ready');
    host.worker.reload();
    expect(types(update)).to.deep.equal(['SKIP_WAITING']);
  });

  it('says a new version is ready when another tab has already handed over to it', async () => {
    const active = new FakeWorker('activated');
    const { container, host } = pageNamingTheWorker(active, { active });
    await shows(host, 'ready');
    container.controller = new FakeWorker('activated');
    container.dispatchEvent(new Event('controllerchange'));
    await shows(host, 'ready, update ready');
  });

  it('stops following the worker when its host leaves the page', async () => {
    const installing = new FakeWorker('installing');
    const { container, host } = pageNamingTheWorker(null, { installing });
    await shows(host, 'saving');
    await container.answered();
    host.remove();
    // Both would be answered as they come.
    container.say({ type: 'PRECACHE_FAILED', reason: 'storage-full' });
    installing.become('redundant');
    expect(host.worker.state).to.equal('saving');
  });

  it('stops checking and offering versions when its host leaves the page', async () => {
    const active = new FakeWorker('activated', 3);
    const { container, host } = pageNamingTheWorker(active, { active });
    await shows(host, 'incomplete');
    host.remove();
    const next = new FakeWorker('activated', 0);
    container.controller = next;
    // Each would be answered as it comes.
    container.dispatchEvent(new Event('controllerchange'));
    window.dispatchEvent(new Event('online'));
    expect(types(next)).to.deep.equal([]);
    expect(host.worker.state).to.equal('incomplete');
    expect(host.worker.updateReady).to.equal(false);
  });

  it('ignores a registration that completes after its host has left the page', async () => {
    nameTheWorker();
    const active = new FakeWorker('activated');
    let registered!: (value: FakeRegistration & EventTarget) => void;
    const container = new FakeContainer(active, () => new Promise((resolve) => (registered = resolve)));
    replaceInNavigator('serviceWorker', container);
    const host = hosts.add();
    await shows(host, 'ready');
    await container.asked();
    host.remove();
    const waiting = new FakeWorker('installed');
    registered(registration({ active, waiting }));
    await container.answered();
    expect(types(active)).to.deep.equal([]);
    expect(host.worker.updateReady).to.equal(false);
  });
});
