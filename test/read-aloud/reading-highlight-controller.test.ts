// ReadingHighlightController on a tiny host over a small article: the sentence and the word
// being read are marked with the CSS Custom Highlight API and the article's DOM is left as
// it was; without the API the whole block is marked instead; marks go when reading moves on,
// stops, or the host leaves the page. And textRange, which finds a span of a block's text.
import { expect } from 'chai';
import { LitElement } from 'lit';
import {
  ReadingHighlightController,
  textRange,
} from '../../src/components/read-aloud-player/reading-highlight-controller.js';
import { Lexicon } from '../../src/speech/lexicon.js';
import { buildScript, type Segment } from '../../src/speech/spoken-script.js';
import { testHost } from '../helpers/test-host.js';

class HighlightHost extends LitElement {
  readonly highlight = new ReadingHighlightController(this);
}
const hosts = testHost('highlight-host', HighlightHost);

const SENTENCE = 'read-aloud-sentence';
const WORD = 'read-aloud-word';

/** Segments: 0 "Title", 1 "First sentence here.", 2 "Second sentence follows it.", 3 "Another block." */
function fixture() {
  const article = document.createElement('article');
  article.lang = 'en';
  article.innerHTML =
    '<h1>Title</h1><p>First sentence here. Second <em>sentence</em> follows it.</p><p>Another block.</p>';
  document.body.append(article);
  const segments = buildScript(article, new Lexicon(), 'en').segments;
  const host = hosts.add();
  return { article, segments, host, markup: article.innerHTML };
}

/** The text of each range in a named highlight, or undefined when there is none. */
function marked(name: string) {
  const highlight = CSS.highlights.get(name);
  return highlight && [...highlight].map((range) => (range as Range).toString());
}

/** The span of `word` in a segment's block, as the engine's word boundary reports it. */
function wordIn(segment: Segment, word: string) {
  const start = segment.block.textContent!.indexOf(word, segment.start);
  return { start, end: start + word.length };
}

const reading = () => [...document.querySelectorAll('[data-reading]')].map((element) => element.textContent);

