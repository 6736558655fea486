// The conformance suite's checks under system settings only Chromium can emulate here:
// Windows-style forced colours, and the system's reduced-motion preference.
import { expect } from 'chai';
import { axeViolations } from '../helpers/axe.js';
import { layoutProblems } from '../helpers/layout.js';
import { emulateMediaFeatures, resetMediaFeatures } from '../helpers/media.js';
import { playerOf } from '../helpers/player.js';
import { highlighted } from '../helpers/speech.js';
import { leaveState, openInState, STATES } from '../helpers/states.js';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 320, height: 256 },
];

describe('conformance under forced colours and reduced motion (Chromium)', function () {
  this.timeout(120_000);
  afterEach(async () => {
    leaveState();
    await resetMediaFeatures();
  });

  for (const viewport of VIEWPORTS) {
    for (const state of STATES.filter((s) =>
      [
        'default',
        'settings panel open',
        'offline details open',
        'player playing',
        'player paused, options open',
      ].includes(s.name),
    )) {
      it(`forced colours, ${state.name} at ${viewport.width}×${viewport.height}: axe and reflow`, async () => {
        await emulateMediaFeatures({ 'forced-colors': 'active' });
        const edition = await openInState(state, viewport);
        expect(edition.win.matchMedia('(forced-colors: active)').matches).to.equal(true);
        const violations = await axeViolations(edition);
        expect(violations, `\n${violations}`).to.equal('');
        expect(layoutProblems(edition)).to.deep.equal([]);
      });
    }
  }

  it('forced colours keep the reading highlight, using the system colours', async () => {
    await emulateMediaFeatures({ 'forced-colors': 'active' });
    const edition = await openInState(
      STATES.find((s) => s.name === 'player playing')!,
      VIEWPORTS[0],
    );
    expect(highlighted(edition)).to.match(/^After 31 Years/);
    const sheet = [...edition.doc.styleSheets]
      .flatMap((s) => [...s.cssRules])
      .map((r) => r.cssText)
      .join('\n');
    expect(sheet).to.match(/::highlight\(read-aloud-sentence\)\s*\{[^}]*background-color: mark/i);
    expect(playerOf(edition).bar()).to.not.equal(null);
  });

  for (const how of ['system setting', 'in-page switch']) {
    it(`with reduced motion (${how}), nothing animates and scrolling is instant`, async () => {
      if (how === 'system setting') await emulateMediaFeatures({ 'prefers-reduced-motion': 'reduce' });
      const state =
        how === 'system setting'
          ? STATES.find((s) => s.name === 'player playing')!
          : { ...STATES.find((s) => s.name === 'player playing')!, settings: { reduceMotion: true } };
      const edition = await openInState(state, VIEWPORTS[0]);
      const player = playerOf(edition);
      // Open and close what can open, then look for any running animation or transition.
      player.button('more')!.click();
      edition.doc
        .querySelector('reading-settings-panel')!
        .shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!
        .click();
      await player.rendered();
      expect(edition.doc.getAnimations()).to.deep.equal([]);
      expect(edition.win.getComputedStyle(edition.doc.documentElement).scrollBehavior).to.equal('auto');
      const before = edition.win.scrollY;
      edition.doc.querySelector<HTMLAnchorElement>('nav a[href="#faq"]')!.click();
      // Instant: the page is there at once, not a frame later.
      expect(edition.win.scrollY).to.be.greaterThan(before + 1000);
    });
  }
});
