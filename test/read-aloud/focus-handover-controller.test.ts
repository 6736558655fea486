// FocusHandoverController on a tiny host that swaps one button for another, as the player swaps
// Listen for its bar: the new button takes focus after the render, the old one stays on screen
// until the focus has settled (then goes), and focus is never left on nothing.
import { expect } from 'chai';
import { html, LitElement, nothing } from 'lit';
import { FocusHandoverController } from '../../src/components/read-aloud-player/focus-handover-controller.js';
import { FOCUS_SETTLE_MS } from '../../src/focus-handover.js';
import { updates, until } from '../helpers/waiting.js';
import { testHost } from '../helpers/test-host.js';

class SwapHost extends LitElement {
  readonly focusMove = new FocusHandoverController<'old'>(this);
  swapped = false;
  override render() {
    return html`${!this.swapped || this.focusMove.keeps('old') ? html`<button class="old">Listen</button>` : nothing}
      ${this.swapped ? html`<button class="new">Pause</button>` : nothing}`;
  }
  swap(keep?: 'old') {
    this.swapped = true;
    this.focusMove.handOver('.new', keep);
  }
}
const hosts = testHost('swap-host', SwapHost);

const focused = (host: SwapHost) => host.shadowRoot!.activeElement;

describe('FocusHandoverController', () => {
  afterEach(() => hosts.removeAll());

  it('focuses the new control after the render, keeps the old one until the focus has settled, then lets it go', async () => {
    const host = await hosts.rendered();
    host.shadowRoot!.querySelector<HTMLButtonElement>('.old')!.focus();
    host.swap('old');
    await host.updateComplete;
    expect(focused(host)?.className).to.equal('new');
    expect(host.shadowRoot!.querySelector('.old'), 'the old control waits for the focus to settle').to.not.equal(null);
    await until(
      () => host.shadowRoot!.querySelector('.old') === null,
      `the old control to go after about ${FOCUS_SETTLE_MS} ms`,
      updates(host),
    );
    expect(focused(host)?.className, 'focus stays on the new control').to.equal('new');
  });

  it('moves focus without keeping anything when nothing is to go', async () => {
    const host = await hosts.rendered();
    host.swap();
    await host.updateComplete;
    expect(focused(host)?.className).to.equal('new');
    expect(host.focusMove.keeps('old')).to.equal(false);
    expect(host.shadowRoot!.querySelector('.old')).to.equal(null);
  });

  it('does nothing on renders without a handover', async () => {
    const host = await hosts.rendered();
    host.requestUpdate();
    await host.updateComplete;
    expect(focused(host)).to.equal(null);
  });
});
