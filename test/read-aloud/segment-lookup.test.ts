// Which sentence of a spoken script a place on the page stands for, on a small article laid
// out in a fixed box at the top left of the test page.
import { expect } from 'chai';
import { Lexicon } from '../../src/speech/lexicon.js';
import {
  caretAt,
  firstSegmentOnScreen,
  segmentAtNode,
  segmentAtPoint,
  segmentAtSelection,
  segmentOfHeading,
} from '../../src/speech/segment-lookup.js';
import { buildScript, type SpokenScript } from '../../src/speech/spoken-script.js';
import { pointAt } from '../helpers/word-point.js';

/**
 * Segments: 0 "Title", 1 "First sentence here.", 2 "Second sentence follows it.",
 * 3 "Section: Second part", 4 "Third sentence." Each block is 100 px tall.
 */
function fixture() {
  const box = document.createElement('div');
  box.style.cssText =
    'position: fixed; top: 0; left: 0; z-index: 10; width: 600px; height: 300px; overflow: auto; background: white; font: 16px/20px sans-serif';
  box.innerHTML = `
    <style>.lookup h1, .lookup h2, .lookup p { height: 100px; margin: 0; font-size: 16px; }</style>
    <article class="lookup" lang="en">
      <h1>Title</h1>
      <p>First sentence here. Second <em>sentence</em> follows it.</p>
      <section><h2>Second part</h2><p>Third sentence.</p></section>
      <p data-edition>Edition note.</p>
    </article>
    <p class="outside">Not in the article.</p>`;
  document.body.append(box);
  const article = box.querySelector('article')!;
  const script = buildScript(article, new Lexicon(), 'en');
  const [title, first, heading, third, note] = article.querySelectorAll('h1, p, h2');
  return { box, article, script, title, first, heading, third, note, outside: box.querySelector('.outside')! };
}

describe('segment lookup', () => {
  let page: ReturnType<typeof fixture>;
  let script: SpokenScript;
  beforeEach(() => {
    page = fixture();
    script = page.script;
  });
  afterEach(() => {
    page.box.remove();
    window.getSelection()?.removeAllRanges();
  });

  it('builds the fixture it expects', () => {
    expect(script.segments.map((s) => s.spoken)).to.deep.equal([
      'Title',
      'First sentence here.',
      'Second sentence follows it.',
      'Section: Second part',
      'Third sentence.',
    ]);
  });

  it('finds the sentence holding a text position, counting text in inline elements before it', () => {
    const [firstText, emphasis, rest] = page.first.childNodes;
    expect(segmentAtNode(script, firstText, 0)).to.equal(1);
    expect(segmentAtNode(script, firstText, 'First sentence here.'.length - 1)).to.equal(1);
    expect(segmentAtNode(script, firstText, 'First sentence here. Sec'.length)).to.equal(2);
    expect(segmentAtNode(script, emphasis.firstChild!, 3)).to.equal(2);
    // The very end of a block belongs to its last sentence.
    expect(segmentAtNode(script, rest, rest.textContent!.length)).to.equal(2);
    // A position given as an element and a child index.
    expect(segmentAtNode(script, page.first, 2)).to.equal(2);
    expect(segmentAtNode(script, page.third.firstChild!, 0)).to.equal(4);
  });

  it('finds nothing for text the script does not read', () => {
    expect(segmentAtNode(script, page.note.firstChild!, 0)).to.equal(undefined);
    expect(segmentAtNode(script, page.outside.firstChild!, 3)).to.equal(undefined);
  });

  it('finds the sentence under a point on screen', () => {
    const follows = pointAt(page.first, 'follows');
    expect(caretAt(document, follows.x, follows.y)?.node.textContent).to.equal(' follows it.');
    expect(segmentAtPoint(script, document, follows.x, follows.y)).to.equal(2);
    const here = pointAt(page.first, 'here');
    expect(segmentAtPoint(script, document, here.x, here.y)).to.equal(1);
    const part = pointAt(page.heading, 'part');
    expect(segmentAtPoint(script, document, part.x, part.y)).to.equal(3);
    // On screen, as a reader's point is: for a point off screen WebKit answers with text in the article.
    page.outside.scrollIntoView();
    const outside = pointAt(page.outside, 'article');
    expect(segmentAtPoint(script, document, outside.x, outside.y)).to.equal(undefined);
  });

  it('finds the sentence where a selection starts', () => {
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    expect(segmentAtSelection(script, selection)).to.equal(undefined);
    expect(segmentAtSelection(script, null)).to.equal(undefined);
    selection.setBaseAndExtent(page.third.firstChild!, 2, page.third.firstChild!, 8);
    expect(segmentAtSelection(script, selection)).to.equal(4);
    selection.setBaseAndExtent(page.outside.firstChild!, 0, page.outside.firstChild!, 3);
    expect(segmentAtSelection(script, selection)).to.equal(undefined);
  });

  it('finds the first sentence whose block shows below the top of the screen', () => {
    expect(firstSegmentOnScreen(script)).to.equal(0);
    // Scrolled past the title and halfway into the paragraph: its first sentence.
    page.box.scrollTop = 150;
    expect(firstSegmentOnScreen(script)).to.equal(1);
    // Past the paragraph: the section heading.
    page.box.scrollTop = 250;
    expect(firstSegmentOnScreen(script)).to.equal(3);
  });

  it('finds the sentence that announces a heading, and none for what the script does not read', () => {
    expect(segmentOfHeading(script, page.title)).to.equal(0);
    expect(segmentOfHeading(script, page.heading)).to.equal(3);
    expect(segmentOfHeading(script, page.note)).to.equal(undefined);
    expect(segmentOfHeading(script, null)).to.equal(undefined);
  });
});
