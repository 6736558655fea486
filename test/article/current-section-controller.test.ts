// CurrentSectionController on a tiny host over a page of tall sections: the current section
// is the last one whose heading has reached the reading line (a third of the way down the
// screen), as the reader scrolls either way; none before the first; it stops following when
// its host leaves the page, and without IntersectionObserver there is simply none.
import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { CurrentSectionController } from '../../src/components/edition-toc/current-section-controller.js';
import { intersectionsComputed, updates, until } from '../helpers/waiting.js';
import { testHost } from '../helpers/test-host.js';

class SectionHost extends LitElement {
  readonly section = new CurrentSectionController(this, () => [
    ...document.querySelectorAll('.test-article section[aria-labelledby]'),
  ]);
  override render() {
    return html`<p>${this.section.current ?? 'none'}</p>`;
  }
}
const hosts = testHost('section-host', SectionHost);

const SECTIONS = ['one', 'two', 'three'];

/** An opening a screen tall, then three sections each a screen and a half tall. */
function article() {
  const element = document.createElement('article');
  element.className = 'test-article';
  element.style.cssText = 'margin: 0; font: 16px/20px sans-serif';
  element.innerHTML = `<div style="height: ${innerHeight}px; margin: 0">Opening</div>`;
  for (const id of SECTIONS) {
    element.insertAdjacentHTML(
      'beforeend',
      `<section aria-labelledby="${id}" style="height: ${1.5 * innerHeight}px; margin: 0"><h2 id="${id}" style="margin: 0">Section ${id}</h2></section>`,
    );
  }
  // Room to scroll the last section wholly past the top.
  element.insertAdjacentHTML('beforeend', `<div style="height: ${2 * innerHeight}px"></div>`);
  document.body.prepend(element);
  return element;
}

const sections = () => [...document.querySelectorAll('.test-article section[aria-labelledby]')];

/** The browser has worked out where the sections stand, after what was last drawn: the controller has heard (see intersectionsComputed). */
const measured = () => intersectionsComputed(...sections());

/** Jumps (as a link or a screen reader moving would) to put the heading of section `id` at `share` of the window's height. */
function scrollHeadingTo(id: string, share: number) {
  const heading = document.getElementById(id)!;
  window.scrollBy({ top: heading.getBoundingClientRect().top - share * innerHeight, behavior: 'instant' });
}

/**
 * Scrolls by a fifth of a screen at a time to put the heading of section `id` at `share`
 * of the window's height, as a reader scrolling by wheel or keys would; each step is drawn.
 */
async function scrollGradually(id: string, share: number) {
  const distance = document.getElementById(id)!.getBoundingClientRect().top - share * innerHeight;
  const steps = Math.ceil(Math.abs(distance) / (0.2 * innerHeight));
  for (let i = 0; i < steps; i++) {
    window.scrollBy({ top: distance / steps, behavior: 'instant' });
    await measured();
  }
}

/**
 * Waits until the host shows `current`: the controller hears where the sections stand after
 * the page is drawn (IntersectionObserver), then the host renders.
 */
async function shows(host: SectionHost, current: string) {
  if ('IntersectionObserver' in window) await measured();
  const shown = () => host.renderRoot.querySelector('p')?.textContent;
  await until(() => !host.isUpdatePending && shown() === current, `“${current}”`, updates(host), 5_000).catch(
    (error: unknown) => {
      expect(shown()).to.equal(current);
      throw error;
    },
  );
}

describe('CurrentSectionController', () => {
  let page: HTMLElement;
  let host: SectionHost;
  beforeEach(() => {
    window.scrollTo({ top: 0, behavior: 'instant' });
    page = article();
  });
  afterEach(() => {
    host.remove();
    page.remove();
    window.scrollTo({ top: 0, behavior: 'instant' });
  });

  const connect = () => (host = hosts.add());

  it('has no current section in the opening, before the first heading', async () => {
    connect();
    await shows(host, 'none');
  });

  it('makes a section current once its heading reaches the reading line, a third of the way down', async () => {
    connect();
    scrollHeadingTo('one', 0.5);
    await shows(host, 'none');
    scrollHeadingTo('one', 0.2);
    await shows(host, 'one');
  });

  it('follows the reader scrolling down and back up, keeping a section current after its heading has gone', async () => {
    connect();
    await scrollGradually('two', 0.1);
    await shows(host, 'two');
    // The heading is off the top, the section still fills the screen.
    await scrollGradually('two', -1);
    await shows(host, 'two');
    await scrollGradually('three', 0);
    await shows(host, 'three');
    // Past the end of the last section, it stays current.
    await scrollGradually('three', -2.5);
    await shows(host, 'three');
    await scrollGradually('one', 0.25);
    await shows(host, 'one');
    await scrollGradually('one', 0.5);
    await shows(host, 'none');
  });

  it('follows a jump back past sections the reader had scrolled through (a contents link, Home, a screen reader moving)', async () => {
    connect();
    await scrollGradually('three', -1);
    await shows(host, 'three');
    // Section two goes from above the screen to below it without ever meeting the reading line.
    scrollHeadingTo('one', 0.1);
    await shows(host, 'one');
    await scrollGradually('three', -1);
    await shows(host, 'three');
    window.scrollTo({ top: 0, behavior: 'instant' });
    await shows(host, 'none');
  });

  it('starts where the reader already is when its host connects', async () => {
    scrollHeadingTo('three', 0.1);
    connect();
    await shows(host, 'three');
  });

  it('stops following when its host leaves the page, and starts again when it comes back', async () => {
    connect();
    scrollHeadingTo('one', 0.1);
    await shows(host, 'one');
    host.remove();
    scrollHeadingTo('three', 0.1);
    // Where the controller would have heard of it, had it still been following.
    await measured();
    expect(host.section.current).to.equal('one');
    expect(host.isUpdatePending).to.equal(false);
    document.body.append(host);
    await shows(host, 'three');
  });

  describe('without IntersectionObserver', () => {
    const saved = Object.getOwnPropertyDescriptor(window, 'IntersectionObserver');
    beforeEach(() => {
      delete (window as unknown as Record<string, unknown>).IntersectionObserver;
    });
    afterEach(() => {
      if (saved) Object.defineProperty(window, 'IntersectionObserver', saved);
    });

    it('has no current section, and the host still renders', async () => {
      expect('IntersectionObserver' in window).to.equal(false);
      scrollHeadingTo('two', 0.1);
      connect();
      await host.updateComplete;
      await shows(host, 'none');
      host.remove();
    });
  });
});
