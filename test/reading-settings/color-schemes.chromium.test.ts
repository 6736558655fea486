import { expect } from 'chai';
import { axeViolations } from '../helpers/axe.js';
import { openEdition } from '../helpers/edition.js';
import { emulateMediaFeatures, resetMediaFeatures } from '../helpers/media.js';
import { check, openPanel } from '../helpers/settings.js';
import { startEachTestAfresh } from '../helpers/storage.js';

describe('system colour schemes (Chromium media emulation)', () => {
  startEachTestAfresh();
  afterEach(resetMediaFeatures);

  for (const width of [1280, 320]) {
    it(`has no axe violations in dark mode at ${width} CSS px`, async () => {
      await emulateMediaFeatures({ 'prefers-color-scheme': 'dark' });
      const edition = await openEdition({ width });
      expect(edition.win.matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
      const background = edition.win.getComputedStyle(edition.doc.documentElement).backgroundColor;
      expect(background).to.equal('rgb(21, 22, 26)');
      const violations = await axeViolations(edition);
      expect(violations, `\n${violations}`).to.equal('');
    });
  }

  it('has no axe violations in forced-colours mode, with the settings panel open and line focus on', async () => {
    await emulateMediaFeatures({ 'forced-colors': 'active' });
    const edition = await openEdition();
    expect(edition.win.matchMedia('(forced-colors: active)').matches).to.equal(true);
    await openPanel(edition);
    await check(edition, 'lineFocus', true);
    const violations = await axeViolations(edition);
    expect(violations, `\n${violations}`).to.equal('');
    // The line-focus band keeps its edges in the system highlight colour instead of dimming.
    const above = edition.doc.querySelector('line-focus')!.shadowRoot!.querySelector('.above')!;
    const style = edition.win.getComputedStyle(above);
    expect(style.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(style.borderBottomStyle).to.equal('solid');
  });

  it('does not animate scrolling when the reader prefers reduced motion', async () => {
    await emulateMediaFeatures({ 'prefers-reduced-motion': 'reduce' });
    const { doc, win } = await openEdition();
    expect(win.getComputedStyle(doc.documentElement).scrollBehavior).to.equal('auto');
    await emulateMediaFeatures({ 'prefers-reduced-motion': 'no-preference' });
    expect(win.getComputedStyle(doc.documentElement).scrollBehavior).to.equal('smooth');
  });
});
