// RevealFocusController on tiny hosts, under a bar fixed over the bottom of the screen (the
// docked read-aloud bar) with the page's scroll-padding leaving room for it: whatever takes
// focus, in the host's shadow root or (with `wholePage`) anywhere on the page, is scrolled
// wholly on screen and clear of the bar (WCAG 2.4.11, 2.4.12), including inside a scroller.
// Focus is moved with `preventScroll`, so any scrolling seen is the controller's, not the browser's.
import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { RevealFocusController } from '../../src/controllers/reveal-focus-controller.js';
import { animationFrames, events, until } from '../helpers/waiting.js';

class RevealHost extends LitElement {
  readonly reveal = new RevealFocusController(this);
  override render() {
    return html`<button type="button" style="height: 50px">In the host</button>`;
  }
  get button() {
    return this.renderRoot.querySelector('button')!;
  }
}
customElements.define('reveal-host', RevealHost);

/** The read-aloud player's use: the whole page, not only its own controls. */
class RevealPageHost extends LitElement {
  readonly reveal = new RevealFocusController(this, { wholePage: true });
}
customElements.define('reveal-page-host', RevealPageHost);

declare global {
  interface HTMLElementTagNameMap {
    'reveal-host': RevealHost;
    'reveal-page-host': RevealPageHost;
  }
}

const BAR = 120;

/** A page four screens tall with a bar over the bottom, and its scroll-padding. */
function page() {
  const tall = document.createElement('div');
  tall.style.cssText = `position: absolute; top: 0; left: 0; width: 100%; height: ${4 * innerHeight}px`;
  const bar = document.createElement('div');
  bar.style.cssText = `position: fixed; bottom: 0; left: 0; width: 100%; height: ${BAR}px; background: black`;
  document.body.append(tall, bar);
  document.documentElement.style.scrollPaddingBottom = `${BAR}px`;
  /** Puts an element on the page, `top` px from the top of it. */
  const at = <T extends HTMLElement>(element: T, top: number) => {
    element.style.position = 'absolute';
    element.style.top = `${top}px`;
    return tall.appendChild(element);
  };
  return { tall, bar, at };
}

/** Whether an element is wholly on screen, above the bar. */
function clearOfTheBar(element: Element) {
  const rect = element.getBoundingClientRect();
  return rect.top >= 0 && rect.bottom <= innerHeight - BAR + 1;
}

/** The page scrolling: the controller scrolls in the first frame after focus moves. */
const scrolls = events(window, 'scroll');

const button = (text: string) => Object.assign(document.createElement('button'), { type: 'button', textContent: text });

describe('RevealFocusController', () => {
  let on: ReturnType<typeof page>;
  beforeEach(() => {
    on = page();
  });
  afterEach(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    on.tall.remove();
    on.bar.remove();
    document.documentElement.style.removeProperty('scroll-padding-bottom');
    window.scrollTo({ top: 0, behavior: 'instant' });
  });

  it('scrolls a control in its shadow root out from under the bar', async () => {
    const host = on.at(document.createElement('reveal-host'), innerHeight - 100);
    await host.updateComplete;
    expect(clearOfTheBar(host.button)).to.equal(false);
    host.button.focus({ preventScroll: true });
    await until(() => clearOfTheBar(host.button), 'the focused control to clear the bar', scrolls, 5_000);
  });

  it('scrolls a control below the screen wholly into view, and no further', async () => {
    const host = on.at(document.createElement('reveal-host'), 2 * innerHeight);
    await host.updateComplete;
    host.button.focus({ preventScroll: true });
    await until(() => clearOfTheBar(host.button), 'the focused control to come on screen', scrolls, 5_000);
    // "Nearest": the control comes just clear of the bar, not to the top of the screen.
    expect(host.button.getBoundingClientRect().bottom).to.be.closeTo(innerHeight - BAR, 2);
  });

  it('leaves the rest of the page alone, unless asked to watch the whole page', async () => {
    const host = on.at(document.createElement('reveal-host'), 0);
    const outside = on.at(button('On the page'), 2 * innerHeight);
    await host.updateComplete;
    outside.focus({ preventScroll: true });
    // The frame in which a controller watching the page would have scrolled.
    await animationFrames(1);
    expect(scrollY).to.equal(0);

    on.at(document.createElement('reveal-page-host'), 0);
    outside.blur();
    outside.focus({ preventScroll: true });
    await until(() => clearOfTheBar(outside), 'the page’s focused control to come on screen', scrolls, 5_000);
  });

  it('reveals the control focused inside another component, not that whole component', async () => {
    on.at(document.createElement('reveal-page-host'), 0);
    const component = on.at(document.createElement('div'), 0);
    const inside = component.attachShadow({ mode: 'open' });
    inside.innerHTML = `<div style="height: ${2.5 * innerHeight}px"></div><button type="button">Deep inside</button>`;
    const deep = inside.querySelector('button')!;
    deep.focus({ preventScroll: true });
    await until(() => clearOfTheBar(deep), 'the control inside the component to come on screen', scrolls, 5_000);
  });

  it('scrolls the scroller a focused link sits in (the contents sidebar), not the page', async () => {
    on.at(document.createElement('reveal-page-host'), 0);
    const sidebar = on.at(document.createElement('nav'), 0);
    sidebar.style.cssText += '; height: 200px; width: 300px; overflow: auto';
    const list = sidebar.appendChild(document.createElement('div'));
    list.style.height = '1000px';
    const link = Object.assign(list.appendChild(document.createElement('a')), {
      href: '#there',
      textContent: 'A section',
    });
    link.style.cssText = 'position: absolute; top: 600px; display: block; height: 30px';
    list.style.position = 'relative';
    link.focus({ preventScroll: true });
    await until(() => sidebar.scrollTop > 0, 'the sidebar to scroll', events(sidebar, 'scroll'), 5_000);
    const box = sidebar.getBoundingClientRect();
    const rect = link.getBoundingClientRect();
    expect(rect.top).to.be.at.least(box.top);
    expect(rect.bottom).to.be.at.most(box.bottom + 1);
    expect(scrollY).to.equal(0);
  });

  it('stops watching when its host leaves the page', async () => {
    const host = on.at(document.createElement('reveal-page-host'), 0);
    const outside = on.at(button('On the page'), 2 * innerHeight);
    host.remove();
    outside.focus({ preventScroll: true });
    // The frame in which it would have scrolled, had it still been watching.
    await animationFrames(1);
    expect(scrollY).to.equal(0);
    // Back on the page, it watches again.
    on.tall.append(host);
    outside.blur();
    outside.focus({ preventScroll: true });
    await until(() => clearOfTheBar(outside), 'the focused control to come on screen', scrolls, 5_000);
  });
});
