// A publisher's posts, built as a site (test/plugins/fixture-site-plugin.ts serves the fixture
// blog at /fixture-site/): the index and every article pass axe, reflow at 320 px, a scrolling
// code block is reached and scrolled by keyboard, and pictures hold their place before they load.
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { closeEditions, openEdition } from '../helpers/edition.js';
import { deepActiveElement, focusProblem, scrollSettled } from '../helpers/layout.js';
import { nextEvent } from '../helpers/waiting.js';
import { eachPageConforms } from '../helpers/served-pages.js';

const SITE = '/fixture-site/';
const PAGES = ['index.html', 'borrowing-in-rust.html', 'notes-on-lists.html', 'un-article-en-francais.html'];

describe('a publisher’s posts as a site', () => {
  afterEach(closeEditions);

  eachPageConforms(SITE, PAGES);

  it('reaches a code block by Tab, names it, and scrolls its long lines with the arrow keys', async () => {
    const edition = await openEdition({ path: `${SITE}borrowing-in-rust.html`, width: 320, height: 640 });
    const code = edition.doc.querySelector('.code-block')!;
    expect(code.scrollWidth, 'the long line overflows at 320 px').to.be.greaterThan(code.clientWidth);
    edition.frame.focus();
    let steps = 0;
    while (deepActiveElement(edition.doc) !== code && steps++ < 60) await sendKeys({ press: 'Tab' });
    expect(deepActiveElement(edition.doc), 'the code block takes focus in reading order').to.equal(code);
    // A group, not a region: a landmark per code block would crowd landmark navigation.
    expect(code.getAttribute('role')).to.equal('group');
    expect(code.getAttribute('aria-label')).to.equal('Code example in Rust, 12 lines');
    await scrollSettled(edition);
    expect(focusProblem(edition, code)).to.equal(undefined);
    const before = code.scrollLeft;
    const scrolled = nextEvent(code, 'scroll', () => true, 'the code block to scroll sideways');
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'ArrowRight' });
    await scrolled;
    expect(code.scrollLeft).to.be.greaterThan(before);
  });

  it('gives every picture its final size before it loads', async () => {
    const edition = await openEdition({ path: `${SITE}borrowing-in-rust.html`, width: 320, height: 640 });
    const images = [...edition.doc.querySelectorAll('article img')] as HTMLImageElement[];
    expect(images.length).to.equal(4);
    // The later pictures are lazy and below the first screen: not loaded, yet already sized.
    expect(images.filter((img) => img.loading === 'lazy').length).to.equal(3);
    for (const img of images) {
      const box = img.getBoundingClientRect();
      const ratio = Number(img.getAttribute('width')) / Number(img.getAttribute('height'));
      expect(box.width, img.alt).to.be.greaterThan(0);
      // Within a pixel: a smaller copy, once loaded, has its height rounded to whole pixels,
      // which for a thin picture (the 480 × 32 flourish) moves its ratio by more than 0.02.
      expect(box.height, img.alt || img.currentSrc).to.be.closeTo(box.width / ratio, 1);
    }
  });

  it('sets the French article in French, with its direction', async () => {
    const { doc } = await openEdition({ path: `${SITE}un-article-en-francais.html` });
    const article = doc.querySelector('article')!;
    expect(article.lang).to.equal('fr');
    expect(article.dir).to.equal('ltr');
  });
});
