// DockingController on a tiny host: whether a bar of a given height docks in this window,
// the room it leaves on the root for the page (padding and scroll-padding) and its height on
// its users, and how it follows the bar and the window.
import { expect } from 'chai';
import { html, LitElement, nothing } from 'lit';
import { DockingController } from '../../src/controllers/docking-controller.js';
import { resizes, until } from '../helpers/waiting.js';
import { testHost } from '../helpers/test-host.js';

const PROPERTY = '--test-bar-height';

class DockingHost extends LitElement {
  static override properties = { showBar: { type: Boolean } };
  showBar = true;
  /** The bar's height as first rendered, in CSS px. */
  barHeight = 10;
  readonly docking = new DockingController(this, {
    element: () => this.bar(),
    maxShare: 0.3,
    property: PROPERTY,
    users: () => [user],
  });

  bar() {
    return this.renderRoot.querySelector<HTMLElement>('.bar');
  }

  override render() {
    return this.showBar
      ? html`<div class="bar ${this.docking.docked ? 'docked' : ''}" style="height: ${this.barHeight}px"></div>`
      : nothing;
  }
}
const hosts = testHost('docking-host', DockingHost);

/** Waits until the host has no update pending (docking can ask for one after an update). */
async function settled(host: DockingHost) {
  for (let i = 0; i < 10; i++) if (await host.updateComplete) return;
  throw new Error('the host never settled');
}

async function hostWithBar(height: number) {
  const host = new DockingHost();
  host.barHeight = height;
  document.body.append(host);
  await settled(host);
  return host;
}

/** An element whose styles read the bar's height (the settings sheet, on the page). */
const user = document.createElement('div');
/** The room left for the bar, checked to be the same everywhere it is left. */
function rootProperty() {
  const root = document.documentElement.style;
  const room = [root.paddingBottom, root.scrollPaddingBottom, user.style.getPropertyValue(PROPERTY)];
  expect(new Set(room).size, `padding ${room[0]}, scroll-padding ${room[1]}, on its users ${room[2]}`).to.equal(1);
  return room[0];
}
/** The largest whole height that is still no more than 30% of the window. */
const mostDocked = () => Math.floor(window.innerHeight * 0.3);

describe('DockingController', () => {
  afterEach(() => {
    hosts.removeAll();
  });

  it('docks a bar that takes up to 30% of the window, and leaves its height on the root', async () => {
    const host = await hostWithBar(mostDocked());
    expect(host.docking.docked).to.equal(true);
    expect(host.bar()!.classList.contains('docked')).to.equal(true);
    expect(rootProperty()).to.equal(`${mostDocked()}px`);
  });

  it('leaves a taller bar undocked, with no height on the root', async () => {
    const host = await hostWithBar(mostDocked() + 2);
    expect(host.docking.docked).to.equal(false);
    expect(host.bar()!.classList.contains('docked')).to.equal(false);
    expect(rootProperty()).to.equal('');
  });

  it('rounds a fractional height up, so the room left is never short', async () => {
    const host = await hostWithBar(40.25);
    expect(host.docking.docked).to.equal(true);
    expect(rootProperty()).to.equal('41px');
  });

  it('follows the bar as it grows and shrinks', async () => {
    const host = await hostWithBar(20);
    host.bar()!.style.height = `${mostDocked() + 20}px`;
    await until(() => !host.docking.docked, 'the grown bar to undock', resizes(host.bar()!));
    await settled(host);
    expect(host.bar()!.classList.contains('docked')).to.equal(false);
    expect(rootProperty()).to.equal('');
    host.bar()!.style.height = '30px';
    await until(() => host.docking.docked, 'the shrunk bar to dock again', resizes(host.bar()!));
    await settled(host);
    expect(host.bar()!.classList.contains('docked')).to.equal(true);
    expect(rootProperty()).to.equal('30px');
  });

  it('measures a new bar each time one is shown, and clears the height when it goes', async () => {
    const host = await hostWithBar(25);
    host.showBar = false;
    await settled(host);
    expect(rootProperty()).to.equal('');
    host.barHeight = 35;
    host.showBar = true;
    await settled(host);
    expect(rootProperty()).to.equal('35px');
    // The new bar is watched too.
    host.bar()!.style.height = '45px';
    await until(() => rootProperty() === '45px', 'the new bar’s height', resizes(host.bar()!));
  });

  it('clears the height on the root when its host leaves the page', async () => {
    const host = await hostWithBar(25);
    expect(rootProperty()).to.equal('25px');
    host.remove();
    expect(rootProperty()).to.equal('');
  });

  describe('without ResizeObserver', () => {
    const saved = window.ResizeObserver;
    beforeEach(() => {
      (window as unknown as Record<string, unknown>).ResizeObserver = undefined;
    });
    afterEach(() => {
      window.ResizeObserver = saved;
    });

    it('still docks, and measures again when the window is resized', async () => {
      const host = await hostWithBar(20);
      expect(host.docking.docked).to.equal(true);
      expect(rootProperty()).to.equal('20px');
      host.bar()!.style.height = `${mostDocked() + 20}px`;
      window.dispatchEvent(new Event('resize'));
      expect(host.docking.docked).to.equal(false);
      expect(rootProperty()).to.equal('');
      await settled(host);
      expect(host.bar()!.classList.contains('docked')).to.equal(false);
    });
  });
});
