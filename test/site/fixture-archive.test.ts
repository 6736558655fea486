// The archive by year of a site with more articles than its home page lists (the archive fixture,
// test/fixtures/articles/archive, home_articles = 1, served at /archive-site/): every page passes
// axe and reflows at 320 px, is whole without JavaScript, and a keyboard user gets from the home
// page to an article of any year through the links, the headings naming the years and months.
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { closeEditions, openEdition, type Edition } from '../helpers/edition.js';
import { deepActiveElement } from '../helpers/layout.js';
import { nextEvent } from '../helpers/waiting.js';
import { eachPageConforms } from '../helpers/served-pages.js';

const SITE = '/archive-site/';
const PAGES = ['index.html', 'archive.html', 'archive-2025.html', 'archive-2024.html', 'archive-undated.html'];

const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();
const headings = (doc: Document) =>
  [...doc.querySelectorAll('main :is(h1, h2, h3)')].map((h) => `${h.localName} ${text(h)}`);

/** Tabs through the page until focus is on the link that says `name`, then follows it with Enter. */
async function follow(edition: Edition, name: string): Promise<Edition> {
  edition.frame.focus();
  let steps = 0;
  while (text(deepActiveElement(edition.doc)) !== name && steps++ < 40) await sendKeys({ press: 'Tab' });
  const focused = deepActiveElement(edition.doc);
  expect(text(focused), `a link "${name}" in the tab order`).to.equal(name);
  expect(focused?.localName).to.equal('a');
  const loaded = nextEvent(edition.frame, 'load', () => true, `the page "${name}" leads to`);
  await sendKeys({ press: 'Enter' });
  await loaded;
  return { frame: edition.frame, doc: edition.frame.contentDocument!, win: edition.win };
}

describe('the archive by year of a site with more articles than its home page lists', () => {
  afterEach(closeEditions);

  eachPageConforms(SITE, PAGES);

  it('takes a keyboard user from the home page to an older article, each page headed by what it lists', async () => {
    const home = await openEdition({ path: `${SITE}index.html` });
    expect(headings(home.doc)).to.deep.equal(['h1 Tide Tables', 'h2 Spring tides']);

    const archive = await follow(home, 'All 4 articles, by year');
    expect(archive.doc.title).to.equal('Archive, Tide Tables');
    expect(headings(archive.doc)).to.deep.equal(['h1 Archive']);
    expect([...archive.doc.querySelectorAll('.archive-years li')].map(text)).to.deep.equal([
      '2025: 2 articles',
      '2024: 1 article',
      'Articles without a date: 1 article',
    ]);

    const year = await follow(archive, '2025');
    expect(headings(year.doc)).to.deep.equal([
      'h1 Articles of 2025',
      'h2 June 2025',
      'h3 Spring tides',
      'h2 February 2025',
      'h3 Reading a tide table',
    ]);
    // The years either side, named as a landmark a screen reader lists.
    const nav = year.doc.querySelector('nav.article-nav')!;
    expect(nav.getAttribute('aria-label')).to.equal('Archive by year');
    expect([...nav.querySelectorAll('a')].map((a) => [text(a), a.getAttribute('rel')])).to.deep.equal([
      ['Archive', null],
      ['Older: 2024', 'next'],
    ]);

    const older = await follow(year, 'Older: 2024');
    expect(headings(older.doc)).to.deep.equal(['h1 Articles of 2024', 'h2 November 2024', 'h3 The harbour wall']);
    expect([...older.doc.querySelectorAll('nav.article-nav a')].map((a) => a.getAttribute('rel'))).to.deep.equal([
      null,
      'prev',
      'next',
    ]);

    const article = await follow(older, 'The harbour wall');
    expect(text(article.doc.querySelector('h1'))).to.equal('The harbour wall');
  });

  it('is whole without JavaScript: the years, the months and every article of the year', async () => {
    const { doc } = await openEdition({ path: `${SITE}archive-2025.html`, scripts: false });
    expect(headings(doc)).to.have.length(5);
    const hrefs = (selector: string) => [...doc.querySelectorAll(selector)].map((a) => a.getAttribute('href'));
    expect(hrefs('main .article-list :is(h2, h3) a')).to.deep.equal([
      './spring-tides.html',
      './reading-a-tide-table.html',
    ]);
    expect(
      hrefs('main .article-list .book-link a').map((href) => href?.replace(/-[0-9A-F]{8}\.epub$/, '.epub')),
    ).to.deep.equal(['./spring-tides.epub', './reading-a-tide-table.epub']);
  });
});
