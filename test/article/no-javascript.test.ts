import { expect } from 'chai';
import { articleText, closeEditions, openEdition, words } from '../helpers/edition.js';

// `npm test` builds dist/ first, so this reads exactly what ships.
describe('the built edition without JavaScript', () => {
  afterEach(closeEditions);

  it('presents the whole article with scripts disabled', async () => {
    const built = await openEdition({ path: '/dist/index.html', scripts: false });
    expect(built.doc.querySelector('edition-toc')?.constructor).to.equal(built.win.HTMLElement);
    const source = await openEdition();
    const expected = words(articleText(source.doc));
    expect(words(articleText(built.doc))).to.deep.equal(expected);
    expect(built.doc.querySelectorAll('article h2')).to.have.length(12);
    expect(
      (built.doc.getElementById('toc-details') as HTMLDetailsElement).open,
      'contents stay open without scripts',
    ).to.equal(true);
    expect(built.doc.querySelector('article table caption')?.textContent?.trim()).to.equal('Summary Table');
    // Styles still apply: the measure keeps lines readable.
    const article = built.doc.querySelector('article')!;
    expect(built.win.getComputedStyle(article).maxWidth).to.not.equal('none');
  });
});
