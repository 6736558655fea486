// What a screen reader meets, walking the built edition from top to bottom with
// @guidepup/virtual-screen-reader (a simulated screen reader over the accessibility tree),
// in both browsers. The controls inside components' shadow roots are checked against
// Chromium's own accessibility tree in test/screen-reader/accessibility-tree.chromium.test.ts.
import { expect } from 'chai';
import { virtual } from '@guidepup/virtual-screen-reader/browser.js';
import { closeEditions, openEdition } from '../helpers/edition.js';

/** Everything the virtual screen reader says, reading the page from the top to the end. */
async function transcript(doc: Document): Promise<string[]> {
  await virtual.start({ container: doc.body, window: doc.defaultView } as Parameters<typeof virtual.start>[0]);
  try {
    for (let i = 0; i < 2000; i++) {
      await virtual.next();
      if ((await virtual.lastSpokenPhrase()) === 'end of document') break;
    }
    return await virtual.spokenPhraseLog();
  } finally {
    await virtual.stop();
  }
}

/** Asserts that `expected` phrases occur in the transcript in this order (others may come between). */
function expectInOrder(spoken: string[], expected: (string | RegExp)[]) {
  let at = 0;
  for (const phrase of expected) {
    const found = spoken.findIndex((p, i) => i >= at && (typeof phrase === 'string' ? p === phrase : phrase.test(p)));
    expect(found, `"${phrase}" after position ${at} in:\n${spoken.slice(at, at + 12).join(' | ')}`).to.be.at.least(0);
    at = found + 1;
  }
}

describe('screen reader transcript of the built edition', function () {
  this.timeout(120_000);
  afterEach(closeEditions);

  let spoken: string[];
  before(async () => {
    // The article and its structure are the served HTML: read it as browse mode meets it.
    const { doc } = await openEdition({ path: '/dist/index.html', scripts: false });
    spoken = await transcript(doc);
  });

  it('announces the landmarks: banner, navigation, main with the article, contentinfo, and no others', () => {
    expectInOrder(spoken, [
      'link, Skip to the article',
      'banner',
      'end of banner',
      'navigation, Contents',
      'end of navigation, Contents',
      'main',
      'article',
      'end of article',
      'end of main',
      'contentinfo',
      'end of contentinfo',
    ]);
    // Sections are not regions: landmark navigation would only repeat heading navigation.
    expect(spoken.filter((p) => /^(end of )?region\b/.test(p))).to.deep.equal([]);
  });

  it('gives the heading outline: the title at level 1, each section at level 2, each question at level 3', () => {
    const headings = spoken.filter((p) => p.startsWith('heading, '));
    expect(headings[0]).to.match(
      /^heading, After 31 Years of Treatment Resistant Depression .* Breakthrough, level 1$/,
    );
    expect(headings.filter((h) => h.endsWith('level 2'))).to.have.length(12);
    expect(headings.filter((h) => h.endsWith('level 3'))).to.have.length(6);
    expectInOrder(spoken, [
      'heading, When the same pills stopped working, level 2',
      'heading, FAQ, level 2',
      'heading, What exactly was different about the treatment that helped this patient?, level 3',
    ]);
  });

  it('reads each quote, then its attribution, once', () => {
    expectInOrder(spoken, [
      'blockquote',
      'end of blockquote',
      'Roland Griffiths, PhD',
      /Oliver Lee McCabe III Professor .* Johns Hopkins University School of Medicine/,
    ]);
    expectInOrder(spoken, [
      'blockquote',
      'end of blockquote',
      'Robin Carhart Harris, PhD',
      /Head of the Centre for Psychedelic Research, Imperial College London/,
    ]);
    // Each attribution once: no container named by it (a figure is named by its caption).
    for (const name of ['Roland Griffiths, PhD', 'Robin Carhart Harris, PhD'])
      expect(
        spoken.filter((p) => p.includes(name)),
        name,
      ).to.have.length(1);
  });

  it('reads the summary table with its caption, column headers and row headers', () => {
    expectInOrder(spoken, [
      'table, Summary Table',
      'columnheader, Topic',
      'columnheader, Key Idea',
      /^row, Patient story 44 year old/,
      'rowheader, Patient story',
      /^44 year old with 31 years/,
      'rowheader, Mechanism',
      'rowheader, Clinical context',
      'rowheader, Risks and caveats',
      'rowheader, Broader implications',
      'end of table, Summary Table',
    ]);
  });

  it('reads the author note with its two links, by name', () => {
    expectInOrder(spoken, [
      'heading, Author, level 2',
      'link, www.antoniominichiello.com',
      'link, https://www.takeachef.com/it-it/chef/antonio-romano2',
      'end of article',
    ]);
  });
});
