// NarrowController on a tiny host: whether a bar is narrower than 40 of its own ems (its content
// box, as a container query measures it), and how it follows the bar's width and text size.
import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { NarrowController } from '../../src/components/read-aloud-player/narrow-controller.js';
import { resizes, until } from '../helpers/waiting.js';
import { testHost } from '../helpers/test-host.js';

class NarrowHost extends LitElement {
  readonly narrowing = new NarrowController(this, { element: () => this.bar(), ems: 40 });

  bar() {
    return this.renderRoot.querySelector<HTMLElement>('.bar');
  }

  override render() {
    // 40em of 16px is 640px of content; the padding is not counted.
    return html`<div class="bar ${this.narrowing.narrow ? 'narrow' : ''}" style="font-size: 16px; padding: 0 20px; box-sizing: border-box; width: 660px"></div>`;
  }
}
const hosts = testHost('narrow-host', NarrowHost);

describe('NarrowController', () => {
  afterEach(() => hosts.removeAll());

  it('is narrow below 40 of the bar’s ems of content, not at them, and renders the host again when that changes', async () => {
    const host = await hosts.rendered();
    const bar = host.bar()!;
    // 660px less 40px of padding: 620px of content, under 640.
    await until(() => host.narrowing.narrow, 'a 620px bar to be narrow', resizes(bar));
    await host.updateComplete;
    expect(bar.classList.contains('narrow')).to.equal(true);
    bar.style.width = '680px';
    await until(() => !host.narrowing.narrow, 'a 640px bar to be wide', resizes(bar));
    await host.updateComplete;
    expect(bar.classList.contains('narrow')).to.equal(false);
  });

  it('follows the text size: larger text makes the same bar narrow', async () => {
    const host = await hosts.rendered();
    const bar = host.bar()!;
    bar.style.width = '1000px';
    await until(() => !host.narrowing.narrow, 'a 960px bar to be wide', resizes(bar));
    // 960px is under 40em at 25px. On the page larger text also makes the bar taller, which the
    // observer sees; this empty bar keeps its height, so its width moves a pixel to the same end.
    bar.style.fontSize = '25px';
    bar.style.width = '1001px';
    await until(() => host.narrowing.narrow, 'the bar at 25px text to be narrow', resizes(bar));
  });
});
