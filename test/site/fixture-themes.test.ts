// A publisher's posts in every theme a reader can choose, on a desktop and on a 320 px phone:
// the index and each article pass axe (whose color-contrast rules cover the code blocks), and
// every piece of code, in blocks and inline, keeps enhanced (AAA, 7:1) contrast against what it
// sits on, whatever colours its tokens have.
import { expect } from 'chai';
import { axeViolations } from '../helpers/axe.js';
import { contrastRatio } from '../helpers/contrast.js';
import { openEdition, type Edition } from '../helpers/edition.js';
import { storeSettings, THEMES } from '../helpers/settings.js';
import { startEachTestAfresh } from '../helpers/storage.js';

const SITE = '/fixture-site/';
const PAGES = ['index.html', 'borrowing-in-rust.html', 'notes-on-lists.html', 'un-article-en-francais.html'];
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 320, height: 640 },
];

/** The colour an element is painted on: its own background or the nearest opaque one behind it. */
function backgroundOf(edition: Edition, element: Element): string {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const color = edition.win.getComputedStyle(node).backgroundColor;
    if (!/^rgba\(.*,\s*0\)$|^transparent$/.test(color)) return color;
  }
  return edition.win.getComputedStyle(edition.doc.documentElement).backgroundColor;
}

/** Every element holding code text (a highlighter's token spans included) whose contrast falls short of 7:1. */
function codeBelowEnhancedContrast(edition: Edition): string[] {
  const holders = edition.doc.querySelectorAll('.code-block, .code-block *, :not(pre) > code, kbd');
  const problems: string[] = [];
  for (const element of holders) {
    const ownText = [...element.childNodes].some(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '',
    );
    if (!ownText) continue;
    const color = edition.win.getComputedStyle(element).color;
    const ratio = contrastRatio(color, backgroundOf(edition, element));
    if (ratio < 7)
      problems.push(
        `${element.localName}.${element.className} “${element.textContent!.trim().slice(0, 30)}”: ${color} on ${backgroundOf(edition, element)}, ${ratio.toFixed(2)}:1`,
      );
  }
  return problems;
}

describe('a publisher’s posts in every theme', function () {
  this.timeout(120_000);
  startEachTestAfresh();

  for (const theme of THEMES.filter((t) => t !== 'system')) {
    for (const viewport of VIEWPORTS) {
      for (const page of PAGES) {
        it(`${page}, ${theme} theme, ${viewport.width} px: no axe violations, code at 7:1`, async () => {
          storeSettings({ theme });
          const edition = await openEdition({ path: `${SITE}${page}`, ...viewport });
          expect(edition.doc.documentElement.dataset.theme, 'the stored theme applies').to.equal(theme);
          const violations = await axeViolations(edition);
          expect(violations, `\n${violations}`).to.equal('');
          expect(codeBelowEnhancedContrast(edition)).to.deep.equal([]);
          expect(edition.doc.documentElement.scrollWidth, 'no sideways scrolling').to.be.at.most(viewport.width);
        });
      }
    }
  }

  it('has code to check on the article pages', async () => {
    const edition = await openEdition({ path: `${SITE}borrowing-in-rust.html` });
    // Two blocks (Rust and plain), inline code and keys: the contrast check above is not vacuous.
    expect(edition.doc.querySelectorAll('.code-block').length).to.equal(2);
    expect(edition.doc.querySelectorAll(':not(pre) > code').length).to.be.greaterThan(0);
    expect(edition.doc.querySelectorAll('kbd').length).to.be.greaterThan(0);
  });
});
