// FollowReadingController on a tiny host over a tall page: it keeps the sentence being read on
// screen (out of the comfortable band, or under a bar fixed at the bottom, it goes to the
// reading line a third of the way down), stops following when the reader scrolls by
// themselves while listening, and follows again on "Back to reading position".
import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { FollowReadingController } from '../../src/components/read-aloud-player/follow-reading-controller.js';
import { testHost } from '../helpers/test-host.js';

class FollowHost extends LitElement {
  listening = true;
  readonly follow = new FollowReadingController(this, () => this.listening);
  override render() {
    return html`<p>${this.follow.following ? 'following' : 'Back to reading position'}</p>`;
  }
}
const hosts = testHost('follow-host', FollowHost);

/** A page five screens tall with a sentence at `top` (a share of the window's height). */
function page() {
  const tall = document.createElement('div');
  tall.style.cssText = `position: absolute; top: 0; left: 0; width: 100%; height: ${5 * innerHeight}px`;
  document.body.append(tall);
  const sentenceAt = (top: number) => {
    const p = tall.appendChild(document.createElement('p'));
    p.style.cssText = `position: absolute; margin: 0; top: ${Math.round(top * innerHeight)}px; font: 16px/20px sans-serif`;
    p.textContent = `A sentence at ${top} of the window's height.`;
    const range = document.createRange();
    range.selectNodeContents(p);
    return range;
  };
  const host = hosts.add();
  return { tall, host, sentenceAt };
}

/** Where the range's top is, as a share of the window's height. */
const shareDown = (range: Range) => range.getBoundingClientRect().top / innerHeight;

async function shown(host: FollowHost) {
  await host.updateComplete;
  return host.renderRoot.querySelector('p')!.textContent;
}

function key(key: string, from: Element = document.body, modifiers: Partial<KeyboardEventInit> = {}) {
  from.dispatchEvent(new KeyboardEvent('keydown', { key, ...modifiers, bubbles: true, composed: true }));
}

describe('FollowReadingController', () => {
  let on: ReturnType<typeof page>;
  beforeEach(() => {
    on = page();
  });
  afterEach(() => {
    on.tall.remove();
    on.host.remove();
    document.documentElement.style.scrollPaddingBottom = '';
    window.scrollTo({ top: 0, behavior: 'instant' });
  });

  it('brings a sentence below the screen up to the reading line', () => {
    const far = on.sentenceAt(3);
    on.host.follow.reveal(far);
    expect(shareDown(far)).to.be.closeTo(0.3, 0.01);
  });

  it('brings a sentence above the comfortable band down to the reading line', () => {
    const sentence = on.sentenceAt(2);
    window.scrollTo({ top: 1.95 * innerHeight, behavior: 'instant' });
    expect(shareDown(sentence)).to.be.closeTo(0.05, 0.01);
    on.host.follow.reveal(sentence);
    expect(shareDown(sentence)).to.be.closeTo(0.3, 0.01);
  });

  it('leaves a sentence in the comfortable band where it is', () => {
    on.host.follow.reveal(on.sentenceAt(0.4));
    on.host.follow.reveal(on.sentenceAt(0.6));
    expect(scrollY).to.equal(0);
  });

  it('counts a bar fixed over the bottom of the screen as out of view', () => {
    const sentence = on.sentenceAt(0.5);
    // The room the page keeps for the docked bar (DockingController).
    document.documentElement.style.scrollPaddingBottom = `${Math.round(0.3 * innerHeight)}px`;
    on.host.follow.reveal(sentence);
    expect(shareDown(sentence)).to.be.closeTo(0.3, 0.01);
  });

  it('stops following when the reader scrolls while listening, and follows again when asked', async () => {
    const sentence = on.sentenceAt(0.5);
    expect(await shown(on.host)).to.equal('following');
    window.dispatchEvent(new WheelEvent('wheel', { deltaY: 100 }));
    expect(on.host.follow.following).to.equal(false);
    expect(await shown(on.host)).to.equal('Back to reading position');
    on.host.follow.reveal(on.sentenceAt(3));
    expect(scrollY).to.equal(0);

    // Back to reading: follows again, and brings the sentence to the reading line even from the band.
    on.host.follow.backToReading(sentence);
    expect(await shown(on.host)).to.equal('following');
    expect(shareDown(sentence)).to.be.closeTo(0.3, 0.01);
  });

  it('stops following when the reader drags the page by touch', () => {
    window.dispatchEvent(new Event('touchmove'));
    expect(on.host.follow.following).to.equal(false);
  });

  it('stops following for the keys that scroll the page, pressed outside a control', () => {
    for (const scrolling of ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', ' ']) {
      on.host.follow.backToReading(undefined);
      key(scrolling);
      expect(on.host.follow.following, `“${scrolling}”`).to.equal(false);
    }
  });

  it('keeps following for other keys, scrolling keys with a modifier, and keys pressed in a control', () => {
    const controls = ['input', 'select', 'textarea', 'button'].map((tag) =>
      on.tall.appendChild(document.createElement(tag)),
    );
    const editable = on.tall.appendChild(document.createElement('div'));
    editable.contentEditable = 'true';
    const inShadow = on.tall
      .appendChild(document.createElement('div'))
      .attachShadow({ mode: 'open' })
      .appendChild(document.createElement('input'));
    key('a');
    key('Tab');
    key('ArrowDown', document.body, { altKey: true });
    key('End', document.body, { ctrlKey: true });
    key('PageDown', document.body, { metaKey: true });
    for (const control of [...controls, editable, inShadow]) key('ArrowDown', control);
    expect(on.host.follow.following).to.equal(true);
  });

  it('keeps following when the reader scrolls while not listening', () => {
    on.host.listening = false;
    window.dispatchEvent(new WheelEvent('wheel', { deltaY: 100 }));
    key('PageDown');
    expect(on.host.follow.following).to.equal(true);
  });

  it('stops listening for the reader’s scrolling when its host leaves the page', () => {
    on.host.remove();
    window.dispatchEvent(new WheelEvent('wheel', { deltaY: 100 }));
    window.dispatchEvent(new Event('touchmove'));
    key('PageDown');
    expect(on.host.follow.following).to.equal(true);
    document.body.append(on.host);
    key('PageDown');
    expect(on.host.follow.following).to.equal(false);
  });

  it('does nothing with no sentence to show', () => {
    on.host.follow.reveal(undefined);
    on.host.follow.reveal(undefined, true);
    expect(scrollY).to.equal(0);
  });
});
