// The pages of a fixture site the test runner serves (test/plugins/fixture-site-plugin.ts), each
// checked as every page of the edition is: axe with the full tag set, and reflow at 320 CSS px.
import { expect } from 'chai';
import { axeViolations } from './axe.js';
import { openEdition } from './edition.js';

/** Declares, in the describe it is called from, one test per page and width. */
export function eachPageConforms(site: string, pages: readonly string[]) {
  for (const page of pages) {
    for (const width of [1280, 320]) {
      it(`${page} has no axe violations and no sideways scrolling at ${width} px`, async () => {
        const edition = await openEdition({ path: `${site}${page}`, width, height: width === 320 ? 640 : 800 });
        const violations = await axeViolations(edition);
        expect(violations, `\n${violations}`).to.equal('');
        expect(edition.doc.documentElement.scrollWidth).to.be.at.most(width);
      });
    }
  }
}
