// The offline indicator's every state, in both browsers, with the browser APIs it depends on
// replaced by fakes inside the edition's frame: what a reader is told when there are no
// service workers, when registering fails, when saving fails, and what the storage answers;
// and the details it opens (a disclosure: Escape, a press outside and focus moving on close
// it). test/offline/offline-edition.speech.test.ts covers the same paths with a real worker.
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { axeViolations } from '../helpers/axe.js';
import { closeEditions, openEdition, type Edition } from '../helpers/edition.js';
import { containerOf, FakeContainer, FakeWorker } from '../helpers/fake-service-worker.js';
import { announced, announcement } from '../helpers/announcer.js';
import { deepActiveElement } from '../helpers/layout.js';
import { mutations, until } from '../helpers/waiting.js';

function status(edition: Edition) {
  const root = edition.doc.querySelector('offline-status')!.shadowRoot!;
  const indicator = () => root.querySelector<HTMLButtonElement>('.indicator')!;
  const details = () => root.querySelector<HTMLElement>('.details')!;
  return {
    root,
    indicator,
    details,
    /** What the indicator's button is called. */
    name: () => indicator().textContent!.replace(/\s+/g, ' ').trim(),
    text: () => (root.querySelector('.status')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    /** What the page's announcer says now (the indicator speaks through it). */
    announced: () => announced(edition),
    buttons: () => [...details().querySelectorAll('button')].map((b) => b.textContent!.trim()),
    button: (text: string) => [...details().querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!,
    hint: () => root.querySelector('.hint')?.textContent?.replace(/\s+/g, ' ').trim(),
    /** What the details say of the storage's use, once measured. */
    storage: () => root.querySelector('.storage')?.textContent?.replace(/\s+/g, ' ').trim(),
    /** Opens the details as a reader does, by pressing the indicator. */
    async open() {
      if (indicator().getAttribute('aria-expanded') !== 'true') indicator().click();
      await edition.doc.querySelector('offline-status')!.updateComplete;
    },
  };
}

/**
 * Gives the edition's frame the built page's worker meta tag and the fakes, then puts a new
 * status in the page's one's place, so it starts over with them (the page's own asked the real
 * browser on connecting, and a status connected again keeps what it was told).
 */
async function withFakes(
  edition: Edition,
  fakes: {
    serviceWorker?: FakeContainer;
    /** undefined: a browser without a storage manager. */
    storage?: Partial<StorageManager>;
    navigator?: Record<string, unknown>;
  },
) {
  const { doc, win } = edition;
  for (const [name, value] of Object.entries(fakes.navigator ?? {}))
    Object.defineProperty(win.navigator, name, { value, configurable: true });
  // Safari offers no install prompt: a browser that can is not told about the Home Screen.
  if (fakes.navigator) {
    for (let o: object | null = win; o; o = Object.getPrototypeOf(o)) {
      if (Object.hasOwn(o, 'onbeforeinstallprompt'))
        delete (o as { onbeforeinstallprompt?: unknown }).onbeforeinstallprompt;
    }
  }
  const meta = doc.createElement('meta');
  meta.name = 'service-worker';
  meta.content = './sw.js';
  doc.head.append(meta);
  Object.defineProperty(win.navigator, 'serviceWorker', { value: fakes.serviceWorker, configurable: true });
  if ('storage' in fakes) Object.defineProperty(win.navigator, 'storage', { value: fakes.storage, configurable: true });
  const element = doc.querySelector('offline-status')!;
  element.replaceWith(element.cloneNode());
  return status(edition);
}

/** Resolves once the status says `text`, failing with what it said instead. */
async function says(edition: Edition, text: string) {
  const s = status(edition);
  await until(() => s.text() === text, `the status to say “${text}”`, mutations(s.root), 10_000).catch(() => undefined);
  expect(s.text()).to.equal(text);
}

/**
 * A storage manager that answers as the test says, counting the requests to keep: not yet
 * persistent, and holding `usage` of `quota` bytes, which the test changes as it keeps things.
 */
function fakeStorage(persist: () => Promise<boolean> = async () => true) {
  const storage = {
    asked: 0,
    usage: 3_249_999,
    quota: 1_203_249_999,
    persisted: async () => false,
    persist: () => {
      storage.asked++;
      return persist();
    },
    estimate: async () => ({ usage: storage.usage, quota: storage.quota }),
  };
  return storage;
}

const MAY_BE_CLEARED = 'The browser may clear what is saved here when space is short.';

/** Resolves once the details say `text` of the storage's use, failing with what they said instead. */
async function measured(edition: Edition, text: string | undefined) {
  const s = status(edition);
  await until(() => s.storage() === text, `the details to say “${text}”`, mutations(s.root), 10_000).catch(
    () => undefined,
  );
  expect(s.storage()).to.equal(text);
}

/** Resolves with a control of the details' keeping part once it is there. */
async function control(part: ShadowRoot, selector: string) {
  await until(() => part.querySelector(selector) !== null, `the details to offer ${selector}`, mutations(part));
  return part.querySelector<HTMLButtonElement>(selector)!;
}

/** Resolves once `button` says `words` (keeping takes the cache's time), failing with what it said instead. */
async function turns(part: ShadowRoot, button: HTMLButtonElement, words: string) {
  const said = () => button.textContent!.trim();
  await until(() => said() === words, `the button to say “${words}”`, mutations(part), 10_000).catch(() => undefined);
  expect(said()).to.equal(words);
}

/**
 * The status's details load `<offline-keeping>` on their first opening: resolves with its
 * shadow root once it is defined and rendered there.
 */
async function keepingPart(edition: Edition) {
  const s = status(edition);
  const part = () => s.details().querySelector('offline-keeping');
  await until(() => part() !== null, 'the details to hold <offline-keeping>', mutations(s.root));
  await edition.win.customElements.whenDefined('offline-keeping');
  await (part() as Element & { updateComplete: Promise<unknown> }).updateComplete;
  return part()!.shadowRoot!;
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
    const s = await withFakes(edition, { serviceWorker: undefined });
    await says(edition, 'Offline reading is not available in this browser.');
    expect(s.name()).to.equal('Not saved for offline');
    await s.open();
    await expectAccessible(edition);
  });

  it('says plainly when the worker cannot be registered, and the page still works', async () => {
    const edition = await openEdition();
    await withFakes(edition, {
      serviceWorker: new FakeContainer(null, () => Promise.reject(new TypeError('registration failed'))),
    });
    await says(edition, 'Could not save for offline: reading needs a connection.');
    expect(edition.doc.querySelectorAll('article h2')).to.have.length(12);
    await expectAccessible(edition);
  });

  it('saves on a first visit, then says so', async () => {
    const edition = await openEdition();
    const installing = new FakeWorker('installing');
    const s = await withFakes(edition, { serviceWorker: containerOf(null, { installing }) });
    await says(edition, 'Saving for offline…');
    expect(s.name()).to.equal('Saving for offline');
    // What the page says as it opens is not announced; changes are.
    expect(s.announced()).to.equal('');
    await expectAccessible(edition);
    installing.become('activated');
    await says(edition, 'Available offline.');
    expect(s.name()).to.equal('Available offline');
    // The announcer speaks a moment after a change (src/announcer.ts).
    await announcement(edition, 'Available offline.');
  });

  it('opens its details as a disclosure, and closes them with Escape, a press outside or focus moving on', async () => {
    const edition = await openEdition({ width: 390, height: 844 });
    const active = new FakeWorker('activated');
    const storage = { persisted: async () => false, persist: async () => true };
    const s = await withFakes(edition, { serviceWorker: containerOf(active, { active }), storage });
    await says(edition, 'Available offline.');
    const element = edition.doc.querySelector('offline-status')!;
    expect(s.indicator().getAttribute('aria-expanded')).to.equal('false');
    expect(s.details().checkVisibility()).to.equal(false);

    // Pressed: open, focus stays on the indicator (APG disclosure), the details follow it.
    s.indicator().focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(s.indicator().getAttribute('aria-expanded')).to.equal('true');
    expect(s.indicator().getAttribute('aria-controls')).to.equal(s.details().id);
    expect(s.details().checkVisibility()).to.equal(true);
    expect(deepActiveElement(edition.doc)).to.equal(s.indicator());
    await expectAccessible(edition);
    // Over the page, under the toolbar, and within the screen.
    const box = s.details().getBoundingClientRect();
    const header = edition.doc.querySelector('.site-header')!.getBoundingClientRect();
    expect(box.top).to.be.at.least(header.bottom);
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(edition.doc.documentElement.clientWidth);
    expect(edition.doc.documentElement.scrollWidth).to.equal(edition.doc.documentElement.clientWidth);

    // Escape from inside: closed, and focus back on the indicator.
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement(edition.doc)).to.equal(s.button('Keep available offline'));
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(s.indicator().getAttribute('aria-expanded')).to.equal('false');
    expect(deepActiveElement(edition.doc)).to.equal(s.indicator());

    // A press elsewhere on the page closes them.
    await s.open();
    edition.doc
      .querySelector('article p')!
      .dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await element.updateComplete;
    expect(s.indicator().getAttribute('aria-expanded')).to.equal('false');

    // Focus moving on past them closes them, so they never cover where it lands.
    await s.open();
    s.button('Keep available offline').focus();
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(s.indicator().getAttribute('aria-expanded')).to.equal('false');
    expect(s.root.contains(deepActiveElement(edition.doc))).to.equal(false);
  });

  for (const [device, navigator] of [
    [
      'iPhone',
      {
        userAgent:
          'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
        platform: 'iPhone',
        maxTouchPoints: 5,
      },
    ],
    [
      'iPad',
      {
        userAgent:
          'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
        platform: 'MacIntel',
        maxTouchPoints: 5,
      },
    ],
  ] as const) {
    it(`on an ${device}, says how to keep the edition by adding it to the Home Screen, unless it is there`, async () => {
      const edition = await openEdition();
      const active = new FakeWorker('activated');
      const s = await withFakes(edition, { serviceWorker: containerOf(active, { active }), navigator });
      await says(edition, 'Available offline.');
      await s.open();
      expect(s.hint()).to.equal(
        'On iPhone and iPad, the browser removes what this edition saved after seven days without a visit, unless you add it to your Home Screen (Share, then Add to Home Screen).',
      );
      await expectAccessible(edition);

      // Opened from the Home Screen, the page runs standalone: nothing to add.
      const added = await openEdition();
      const again = await withFakes(added, {
        serviceWorker: containerOf(new FakeWorker('activated'), { active: new FakeWorker('activated') }),
        navigator: { ...navigator, standalone: true },
      });
      await says(added, 'Available offline.');
      expect(again.hint()).to.equal(undefined);
    });
  }

  it('says the one article is saved as the home page, rather than offering to keep it', async () => {
    const edition = await openEdition();
    const active = new FakeWorker('activated');
    const s = await withFakes(edition, { serviceWorker: containerOf(active, { active }) });
    await says(edition, 'Available offline.');
    await s.open();
    const keeping = await keepingPart(edition);
    await until(
      () => keeping.textContent!.trim() !== '',
      'the details to say how the article is kept',
      mutations(keeping),
    );
    expect(keeping.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'This article is the edition’s home page: it is saved with the edition.',
    );
    expect(keeping.querySelectorAll('button')).to.have.length(0);
    await expectAccessible(edition);
  });

  it('on an article of several, says whether it is kept, and keeps and removes it with one button that keeps focus', async () => {
    const edition = await openEdition();
    edition.doc.querySelector('offline-status')!.setAttribute('page', 'article');
    const page = edition.win.location.origin + edition.win.location.pathname;
    // No worker controls the page, so it is not kept on opening: the reader keeps it.
    const active = new FakeWorker('activated');
    const s = await withFakes(edition, { serviceWorker: containerOf(null, { active }), storage: fakeStorage() });
    await s.open();
    const part = await keepingPart(edition);
    const said = () => (part.querySelector('.article-kept')?.textContent ?? '').trim();
    /** Resolves once the part says `text` (the cache answers at its pace), failing with what it said instead. */
    const saying = async (text: string) => {
      await until(() => said() === text, `the details to say “${text}”`, mutations(part), 10_000).catch(
        () => undefined,
      );
      expect(said()).to.equal(text);
    };
    try {
      await saying('This article is not kept on this device.');
      const button = part.querySelector<HTMLButtonElement>('.keep-article')!;
      expect(button.textContent!.trim()).to.equal('Keep this article offline');
      await expectAccessible(edition);

      button.focus();
      await sendKeys({ press: 'Enter' });
      await saying('This article is kept on this device: it opens offline.');
      expect(part.querySelector('.keep-article')).to.equal(button);
      expect(button.textContent!.trim()).to.equal('Remove from this device');
      expect(deepActiveElement(edition.doc)).to.equal(button);
      expect(await edition.win.caches.match(page)).not.to.equal(undefined);
      await expectAccessible(edition);

      await sendKeys({ press: 'Enter' });
      await saying('This article is not kept on this device.');
      expect(deepActiveElement(edition.doc)).to.equal(button);
      expect(await edition.win.caches.match(page)).to.equal(undefined);
    } finally {
      await edition.win.caches.delete('reader-edition-articles');
    }
  });

  it('says nothing of the Home Screen elsewhere, but that the browser may clear what is saved when space is short', async () => {
    const edition = await openEdition();
    const active = new FakeWorker('activated');
    const s = await withFakes(edition, { serviceWorker: containerOf(active, { active }), storage: fakeStorage() });
    await says(edition, 'Available offline.');
    await s.open();
    await until(() => s.hint() !== undefined, 'the details to say what may be cleared', mutations(s.root));
    expect(s.hint()).to.equal(MAY_BE_CLEARED);
  });

  it('says how much storage the edition uses and how much is left, measured again at each opening', async () => {
    const edition = await openEdition();
    const active = new FakeWorker('activated');
    const storage = fakeStorage();
    const s = await withFakes(edition, { serviceWorker: containerOf(active, { active }), storage });
    await says(edition, 'Available offline.');
    await s.open();
    await measured(edition, 'This edition uses 3.2 MB on this device, with room for about 1.2 GB more.');
    expect(s.hint()).to.equal(MAY_BE_CLEARED);
    await expectAccessible(edition);

    s.indicator().click();
    await edition.doc.querySelector('offline-status')!.updateComplete;
    storage.usage = 48_000_000;
    storage.quota = 48_000_000;
    await s.open();
    await measured(edition, 'This edition uses 48.0 MB on this device, with no room left.');
    await expectAccessible(edition);
  });

  it('on an article, asks the browser to keep the storage when the reader keeps it, and shows the answer and what it now uses', async () => {
    const edition = await openEdition();
    edition.doc.querySelector('offline-status')!.setAttribute('page', 'article');
    const active = new FakeWorker('activated');
    const storage = fakeStorage();
    const s = await withFakes(edition, { serviceWorker: containerOf(null, { active }), storage });
    await says(edition, 'Available offline.');
    await s.open();
    const part = await keepingPart(edition);
    await measured(edition, 'This edition uses 3.2 MB on this device, with room for about 1.2 GB more.');
    try {
      const button = await control(part, '.keep-article');
      expect(storage.asked).to.equal(0);
      storage.usage = 4_049_999;
      button.click();
      expect(storage.asked, 'asked as the reader presses Keep').to.equal(1);
      await says(edition, 'Available offline. Kept: the browser will not clear it.');
      await measured(edition, 'This edition uses 4.0 MB on this device, with room for about 1.2 GB more.');
      expect(s.hint()).to.equal(undefined);
      await expectAccessible(edition);
    } finally {
      await edition.win.caches.delete('reader-edition-articles');
    }
  });

  it('asks too when the reader keeps the audio, and where the browser declines, says so and asks no more on this visit', async () => {
    const edition = await openEdition();
    const { doc } = edition;
    // The article's audio edition, as the build describes it (generator/audio/page-audio.ts), over small files of the test server.
    const audio = doc.createElement('script');
    audio.type = 'application/json';
    audio.id = 'audio-edition';
    audio.textContent = JSON.stringify({
      src: '/test/fixtures/articles/audio/listening-walks.md',
      bytes: 2_400_000,
      cues: '/test/fixtures/articles/audio/site.toml',
      chapters: '/test/fixtures/seed.txt',
    });
    doc.head.append(audio);
    doc.querySelector('offline-status')!.setAttribute('page', 'home-article');
    const active = new FakeWorker('activated');
    const storage = fakeStorage(async () => false);
    const s = await withFakes(edition, { serviceWorker: containerOf(active, { active }), storage });
    await says(edition, 'Available offline.');
    await s.open();
    const part = await keepingPart(edition);
    try {
      const button = await control(part, '.keep-audio');
      button.click();
      expect(storage.asked, 'asked as the reader presses Keep').to.equal(1);
      await says(edition, 'Available offline. The browser may clear it when space is short.');
      await turns(part, button, 'Remove audio from this device');
      // Declined: the status says so, the details no more.
      expect(s.hint()).to.equal(undefined);
      await expectAccessible(edition);
      button.click();
      await turns(part, button, 'Keep audio for offline (2.4 MB)');
      button.click();
      await turns(part, button, 'Remove audio from this device');
      expect(storage.asked, 'asked once on this visit').to.equal(1);
    } finally {
      await edition.win.caches.delete('reader-edition-audio');
    }
  });

  it('offers to keep the e-book apart, with its size, and keeps and removes it by keyboard, focus kept on the button', async () => {
    const edition = await openEdition();
    const { doc } = edition;
    // The book's link as the build writes it (generator/book/page-book.ts), over a small file of the test server.
    const offer = doc.createElement('p');
    offer.className = 'book-link';
    offer.innerHTML = '<a href="/test/fixtures/seed.txt" download="seed.epub" data-bytes="3204837">Download</a>';
    doc.querySelector('article')!.append(offer);
    const book = new URL('/test/fixtures/seed.txt', edition.win.location.href).href;
    doc.querySelector('offline-status')!.setAttribute('page', 'home-article');
    const active = new FakeWorker('activated');
    const s = await withFakes(edition, { serviceWorker: containerOf(active, { active }), storage: fakeStorage() });
    await says(edition, 'Available offline.');
    await s.open();
    const part = await keepingPart(edition);
    const said = () => (part.querySelector('.book-kept')?.textContent ?? '').trim();
    try {
      const button = await control(part, '.keep-book');
      await turns(part, button, 'Keep the e-book for offline (3.2 MB)');
      expect(said()).to.equal('The e-book is not kept offline: it downloads only online.');
      await expectAccessible(edition);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await turns(part, button, 'Remove the e-book from this device');
      expect(said()).to.equal('E-book kept offline (3.2 MB).');
      expect(deepActiveElement(edition.doc)).to.equal(button);
      expect(await edition.win.caches.match(book, { cacheName: 'reader-edition-books' })).not.to.equal(undefined);
      await expectAccessible(edition);
      await sendKeys({ press: 'Enter' });
      await turns(part, button, 'Keep the e-book for offline (3.2 MB)');
      expect(deepActiveElement(edition.doc)).to.equal(button);
      expect(await edition.win.caches.match(book, { cacheName: 'reader-edition-books' })).to.equal(undefined);
    } finally {
      await edition.win.caches.delete('reader-edition-books');
    }
  });

  it('where the browser has no storage manager, says nothing of storage, and keeping still works', async () => {
    const edition = await openEdition();
    edition.doc.querySelector('offline-status')!.setAttribute('page', 'article');
    const active = new FakeWorker('activated');
    const s = await withFakes(edition, { serviceWorker: containerOf(null, { active }), storage: undefined });
    await says(edition, 'Available offline.');
    await s.open();
    const part = await keepingPart(edition);
    try {
      const button = await control(part, '.keep-article');
      button.click();
      await turns(part, button, 'Remove from this device');
      expect(s.storage()).to.equal(undefined);
      expect(s.hint()).to.equal(undefined);
      expect(s.text()).to.equal('Available offline.');
      expect(s.buttons()).not.to.include('Keep available offline');
      await expectAccessible(edition);
    } finally {
      await edition.win.caches.delete('reader-edition-articles');
    }
  });

  it('where the estimate fails (storage blocked) and asking fails, says so plainly, and keeping still works', async () => {
    const edition = await openEdition();
    edition.doc.querySelector('offline-status')!.setAttribute('page', 'article');
    const active = new FakeWorker('activated');
    const storage = {
      ...fakeStorage(),
      estimate: () => Promise.reject(new DOMException('blocked', 'SecurityError')),
      persist: () => Promise.reject(new DOMException('no', 'InvalidStateError')),
    };
    const s = await withFakes(edition, { serviceWorker: containerOf(null, { active }), storage });
    await says(edition, 'Available offline.');
    await s.open();
    const part = await keepingPart(edition);
    await measured(edition, 'The browser does not say how much storage is left.');
    try {
      const button = await control(part, '.keep-article');
      button.click();
      await says(edition, 'Available offline. The browser may clear it when space is short.');
      await turns(part, button, 'Remove from this device');
      expect(s.storage()).to.equal('The browser does not say how much storage is left.');
      await expectAccessible(edition);
    } finally {
      await edition.win.caches.delete('reader-edition-articles');
    }
  });

  it('says storage is full when the worker could not save for that reason', async () => {
    const edition = await openEdition();
    const installing = new FakeWorker('installing');
    const container = containerOf(null, { installing });
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
    await withFakes(edition, { serviceWorker: containerOf(active, { active }) });
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
      const s = await withFakes(edition, { serviceWorker: containerOf(active, { active }), storage });
      await says(edition, 'Available offline.');
      await s.open();
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
    const s = await withFakes(edition, { serviceWorker: containerOf(active, { active }) });
    await says(edition, 'Available offline.');
    Object.defineProperty(edition.win.navigator, 'onLine', { value: false, configurable: true });
    edition.win.dispatchEvent(new Event('offline'));
    await says(edition, 'You are offline. This edition is saved on this device.');
    expect(s.name()).to.equal('You are offline');
    await announcement(edition, 'You are offline. This edition is saved on this device.');
    await s.open();
    await expectAccessible(edition);
    Object.defineProperty(edition.win.navigator, 'onLine', { value: true, configurable: true });
    edition.win.dispatchEvent(new Event('online'));
    await says(edition, 'Available offline.');
  });

  it('offers a waiting version, and hands over to it only when the reader presses Reload', async () => {
    const edition = await openEdition();
    const active = new FakeWorker('activated');
    const waiting = new FakeWorker('installed');
    const container = containerOf(active, { active, waiting });
    const s = await withFakes(edition, { serviceWorker: container });
    await says(edition, 'Available offline. A new version is available.');
    expect(s.name()).to.equal('Update ready');
    await s.open();
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
