import { expect } from 'chai';
import { axeViolations } from '../helpers/axe.js';
import { closeEditions, openEdition } from '../helpers/edition.js';

for (const width of [1280, 320]) {
  describe(`accessibility at ${width} CSS px`, () => {
    afterEach(closeEditions);

    it('has no axe violations', async () => {
      const edition = await openEdition({ width, height: width === 320 ? 640 : 800 });
      const violations = await axeViolations(edition);
      expect(violations, `\n${violations}`).to.equal('');
    });

    it('reflows without horizontal scrolling', async () => {
      const { doc } = await openEdition({ width });
      expect(doc.documentElement.scrollWidth).to.be.at.most(width);
    });
  });
}

describe('the accessibility check itself', () => {
  afterEach(closeEditions);

  it('reports a violation when the page has one', async () => {
    const edition = await openEdition();
    const faint = edition.doc.createElement('p');
    faint.textContent = 'Faint text';
    faint.className = 'test-faint';
    edition.doc.querySelector('article')!.append(faint);
    // The page's CSP forbids inline styles from markup, but not through the CSSOM.
    faint.style.color = '#bbb';
    const violations = await axeViolations(edition);
    expect(violations).to.contain('color-contrast');
  });
});
