// TapToSeekController on a tiny host over a small article and contents: which clicks move
// reading, to where, and which keep their usual meaning.
import { expect } from 'chai';
import { LitElement } from 'lit';
import { TapToSeekController } from '../../src/components/read-aloud-player/tap-to-seek-controller.js';
import { Lexicon } from '../../src/speech/lexicon.js';
import { buildScript, type SpokenScript } from '../../src/speech/spoken-script.js';
import { pointAt } from '../helpers/word-point.js';
import { testHost } from '../helpers/test-host.js';

class TapHost extends LitElement {
  article?: Element;
  contents?: Element;
  script?: SpokenScript;
  listening = true;
  seeks: number[] = [];
  readonly tap = new TapToSeekController(this, {
    article: () => this.article,
    contents: () => this.contents,
    listening: () => (this.listening ? this.script : undefined),
    seek: (index) => this.seeks.push(index),
  });
}
testHost('tap-host', TapHost);

/**
 * Segments: 0 "Title", 1 "First sentence here.", 2 "Second sentence follows it.",
 * 3 "Section: Café society", 4 "Third sentence with a link.", 5 "Open me" (a disclosure's summary
 * is read), 6 "Hidden answer."
 */
async function fixture() {
  const box = document.createElement('div');
  box.style.cssText =
    'position: fixed; top: 0; left: 0; z-index: 10; width: 600px; background: white; font: 16px/20px sans-serif';
  box.innerHTML = `
    <nav><a href="#caf%C3%A9">Café society</a> <a href="#nowhere">Nowhere</a> <a href="https://example.org/#x">Elsewhere</a></nav>
    <article lang="en">
      <h1>Title</h1>
      <p>First sentence here. Second <em>sentence</em> follows it.</p>
      <section>
        <h2 id="café">Café society</h2><listen-here><button type="button">Listen from here</button></listen-here>
        <p>Third sentence with <a href="#x">a link</a>.</p>
        <details><summary>Open me</summary><p>Hidden answer.</p></details>
      </section>
    </article>
    <p class="outside">Not in the article.</p>`;
  // Links here only stand for links: keep the test page where it is.
  box.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) event.preventDefault();
  });
  document.body.append(box);
  const article = box.querySelector('article')!;
  const host = new TapHost();
  host.article = article;
  host.contents = box.querySelector('nav')!;
  host.script = buildScript(article, new Lexicon(), 'en');
  document.body.append(host);
  await host.updateComplete;
  return { box, host, article };
}

/** Clicks the middle of a word, as a tap there would (the event goes to the element under it). */
function clickWord(within: Element, word: string) {
  const { x, y, target } = pointAt(within, word);
  target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, clientX: x, clientY: y }));
}

describe('TapToSeekController', () => {
  let page: Awaited<ReturnType<typeof fixture>>;
  beforeEach(async () => {
    page = await fixture();
  });
  afterEach(() => {
    page.box.remove();
    page.host.remove();
    window.getSelection()?.removeAllRanges();
  });

  it('builds the fixture it expects', () => {
    expect(page.host.script!.segments.map((s) => s.spoken)).to.deep.equal([
      'Title',
      'First sentence here.',
      'Second sentence follows it.',
      'Section: Café society',
      'Third sentence with a link.',
      'Open me',
      'Hidden answer.',
    ]);
  });

  it('moves reading to the sentence clicked in the article', () => {
    clickWord(page.article, 'here');
    clickWord(page.article, 'follows');
    clickWord(page.article.querySelector('em')!, 'sentence');
    clickWord(page.article, 'Title');
    clickWord(page.article, 'Third');
    expect(page.host.seeks).to.deep.equal([1, 2, 2, 0, 4]);
  });

  it('moves reading to the section of a contents link, and not for a link to elsewhere', () => {
    const nav = page.box.querySelector('nav')!;
    clickWord(nav, 'Café');
    clickWord(nav, 'Nowhere');
    clickWord(nav, 'Elsewhere');
    expect(page.host.seeks).to.deep.equal([3]);
  });

  it('leaves links, buttons, "Listen from here" and disclosures in the article to themselves', () => {
    clickWord(page.article, 'link');
    clickWord(page.article, 'Listen');
    clickWord(page.article, 'Open');
    expect(page.host.seeks).to.deep.equal([]);
  });

  it('leaves a click that ends a text selection to the selection', () => {
    const text = page.article.querySelector('p')!.firstChild!;
    window.getSelection()!.setBaseAndExtent(text, 0, text, 5);
    clickWord(page.article, 'follows');
    expect(page.host.seeks).to.deep.equal([]);
    window.getSelection()!.collapseToStart();
    clickWord(page.article, 'follows');
    expect(page.host.seeks).to.deep.equal([2]);
  });

  it('leaves clicks outside the article alone', () => {
    clickWord(page.box.querySelector('.outside')!, 'article');
    expect(page.host.seeks).to.deep.equal([]);
  });

  it('listens only while listening, and not once its host has left the page', async () => {
    // Chromium calls every element under a click listener "clickable": the listener must go.
    const nav = page.box.querySelector('nav')!;
    const released: Element[] = [];
    for (const element of [page.article, nav]) {
      const remove = element.removeEventListener.bind(element);
      element.removeEventListener = (
        type: string,
        listener: EventListenerOrEventListenerObject,
        options?: boolean | EventListenerOptions,
      ) => {
        if (type === 'click') released.push(element);
        remove(type, listener, options);
      };
    }
    page.host.listening = false;
    page.host.requestUpdate();
    await page.host.updateComplete;
    clickWord(page.article, 'follows');
    clickWord(page.box.querySelector('nav')!, 'Café');
    expect(page.host.seeks).to.deep.equal([]);
    expect(released).to.deep.equal([page.article, nav]);
    page.host.listening = true;
    page.host.requestUpdate();
    await page.host.updateComplete;
    clickWord(page.article, 'follows');
    expect(page.host.seeks).to.deep.equal([2]);
    page.host.remove();
    clickWord(page.article, 'follows');
    expect(page.host.seeks).to.deep.equal([2]);
  });
});
