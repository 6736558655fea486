// The accessible book as the pages offer it (generator/book/page-book.ts), in the fixture sites
// the test runner builds (test/plugins/fixture-site-plugin.ts): a download link at the article's
// end, beside the audio download where there is one, and under each entry of the index, named with
// what it is, whether it is narrated, and its size, in the article's words; reached by Tab in
// reading order with its focus shown; no axe violation.
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { axeViolations } from '../helpers/axe.js';
import { closeEditions, openEdition, type Edition } from '../helpers/edition.js';
import { deepActiveElement, focusProblem, scrollSettled } from '../helpers/layout.js';
// Where test/plugins/fixture-site-plugin.ts serves the fixture blog and the audio fixture.
const FIXTURE_SITE = '/fixture-site/';
const AUDIO_SITE = '/audio-site/';

/** Tabs from the top of the page to the element; how many presses it took. */
async function tabTo(edition: Edition, target: Element): Promise<number> {
  edition.frame.focus();
  let presses = 0;
  while (deepActiveElement(edition.doc) !== target && presses++ < 80) await sendKeys({ press: 'Tab' });
  expect(deepActiveElement(edition.doc), `Tab reaches ${target.textContent}`).to.equal(target);
  await scrollSettled(edition);
  expect(focusProblem(edition, target)).to.equal(undefined);
  return presses;
}

const offerOf = (edition: Edition) => edition.doc.querySelector<HTMLAnchorElement>('article .book-link a')!;

describe('the book as the pages offer it', () => {
  afterEach(closeEditions);

  it('is offered at the end of an article, named with its format and size, after the article in reading order', async () => {
    const edition = await openEdition({ path: `${FIXTURE_SITE}borrowing-in-rust.html` });
    const offer = offerOf(edition);
    expect(offer.textContent).to.match(/^Download as an e-book \(EPUB, \d+ KB\)$/);
    // Its address changes with its content (a copy kept offline is never stale); it is saved under the slug.
    expect(offer.getAttribute('href')).to.match(/^\.\/borrowing-in-rust-[0-9A-F]{8}\.epub$/);
    expect([offer.getAttribute('download'), offer.getAttribute('type')]).to.deep.equal([
      'borrowing-in-rust.epub',
      'application/epub+zip',
    ]);
    // The last link of the article: every link of its text comes first.
    const links = [...edition.doc.querySelectorAll('article a[href]')];
    expect(links.at(-1)).to.equal(offer);
    await tabTo(edition, offer);
    const violations = await axeViolations(edition);
    expect(violations, `\n${violations}`).to.equal('');
  });

  it('says narrated where the book carries the audio edition, beside the audio download', async () => {
    const edition = await openEdition({ path: `${AUDIO_SITE}index.html` });
    const offer = offerOf(edition);
    expect(offer.textContent).to.match(/^Download as an e-book \(EPUB with narration, \d+ KB\)$/);
    const audio = edition.doc.querySelector('article .audio-links a[download]')!;
    expect(offer.closest('.book-link')?.previousElementSibling).to.equal(audio.closest('.audio-links'));
    await tabTo(edition, audio);
    // The podcast feed's link, then the book's.
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement(edition.doc)?.getAttribute('type')).to.equal('application/rss+xml');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement(edition.doc)).to.equal(offer);
    const violations = await axeViolations(edition);
    expect(violations, `\n${violations}`).to.equal('');
  });

  it('is offered in the article’s own words: French', async () => {
    const edition = await openEdition({ path: `${FIXTURE_SITE}un-article-en-francais.html` });
    expect(offerOf(edition).textContent).to.match(/^Télécharger le livre numérique \(EPUB, \d+\s?Ko\)$/);
  });

  it('is offered under each article of the index, described by that article’s title, reached by Tab', async () => {
    const edition = await openEdition({ path: `${FIXTURE_SITE}index.html` });
    const entries = [...edition.doc.querySelectorAll('.index-entry')];
    expect(entries.length).to.be.greaterThan(1);
    for (const entry of entries) {
      const offer = entry.querySelector<HTMLAnchorElement>('.book-link a')!;
      expect(offer.textContent).to.match(/^Download as an e-book \(EPUB, \d+ KB\)$/);
      const title = entry.querySelector('h2')!;
      // The same words under each entry: its description names the article they are the book of.
      expect(edition.doc.getElementById(offer.getAttribute('aria-describedby') ?? '')).to.equal(title);
      const slug = title
        .querySelector('a')!
        .getAttribute('href')!
        .replace(/\.html$/, '');
      expect(offer.getAttribute('href')).to.match(new RegExp(`^${slug.replaceAll('.', '\\.')}-[0-9A-F]{8}\\.epub$`));
    }
    await tabTo(edition, entries[0].querySelector('.book-link a')!);
    const violations = await axeViolations(edition);
    expect(violations, `\n${violations}`).to.equal('');
  });
});
