// The reading settings with no network, for real: a build served from a static server on
// localhost and saved by its worker, one optional font chosen online, then the server stopped
// (what a train does: requests are refused; the browser still thinks it is online) and the page
// reloaded. Offline the panel shows every font's name in that font (the samples are precached),
// and every font it offers either applies or says it needs a connection; the recorded audio,
// chosen but never kept, says why it cannot play (docs/offline.md). Only the offline-site
// commands and the page's own APIs: no network emulation, so it runs in every engine the
// offline-site plugin drives.
import { expect } from 'chai';
import { site, STATUS_TEXT } from '../helpers/offline-site.js';
import { ANNOUNCED, expectNoAxeViolations } from '../helpers/kept-site.js';
import { LISTENING_KEY } from '../helpers/storage.js';
import { FONT_CACHE } from '../../src/service-worker/font-cache.js';

const SAVED = `navigator.serviceWorker.controller !== null && ${STATUS_TEXT}.startsWith('Available offline.')`;
const PANEL = "document.querySelector('reading-settings-panel')?.shadowRoot";
/** Each font the panel offers: its value, and its option's words as its label gives them. */
const FONT_OPTIONS = `[...(${PANEL}?.querySelectorAll('input[name="font"]') ?? [])].map((input) => [input.value, input.closest('label').textContent.replace(/\\s+/g, ' ').trim()])`;
/** The statuses of a family's faces in the page (document.fonts: the stylesheet's @font-face rules). */
const statuses = (family: string) =>
  `[...document.fonts].filter((face) => face.family.replace(/["']/g, '') === ${JSON.stringify(family)}).map((face) => face.status)`;
/** The statuses once every face of a family has loaded or failed, each asked to load: false until then. */
const loadEvery = (family: string) =>
  `Promise.all([...document.fonts].filter((face) => face.family.replace(/["']/g, '') === ${JSON.stringify(family)}).map((face) => face.load().catch(() => undefined))).then(() => ${statuses(family)})`;
/** The first family the text is set in (the body's: the byline and the controls may take the interface's). */
const TEXT_FONT = "getComputedStyle(document.body).fontFamily.split(',')[0].replace(/[\"']/g, '').trim()";

const NEEDS_CONNECTION =
  'OpenDyslexic needs a connection: it is not kept on this device. Until the page opens online, the text is in a sans-serif font.';

async function openPanel() {
  await site.waitFor(`!!${PANEL}?.querySelector('.toggle')`);
  await site.evaluate(`${PANEL}.querySelector('.toggle').click()`);
  await site.waitFor(`${FONT_OPTIONS}.length > 0`);
}

/** Chooses a font as a reader does, by its radio button. */
const choose = (font: string) => site.evaluate(`${PANEL}.querySelector('input[name="font"][value="${font}"]').click()`);

describe('every choice offline (a served build)', function () {
  // A build, a worker installed, fonts loaded twice: generous on a slow machine.
  this.timeout(240_000);

  afterEach(() => site.close());

  it('shows every font’s sample offline; a font chosen online applies; one never chosen says it needs a connection', async () => {
    await site.build();
    await site.serve();
    await site.open();
    await site.waitFor(SAVED);

    // Online, the reader chooses Atkinson Hyperlegible: every face of it loads (kept by the worker
    // as it passes), not only those this page uses.
    await openPanel();
    await choose('atkinson');
    const online = await site.waitFor<string[]>(
      `(() => { const s = ${statuses('Atkinson Hyperlegible')}; return s.every((x) => x === 'loaded') && s; })()`,
    );
    expect(online).to.have.length(4);
    // A face can be in use before the worker has finished storing it (WebKit): the reader who
    // loses the signal at that instant has the font next time it is online.
    await site.waitFor(`caches.open('${FONT_CACHE}').then((c) => c.keys()).then((k) => k.length === 4)`);

    // The signal goes.
    await site.stopServer();
    await site.reload();
    await openPanel();

    // Each optional font's name in that font: the samples load, from the precache.
    for (const sample of ['Atkinson Hyperlegible sample', 'OpenDyslexic sample']) {
      const loaded = await site.waitFor<string[]>(
        `(() => { const s = ${statuses(sample)}; return s.length > 0 && s.every((x) => x === 'loaded' || x === 'error') && s; })()`,
      );
      expect(loaded, sample).to.deep.equal(['loaded']);
    }

    // The font never chosen is marked, in its option's own words; the one kept is not.
    await site.waitFor(`${FONT_OPTIONS}.some(([, words]) => words.includes('(needs a connection)'))`);
    expect(await site.evaluate(FONT_OPTIONS)).to.deep.equal([
      ['default', 'Edition default'],
      ['serif', 'Serif'],
      ['sans', 'Sans-serif'],
      ['atkinson', 'Atkinson Hyperlegible'],
      ['opendyslexic', 'OpenDyslexic (needs a connection)'],
    ]);
    await expectNoAxeViolations();

    // Every font offered either applies…
    await choose('atkinson');
    expect(
      await site.waitFor(`${TEXT_FONT} === 'Atkinson Hyperlegible' && ${loadEvery('Atkinson Hyperlegible')}`),
    ).to.deep.equal(['loaded', 'loaded', 'loaded', 'loaded']);
    expect(await site.evaluate(`document.fonts.check('1em "Atkinson Hyperlegible"', 'Reader')`)).to.equal(true);

    // …or says it needs a connection, and is not silently replaced.
    await choose('opendyslexic');
    await site.waitFor(`${ANNOUNCED} === ${JSON.stringify(NEEDS_CONNECTION)}`);
    expect(await site.evaluate(loadEvery('OpenDyslexic'))).to.not.include('loaded');
    await expectNoAxeViolations();

    // The device's own fonts need no file.
    for (const [font, family] of [
      ['serif', 'Charter'],
      ['sans', 'system-ui'],
      ['default', 'Charter'],
    ]) {
      await choose(font);
      await site.waitFor(`${TEXT_FONT} === ${JSON.stringify(family)}`);
    }
  });

  it('says why the recorded audio, chosen but never kept, cannot play offline', async () => {
    await site.build();
    await site.serve();
    await site.open();
    await site.waitFor(SAVED);
    // The listener chose the recorded audio on an earlier visit, and never kept it for offline.
    await site.evaluate(`localStorage.setItem('${LISTENING_KEY}', JSON.stringify({ source: 'recorded' }))`);
    await site.stopServer();
    await site.reload();
    await site.waitFor("!!document.querySelector('read-aloud-player')?.shadowRoot?.querySelector('.listen')");
    await site.evaluate("document.querySelector('read-aloud-player').shadowRoot.querySelector('.listen').click()");
    await site.waitFor(
      `${ANNOUNCED}.startsWith('The recorded audio could not load, so the device voice reads instead. Check the connection, then choose Recorded audio again.')`,
    );
  });
});
