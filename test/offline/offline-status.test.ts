// The offline status's every state, in both browsers, with the browser APIs it depends on
// replaced by fakes inside the edition's frame: what a reader is told when there are no
// service workers, when registering fails, when saving fails, and what the storage answers.
// test/offline/offline-edition.speech.test.ts covers the same paths with a real worker.
import { expect } from '@esm-bundle/chai';
import { axeViolations } from '../helpers/axe.js';
import { closeEditions, openEdition, type Edition } from '../helpers/edition.js';
import { FakeContainer, FakeWorker, registration } from '../helpers/fake-service-worker.js';
import { deepActiveElement } from '../helpers/layout.js';

function status(edition: Edition) {
  const root = edition.doc.querySelector('offline-status')!.shadowRoot!;
  return {
    root,
    text: () => (root.querySelector('.status')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    buttons: () => [...root.querySelectorAll('button')].map((b) => b.textContent!.trim()),
    button: (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!,
  };
}

/**
 * Gives the edition's frame the built page's worker meta tag and the fakes, then connects
 * the status again so it starts over with them.
 */
async function withFakes(edition: Edition, fakes: { serviceWorker?: FakeContainer; storage?: Partial<StorageManager> }) {
  const { doc, win } = edition;
  const meta = doc.createElement('meta');
  meta.name = 'service-worker';
  meta.content = './sw.js';
  doc.head.append(meta);
  Object.defineProperty(win.navigator, 'serviceWorker', { value: fakes.serviceWorker, configurable: true });
  if (fakes.storage) Object.defineProperty(win.navigator, 'storage', { value: fakes.storage, configurable: true });
  const element = doc.querySelector('offline-status')!;
  const place = element.nextSibling;
  element.remove();
  place!.parentNode!.insertBefore(element, place);
  return status(edition);
}

/** Resolves once the status says `text`, failing with what it said instead. */
async function says(edition: Edition, text: string) {
  const s = status(edition);
  for (let frame = 0; frame < 600 && s.text() !== text; frame++) {
    await new Promise((resolve) => edition.win.requestAnimationFrame(resolve));
  }
  expect(s.text()).to.equal(text);
}

async function expectAccessible(edition: Edition) {
  const violations = await axeViolations(edition);
  expect(violations, `\n${violations}`).to.equal('');
}

describe('offline status', () => {
  afterEach(closeEditions);

  it('shows nothing and registers no worker on the dev server, whose page names none', async () => {
    const edition = await openEdition();
    const element = edition.doc.querySelector('offline-status')!;
    await element.updateComplete;
    expect(element.shadowRoot!.childElementCount).to.equal(0);
    expect(await edition.win.navigator.serviceWorker.getRegistration()).to.equal(undefined);
  });

  it('says plainly when the browser has no service workers', async () => {
    const edition = await openEdition();
    await withFakes(edition, { serviceWorker: undefined });
    await says(edition, 'Offline reading is not available in this browser.');
    await expectAccessible(edition);
  });

  it('says plainly when the worker cannot be registered, and the page still works', async () => {
    const edition = await openEdition();
    await withFakes(edition, { serviceWorker: new FakeContainer(null, () => Promise.reject(new TypeError('registration failed'))) });
    await says(edition, 'Could not save for offline: reading needs a connection.');
    expect(edition.doc.querySelectorAll('article h2')).to.have.length(12);
    await expectAccessible(edition);
  });

  it('saves on a first visit, then says so', async () => {
    const edition = await openEdition();
    const installing = new FakeWorker('installing');
    await withFakes(edition, { serviceWorker: new FakeContainer(null, async () => registration({ installing })) });
    await says(edition, 'Saving for offline…');
    await expectAccessible(edition);
    installing.become('activated');
    await says(edition, 'Available offline.');
  });

  it('says storage is full when the worker could not save for that reason', async () => {
    const edition = await openEdition();
    const installing = new FakeWorker('installing');
    const container = new FakeContainer(null, async () => registration({ installing }));
    await withFakes(edition, { serviceWorker: container });
    await says(edition, 'Saving for offline…');
    container.say({ type: 'PRECACHE_FAILED', reason: 'storage-full' });
    installing.become('redundant');
    await says(edition, 'Could not save for offline: storage is full.');
    await expectAccessible(edition);
  });

  it('says what is missing when saved files are gone and cannot be fetched again', async () => {
    const edition = await openEdition();
    const active = new FakeWorker('activated', 3);
    await withFakes(edition, { serviceWorker: new FakeContainer(active, async () => registration({ active })) });
    await says(edition, 'Partly saved for offline: the rest is saved when you are back online.');
    await expectAccessible(edition);
  });

  for (const [answer, text] of [
    [true, 'Available offline. Kept: the browser will not clear it.'],
    [false, 'Available offline. The browser may clear it when space is short.'],
  ] as const) {
    it(`reports the browser's answer (${answer}) when asked to keep the edition`, async () => {
      const edition = await openEdition();
      const active = new FakeWorker('activated');
      const storage = { persisted: async () => false, persist: async () => answer };
      const s = await withFakes(edition, { serviceWorker: new FakeContainer(active, async () => registration({ active })), storage });
      await says(edition, 'Available offline.');
      await expectAccessible(edition);
      s.button('Keep available offline').focus();
      s.button('Keep available offline').click();
      await says(edition, text);
      // Focus stays in the status, on the button or, once it is gone, on the answer.
      expect(s.root.contains(deepActiveElement(edition.doc)), 'focus stays in the status').to.equal(true);
      expect(s.buttons()).to.deep.equal(answer ? [] : ['Keep available offline']);
      await expectAccessible(edition);
    });
  }

  it('says the reader is offline, and that the edition is saved', async () => {
    const edition = await openEdition();
    const active = new FakeWorker('activated');
    await withFakes(edition, { serviceWorker: new FakeContainer(active, async () => registration({ active })) });
    await says(edition, 'Available offline.');
    Object.defineProperty(edition.win.navigator, 'onLine', { value: false, configurable: true });
    edition.win.dispatchEvent(new Event('offline'));
    await says(edition, 'You are offline. This edition is saved on this device.');
    await expectAccessible(edition);
    Object.defineProperty(edition.win.navigator, 'onLine', { value: true, configurable: true });
    edition.win.dispatchEvent(new Event('online'));
    await says(edition, 'Available offline.');
  });

  it('offers a waiting version, and hands over to it only when the reader presses Reload', async () => {
    const edition = await openEdition();
    const active = new FakeWorker('activated');
    const waiting = new FakeWorker('installed');
    const container = new FakeContainer(active, async () => registration({ active, waiting }));
    const s = await withFakes(edition, { serviceWorker: container });
    await says(edition, 'Available offline. A new version is available.');
    await expectAccessible(edition);
    expect(waiting.received.map((m) => m.type)).to.not.include('SKIP_WAITING');

    s.button('Reload').click();
    expect(waiting.received.map((m) => m.type)).to.include('SKIP_WAITING');
    // The page reloads once the new version controls it, not before.
    const reloaded = new Promise((resolve) => edition.frame.addEventListener('load', resolve, { once: true }));
    container.controller = waiting;
    container.dispatchEvent(new Event('controllerchange'));
    await reloaded;
  });
});