describe('ReadingHighlightController', () => {
  let page: ReturnType<typeof fixture>;
  afterEach(() => {
    page.article.remove();
    page.host.remove();
    if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.clear();
  });

  it('builds the fixture it expects', () => {
    page = fixture();
    expect(page.segments.map((s) => s.spoken)).to.deep.equal([
      'Title',
      'First sentence here.',
      'Second sentence follows it.',
      'Another block.',
    ]);
  });

  describe('with the CSS Custom Highlight API', () => {
    before(function () {
      if (!('highlights' in CSS)) this.skip();
    });
    beforeEach(() => {
      page = fixture();
    });

    it('marks the sentence being read without touching the article’s DOM, and gives its range', () => {
      const range = page.host.highlight.show(page.segments[2], undefined, 'sentence');
      expect(marked(SENTENCE)).to.deep.equal(['Second sentence follows it.']);
      expect(range!.toString()).to.equal('Second sentence follows it.');
      expect(marked(WORD)).to.equal(undefined);
      expect(page.article.innerHTML).to.equal(page.markup);
      expect(reading()).to.deep.equal([]);
    });

    it('marks the word being spoken too, in word mode, across the article’s own elements', () => {
      const segment = page.segments[2];
      page.host.highlight.show(segment, wordIn(segment, 'sentence'), 'word');
      expect(marked(SENTENCE)).to.deep.equal(['Second sentence follows it.']);
      expect(marked(WORD)).to.deep.equal(['sentence']);
      page.host.highlight.show(segment, wordIn(segment, 'follows'), 'word');
      expect(marked(WORD)).to.deep.equal(['follows']);
      expect(page.article.innerHTML).to.equal(page.markup);
    });

    it('marks the sentence alone where the engine reports no words, or in sentence mode', () => {
      const segment = page.segments[1];
      page.host.highlight.show(segment, undefined, 'word');
      expect(marked(SENTENCE)).to.deep.equal(['First sentence here.']);
      expect(marked(WORD)).to.equal(undefined);
      page.host.highlight.show(segment, wordIn(segment, 'here'), 'sentence');
      expect(marked(SENTENCE)).to.deep.equal(['First sentence here.']);
      expect(marked(WORD)).to.equal(undefined);
    });

    it('marks nothing with the highlight off, but still gives the sentence’s range to scroll to', () => {
      const segment = page.segments[2];
      const range = page.host.highlight.show(segment, wordIn(segment, 'follows'), 'off');
      expect(range!.toString()).to.equal('Second sentence follows it.');
      expect(marked(SENTENCE)).to.equal(undefined);
      expect(marked(WORD)).to.equal(undefined);
    });

    it('moves the marks as reading moves on, and removes them when reading stops or its host leaves', () => {
      const { host, segments } = page;
      host.highlight.show(segments[2], wordIn(segments[2], 'it'), 'word');
      host.highlight.show(segments[3], undefined, 'word');
      expect(marked(SENTENCE)).to.deep.equal(['Another block.']);
      expect(marked(WORD)).to.equal(undefined);
      expect(host.highlight.show(undefined, undefined, 'word')).to.equal(undefined);
      expect(marked(SENTENCE)).to.equal(undefined);
      host.highlight.show(segments[1], wordIn(segments[1], 'First'), 'word');
      host.highlight.clear();
      expect([marked(SENTENCE), marked(WORD)]).to.deep.equal([undefined, undefined]);
      host.highlight.show(segments[1], wordIn(segments[1], 'First'), 'word');
      host.remove();
      expect([marked(SENTENCE), marked(WORD)]).to.deep.equal([undefined, undefined]);
    });
  });

  describe('without the CSS Custom Highlight API', () => {
    const saved = Object.getOwnPropertyDescriptor(window, 'Highlight');
    beforeEach(() => {
      delete (window as unknown as Record<string, unknown>).Highlight;
      page = fixture();
    });
    afterEach(() => {
      if (saved) Object.defineProperty(window, 'Highlight', saved);
    });

    it('marks the whole block being read, and still gives the sentence’s range', () => {
      const range = page.host.highlight.show(page.segments[2], wordIn(page.segments[2], 'follows'), 'word');
      expect(range!.toString()).to.equal('Second sentence follows it.');
      expect(reading()).to.deep.equal(['First sentence here. Second sentence follows it.']);
      if ('highlights' in CSS) expect(CSS.highlights.size).to.equal(0);
    });

    it('moves the mark to the next block, and removes it with the highlight off, when reading stops, or when its host leaves', () => {
      const { host, segments } = page;
      host.highlight.show(segments[1], undefined, 'sentence');
      host.highlight.show(segments[3], undefined, 'sentence');
      expect(reading()).to.deep.equal(['Another block.']);
      host.highlight.show(segments[3], undefined, 'off');
      expect(reading()).to.deep.equal([]);
      host.highlight.show(segments[0], undefined, 'sentence');
      expect(reading()).to.deep.equal(['Title']);
      host.highlight.show(undefined, undefined, 'sentence');
      expect(reading()).to.deep.equal([]);
      host.highlight.show(segments[0], undefined, 'sentence');
      host.highlight.clear();
      expect(reading()).to.deep.equal([]);
      host.highlight.show(segments[0], undefined, 'sentence');
      host.remove();
      expect(reading()).to.deep.equal([]);
    });
  });
});

describe('textRange', () => {
  const block = document.createElement('p');
  block.innerHTML = 'One <em>two <strong>three</strong></em> four.';

  it('spans any part of a block’s text, across its elements', () => {
    const text = block.textContent!;
    for (const part of ['One', 'two three', 'three', 'e four', 'four.', text]) {
      const start = text.indexOf(part);
      expect(textRange(block, start, start + part.length).toString(), part).to.equal(part);
    }
  });

  it('spans the whole block when asked for more text than it has', () => {
    expect(textRange(block, 4, 500).toString()).to.equal('One two three four.');
  });
});
