// Where you left off: reopening the article returns the reader to the paragraph they were
// reading, at any text size, with a quiet way back to the top; not with a #fragment, not on a
// first visit, not when the place is on the first screen anyway.
import { expect } from 'chai';
import { READING_PLACE_KEY } from '../../src/preferences/storage-keys.js';
import { openEdition, type Edition } from '../helpers/edition.js';
import { deepActiveElement, scrollSettled } from '../helpers/layout.js';
import { reload, storeSettings } from '../helpers/settings.js';
import { clearStoredPreferences, startEachTestAfresh } from '../helpers/storage.js';
import { animationFrames, events, mutations, nextStorageWrite, until } from '../helpers/waiting.js';

const PHONE = { width: 390, height: 844 };

/** A paragraph of the body well down the article (not a quote's, nor its attribution, which may be one line). */
const paragraph = (edition: Edition) => edition.doc.querySelectorAll<HTMLElement>('article section > p')[9];

function notice(edition: Edition) {
  const host = edition.doc.querySelector('reading-place')!;
  return {
    host,
    shown: () => !host.hidden && host.checkVisibility(),
    text: () => host.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim(),
    backToTop: () =>
      [...host.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Back to the top'),
  };
}

/** Reads down to a paragraph as a reader would, and waits until the page keeps the place (once scrolling rests). */
async function readUpTo(edition: Edition, block: HTMLElement) {
  const start = block.textContent!.trim().slice(0, 30);
  const kept = nextStorageWrite(
    edition.win,
    READING_PLACE_KEY,
    (value) => value.includes(start),
    'the reading place to be kept',
  );
  block.scrollIntoView({ block: 'start', behavior: 'instant' });
  await kept;
}

/**
 * Waits for the page to settle where it opened: the place restored, or not. The line's
 * controller looks for the place in the first frame once the fonts are ready, and the line
 * renders what it found (see src/components/reading-place/).
 */
async function opened(edition: Edition) {
  await edition.win.customElements.whenDefined('reading-place');
  await edition.doc.fonts.ready;
  await animationFrames(1, edition.win);
  await edition.doc.querySelector('reading-place')!.updateComplete;
}

describe('where you left off', function () {
  this.timeout(60_000);
  startEachTestAfresh();

  it('reopens at the paragraph the reader was reading, at 100% and after a change to 200% text', async () => {
    let edition = await openEdition(PHONE);
    const text = paragraph(edition).textContent!.trim();
    await readUpTo(edition, paragraph(edition));

    for (const textSize of [100, 200]) {
      // The reader leaves, changes the text size elsewhere, and comes back.
      edition.frame.remove();
      if (textSize !== 100) storeSettings({ textSize });
      edition = await openEdition(PHONE);
      await opened(edition);
      const n = notice(edition);
      await until(n.shown, `the "You were here" line at ${textSize}%`, mutations(n.host));
      const block = paragraph(edition);
      expect(block.textContent!.trim()).to.equal(text);
      // The paragraph at the top of the screen, the line just above it.
      const top = block.getBoundingClientRect().top;
      expect(top, `the paragraph's top at ${textSize}%`).to.be.within(0, PHONE.height * 0.4);
      expect(n.host.getBoundingClientRect().bottom).to.be.at.most(top + 1);
      expect(n.host.getBoundingClientRect().top).to.be.at.least(0);
      expect(n.text()).to.equal('You were here. Back to the top');
      expect(edition.win.scrollY).to.be.greaterThan(PHONE.height);
    }

    // Back to the top: the page's top, focus where reading starts, the line gone.
    const n = notice(edition);
    n.backToTop()!.click();
    await until(() => edition.win.scrollY === 0, 'the page to be back at its top', events(edition.win, 'scroll'));
    expect(deepActiveElement(edition.doc)).to.equal(edition.doc.querySelector('main'));
    expect(n.shown()).to.equal(false);
  });

  it('opens at the place an address names, as it would with nothing kept', async () => {
    const unkept = await openEdition({ ...PHONE, path: '/index.html#faq' });
    await opened(unkept);
    await scrollSettled(unkept);
    const expected = unkept.win.scrollY;
    unkept.frame.remove();
    clearStoredPreferences();
    const edition = await openEdition(PHONE);
    await readUpTo(edition, paragraph(edition));
    const atFaq = await openEdition({ ...PHONE, path: '/index.html#faq' });
    await opened(atFaq);
    await scrollSettled(atFaq);
    expect(notice(atFaq).shown()).to.equal(false);
    expect(atFaq.win.scrollY).to.be.closeTo(expected, 2);
  });

  it('opens at the top on a first visit, and when the place is on the first screen', async () => {
    const first = await openEdition(PHONE);
    await opened(first);
    expect(first.win.scrollY).to.equal(0);
    expect(notice(first).shown()).to.equal(false);

    // The reader stopped at the first paragraph, on the first screen.
    await readUpTo(first, first.doc.querySelector<HTMLElement>('article > p')!);
    first.win.scrollTo({ top: 0, behavior: 'instant' });
    const again = await reload(first);
    await opened(again);
    expect(again.win.scrollY).to.equal(0);
    expect(notice(again).shown()).to.equal(false);
  });
});
