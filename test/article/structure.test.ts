import { expect } from 'chai';
import { SECTIONS } from '../helpers/article-outline.js';
import { closeEditions, openEdition } from '../helpers/edition.js';
import { mutations, until } from '../helpers/waiting.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('article structure', () => {
  afterEach(closeEditions);

  it('has language, title, description and reading metadata', async () => {
    const { doc } = await openEdition();
    expect(doc.documentElement.lang).to.equal('en');
    expect(doc.title).to.match(/^After 31 Years of Treatment Resistant Depression .* Breakthrough, Reader edition$/);
    // No symbol a screen reader would name ("middle dot", "vertical line") in the title.
    expect(doc.title).to.not.match(/[·|•–—]/);
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).to.have.length.greaterThan(50);
    expect(text(doc.querySelector('.article-meta'))).to.match(/^By Antonio Minichiello · \d+ min read$/);
    const jsonLd = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(jsonLd['@type']).to.equal('Article');
    expect(jsonLd.headline).to.equal(text(doc.querySelector('h1')));
    expect(jsonLd.author.name).to.equal('Antonio Minichiello');
    expect(jsonLd.inLanguage).to.equal('en');
  });

  it('has one h1, an h2 per section and the FAQ questions as h3', async () => {
    const { doc } = await openEdition();
    expect(doc.querySelectorAll('h1')).to.have.length(1);
    expect([...doc.querySelectorAll('h2')].map(text)).to.deep.equal(SECTIONS);
    const faq = [...doc.querySelectorAll('.faq h3')].map(text);
    expect(faq).to.have.length(6);
    for (const question of faq) expect(question).to.match(/\?$/);
    // Every section starts with its own heading, and has
    // no name of its own: a named section is a region landmark, and landmark navigation would
    // repeat heading navigation.
    for (const section of doc.querySelectorAll('article section')) {
      expect(section.firstElementChild!.localName, text(section).slice(0, 40)).to.equal('h2');
      expect(
        section.hasAttribute('aria-labelledby') || section.hasAttribute('aria-label'),
        text(section).slice(0, 40),
      ).to.equal(false);
    }
    // Headings are not focusable: a link to one moves where Tab goes next without focusing it.
    expect([...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => h.hasAttribute('tabindex'))).to.deep.equal(
      [],
    );
  });

  it('has banner, navigation, main and contentinfo landmarks, no others, and a working skip link', async () => {
    const { doc } = await openEdition();
    // A header or footer inside the article or main is no landmark; a section is one only when named.
    const landmarks = [...doc.querySelectorAll('header, footer, main, nav, aside, section, form, [role]')].filter(
      (el) =>
        el.matches('header, footer')
          ? !el.parentElement!.closest('article, main, section')
          : el.matches('section, form')
            ? el.matches('[aria-label], [aria-labelledby]')
            : el.matches(
                'main, nav, aside, [role="region"], [role="search"], [role="complementary"], [role="banner"], [role="contentinfo"], [role="navigation"], [role="main"]',
              ),
    );
    expect(landmarks.map((el) => el.localName)).to.deep.equal(['header', 'nav', 'main', 'footer']);
    expect(doc.querySelectorAll('body > header')).to.have.length(1);
    expect(doc.querySelectorAll('body > footer')).to.have.length(1);
    expect(doc.querySelectorAll('main')).to.have.length(1);
    const nav = doc.querySelector('nav')!;
    expect(text(doc.getElementById(nav.getAttribute('aria-labelledby')!))).to.equal('Contents');
    const skip = doc.querySelector('body > a.skip-link') as HTMLAnchorElement;
    expect(doc.body.firstElementChild).to.equal(skip);
    expect(doc.querySelector(skip.getAttribute('href')!)).to.equal(doc.querySelector('main'));
  });

  it('collapses the contents on a phone so the article starts on the first screen, and keeps them open on a desktop', async () => {
    const phone = await openEdition({ width: 320, height: 640 });
    expect((phone.doc.getElementById('toc-details') as HTMLDetailsElement).open).to.equal(false);
    expect(phone.doc.querySelector('h1')!.getBoundingClientRect().top).to.be.below(640);
    const desktop = await openEdition({ width: 1280 });
    expect((desktop.doc.getElementById('toc-details') as HTMLDetailsElement).open).to.equal(true);
  });

  it('lists every section in the table of contents, linked to its heading', async () => {
    const { doc } = await openEdition();
    const links = [...doc.querySelectorAll<HTMLAnchorElement>('nav a')];
    expect(links.map(text)).to.deep.equal(SECTIONS);
    for (const link of links) expect(text(doc.querySelector(link.getAttribute('href')!))).to.equal(text(link));
  });

  it('marks the section being read in the contents with aria-current', async () => {
    const { doc } = await openEdition({ height: 600 });
    doc.documentElement.style.scrollBehavior = 'auto';
    doc.getElementById('faq')!.scrollIntoView();
    const current = () => doc.querySelector('nav a[aria-current="location"]')?.textContent;
    await until(
      () => current() === 'FAQ',
      () => `the contents to mark FAQ (they mark ${current()})`,
      mutations(...doc.querySelectorAll('nav')),
    );
    expect(doc.querySelectorAll('nav a[aria-current]')).to.have.length(1);
  });

  it('attributes each expert quote with the speaker and their role, after the quote', async () => {
    const { doc } = await openEdition();
    const quotes = [...doc.querySelectorAll('article .quote')];
    expect(quotes).to.have.length(2);
    // Not figures: a figure is named by its caption, and screen readers that speak the names of
    // the containers they enter (Orca's say-all) read the attribution before the quote too.
    expect(doc.querySelectorAll('article figure')).to.have.length(0);
    const attributions = quotes.map((quote) => {
      expect(quote.firstElementChild?.tagName).to.equal('BLOCKQUOTE');
      expect(quote.lastElementChild?.matches('p.attribution')).to.equal(true);
      return [text(quote.querySelector('.attribution strong')), text(quote.querySelector('.attribution'))];
    });
    expect(attributions).to.deep.equal([
      [
        'Roland Griffiths, PhD',
        'Roland Griffiths, PhD, Oliver Lee McCabe III Professor in the Neuropsychopharmacology of Consciousness, Johns Hopkins University School of Medicine',
      ],
      [
        'Robin Carhart Harris, PhD',
        'Robin Carhart Harris, PhD, Head of the Centre for Psychedelic Research, Imperial College London',
      ],
    ]);
    expect(text(quotes[0].querySelector('blockquote'))).to.match(/^Because there are several types/);
  });

  it('presents the summary as a data table with a caption and scoped header cells', async () => {
    const { doc } = await openEdition();
    const table = doc.querySelector('article table') as HTMLTableElement;
    expect(text(table.caption)).to.equal('Summary Table');
    const columns = [...table.tHead!.querySelectorAll('th')];
    expect(columns.map(text)).to.deep.equal(['Topic', 'Key Idea']);
    for (const th of columns) expect(th.getAttribute('scope')).to.equal('col');
    const rows = [...table.tBodies[0].rows];
    expect(rows.map((row) => text(row.cells[0]))).to.deep.equal([
      'Patient story',
      'Mechanism',
      'Clinical context',
      'Risks and caveats',
      'Broader implications',
    ]);
    for (const row of rows) {
      expect(row.cells[0].tagName).to.equal('TH');
      expect(row.cells[0].getAttribute('scope')).to.equal('row');
      expect(row.cells[1].tagName).to.equal('TD');
    }
  });

  it('ends with the author note and its two links', async () => {
    const { doc } = await openEdition();
    const note = doc.querySelector('article section.author-note')!;
    expect(note).to.equal(doc.querySelector('article')!.lastElementChild);
    const links = [...note.querySelectorAll('a')].map((a) => [text(a), a.href]);
    expect(links).to.deep.equal([
      ['www.antoniominichiello.com', 'https://www.antoniominichiello.com/'],
      ['https://www.takeachef.com/it-it/chef/antonio-romano2', 'https://www.takeachef.com/it-it/chef/antonio-romano2'],
    ]);
  });

  it('loads nothing from another origin and forbids it by policy', async () => {
    const { doc, win } = await openEdition();
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).to.contain("default-src 'self'").and.contain("script-src 'self'").and.not.contain('unsafe-inline');
    const resources = win.performance.getEntriesByType('resource').map((entry) => new URL(entry.name));
    expect(resources.length).to.be.greaterThan(0);
    for (const url of resources) expect(url.origin, url.href).to.equal(win.location.origin);
    for (const el of doc.querySelectorAll('[src], link[href]')) {
      const url = new URL(el.getAttribute('src') ?? el.getAttribute('href')!, win.location.href);
      expect(url.origin, url.href).to.equal(win.location.origin);
    }
  });

  it('keeps every ARIA id reference within its own tree', async () => {
    const { doc } = await openEdition();
    const roots: (Document | ShadowRoot)[] = [doc];
    for (const el of doc.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    for (const root of roots) {
      for (const el of root.querySelectorAll('[aria-labelledby], [aria-describedby], [aria-controls], label[for]')) {
        const ids = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for']
          .flatMap((name) => (el.getAttribute(name) ?? '').split(/\s+/))
          .filter(Boolean);
        for (const id of ids) expect(root.querySelector(`#${CSS.escape(id)}`), `#${id}`).to.not.equal(null);
      }
    }
  });
});
