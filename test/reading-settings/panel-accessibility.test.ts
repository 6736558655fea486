import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { axeViolations } from '../helpers/axe.js';
import { contrastRatio } from '../helpers/contrast.js';
import { openEdition, type Edition } from '../helpers/edition.js';
import {
  deepActiveElement,
  focusProblem,
  injectTextSpacing,
  layoutProblems,
  scrollSettled,
  targetOf,
} from '../helpers/layout.js';
import { LARGEST, openPanel, panel, settled, storeSettings, THEMES } from '../helpers/settings.js';
import { nextEvent } from '../helpers/waiting.js';
import { startEachTestAfresh } from '../helpers/storage.js';

async function expectNoAxeViolations(edition: Edition) {
  const violations = await axeViolations(edition);
  expect(violations, `\n${violations}`).to.equal('');
}

describe('reading settings accessibility', () => {
  startEachTestAfresh();

  for (const theme of THEMES) {
    it(`has no axe violations in the ${theme} theme, panel closed and open`, async () => {
      storeSettings({ theme });
      const edition = await openEdition();
      expect(edition.doc.documentElement.dataset.theme).to.equal(theme);
      await expectNoAxeViolations(edition);
      await openPanel(edition);
      await expectNoAxeViolations(edition);
    });
  }

  for (const theme of THEMES) {
    it(`gives controls, their borders and the focus ring at least 3:1 contrast in the ${theme} theme`, async () => {
      storeSettings({ theme });
      const edition = await openEdition();
      const p = await openPanel(edition);
      const css = (el: Element) => edition.win.getComputedStyle(el);
      const background = css(edition.doc.documentElement).backgroundColor;
      const range = p.range('textSize');
      const checks: [string, string][] = [
        ['focus ring', css(edition.doc.documentElement).getPropertyValue('--focus').trim()],
        ['button border', css(p.toggle).borderTopColor],
        ['slider and radio accent', css(range).accentColor],
      ];
      for (const [what, color] of checks) {
        const probe = edition.doc.createElement('span');
        probe.style.color = color;
        edition.doc.body.append(probe);
        const resolved = css(probe).color;
        probe.remove();
        expect(contrastRatio(resolved, background), `${what} ${resolved} on ${background}`).to.be.at.least(3);
      }
    });
  }

  for (const width of [320, 1280]) {
    it(`has no axe violations at 300% text, ${width} CSS px wide, panel closed and open`, async () => {
      storeSettings({ textSize: 300 });
      const edition = await openEdition({ width, height: 640 });
      await expectNoAxeViolations(edition);
      await openPanel(edition);
      await expectNoAxeViolations(edition);
    });
  }

  it('reflows at 320 CSS px with 300% text and the widest spacing: no sideways scroll, nothing clipped or overlapping', async () => {
    storeSettings(LARGEST);
    const edition = await openEdition({ width: 320, height: 640 });
    expect(layoutProblems(edition)).to.deep.equal([]);
    await openPanel(edition);
    expect(layoutProblems(edition)).to.deep.equal([]);
  });

  it('keeps its layout under WCAG 1.4.12 text spacing injected into the page and every shadow root', async () => {
    storeSettings({ textSize: 300 });
    const edition = await openEdition({ width: 320, height: 640 });
    await openPanel(edition);
    injectTextSpacing(edition);
    await settled(edition);
    const toggle = panel(edition).toggle;
    expect(edition.win.getComputedStyle(toggle).letterSpacing).to.not.equal('normal');
    expect(layoutProblems(edition)).to.deep.equal([]);
  });

  it('gives every control a target of at least 44 by 44 CSS px', async () => {
    const edition = await openEdition();
    const p = await openPanel(edition);
    const controls = [...p.root.querySelectorAll('button, input')];
    expect(controls.length).to.be.greaterThan(20);
    for (const control of controls) {
      const rect = targetOf(control).getBoundingClientRect();
      const name = control.textContent?.trim() || control.getAttribute('name') || control.id;
      expect(rect.width, `${name} width`).to.be.at.least(44);
      expect(rect.height, `${name} height`).to.be.at.least(44);
    }
  });

  it('can be operated from the keyboard alone, every focus visible and uncovered, at 320 px and 300% text', async () => {
    storeSettings({ textSize: 300 });
    const edition = await openEdition({ width: 320, height: 640 });
    const p = panel(edition);
    await settled(edition);
    p.toggle.focus();
    await settled(edition);
    expect(deepActiveElement(edition.doc), 'focus on the settings button').to.equal(p.toggle);
    await sendKeys({ press: 'Enter' });
    await settled(edition);
    expect(p.toggle.getAttribute('aria-expanded')).to.equal('true');

    const reached = new Set<Element>();
    for (let i = 0; i < 40; i++) {
      await sendKeys({ press: 'Tab' });
      await settled(edition);
      await scrollSettled(edition);
      const active = deepActiveElement(edition.doc)!;
      if (!p.root.contains(active)) break;
      reached.add(active);
      expect(focusProblem(edition, active)).to.equal(undefined);
    }
    // Every button, slider and checkbox, and each radio group once (arrow keys move within it).
    const expected = [
      ...p.root.querySelectorAll(
        'button:not(.toggle):not(:disabled), input:not([type="radio"]), input[type="radio"]:checked',
      ),
    ];
    expect([...reached]).to.have.members(expected);

    // Arrow keys change a slider; Escape closes the panel and returns focus to its button.
    p.range('textSize').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await settled(edition);
    expect(p.range('textSize').value).to.equal('295');
    // The toggle says "collapsed", then takes focus back.
    const returned = nextEvent(p.toggle, 'focus', () => true, 'focus to return to the toggle');
    await sendKeys({ press: 'Escape' });
    await returned;
    expect(p.toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(deepActiveElement(edition.doc)).to.equal(p.toggle);
  });
});
