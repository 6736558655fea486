// WCAG 2.2 conformance of the built edition (dist/, what ships) in every state a reader can
// put it in, at a desktop size and at WCAG's reflow size of 320 × 256 CSS px. What axe-core
// cannot see is checked directly: keyboard paths, focus visibility and obscuring, reflow,
// clipped or overlapping text, and target sizes. docs/accessibility.md cites these tests.
import { expect } from 'chai';
import { sendKeys } from './keyboard.js';
import { axeViolations } from './axe.js';
import type { Edition } from './edition.js';
import {
  deepActiveElement,
  flatTree,
  focusProblem,
  isInlineTarget,
  layoutProblems,
  scrollSettled,
  targetOf,
} from './layout.js';
import { leaveState, openInState, STATES, type Viewport } from './states.js';

const INTERACTIVE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/**
 * Presses Tab (or Shift+Tab) until focus leaves the page or comes round again, checking and
 * recording each element it lands on; stops after landing on `until`, if given.
 */
export async function walk(
  edition: Edition,
  { backwards = false, until }: { backwards?: boolean; until?: Element } = {},
): Promise<Element[]> {
  const reached: Element[] = [];
  for (let i = 0; i < 120; i++) {
    if (backwards) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    } else {
      await sendKeys({ press: 'Tab' });
    }
    await scrollSettled(edition);
    // Out of the page: focus reached what stands for the browser's interface (no trap).
    if (document.activeElement !== edition.frame) {
      expect(document.activeElement?.className, 'focus left the page').to.equal('outside-the-page');
      return reached;
    }
    const active = deepActiveElement(edition.doc);
    if (!active || active === edition.doc.body || reached.includes(active)) return reached;
    expect(focusProblem(edition, active), `focus stop ${i + 1}`).to.equal(undefined);
    reached.push(active);
    if (active === until) return reached;
  }
  throw new Error(
    `keyboard trap: focus never left the page after 120 Tab presses (stuck near ${reached.at(-1)?.outerHTML.slice(0, 80)})`,
  );
}

/** Every control a pointer could use, in the document and its shadow roots, that is on screen. */
function targets(edition: Edition) {
  return flatTree(edition.doc).filter(
    (el) =>
      el.matches(INTERACTIVE) &&
      el.checkVisibility({ visibilityProperty: true }) &&
      el.getBoundingClientRect().width > 1,
  );
}

/**
 * The suite for one viewport; each viewport has its own test file so each stays within the
 * runner's per-file time on a slow machine.
 */
export function conformanceSuite(viewport: Viewport) {
  describe(`conformance of the built edition in every state at ${viewport.width}×${viewport.height}`, function () {
    this.timeout(240_000);
    afterEach(leaveState);

    for (const state of STATES.filter((s) => !s.widths || s.widths.includes(viewport.width))) {
      it(`${state.name}: axe, reflow, target size, keyboard`, async () => {
        const edition = await openInState(state, viewport);

        const violations = await axeViolations(edition);
        expect(violations, `axe:\n${violations}`).to.equal('');

        expect(layoutProblems(edition), 'reflow and text').to.deep.equal([]);

        for (const control of targets(edition)) {
          if (isInlineTarget(control)) continue;
          const rect = targetOf(control).getBoundingClientRect();
          const name = `${control.localName} "${control.textContent?.trim().slice(0, 30) || control.getAttribute('name')}"`;
          expect(Math.round(rect.width), `${name} width`).to.be.at.least(44);
          expect(Math.round(rect.height), `${name} height`).to.be.at.least(44);
        }

        // Keyboard: Tab into the page as a reader would, then through it: every stop visible and
        // uncovered, in reading (flat-tree) order, and out of the page at the end (no trap).
        const skip = edition.doc.querySelector<HTMLElement>('.skip-link')!;
        skip.focus();
        expect(edition.doc.hasFocus(), 'the page has focus').to.equal(true);
        // Reach the skip link by keyboard too, so the browser treats focus as keyboard focus.
        await sendKeys({ press: 'Tab' });
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
        await scrollSettled(edition);
        expect(deepActiveElement(edition.doc), 'the skip link comes first').to.equal(skip);
        expect(focusProblem(edition, skip)).to.equal(undefined);
        const forward = [skip, ...(await walk(edition))];
        const order = flatTree(edition.doc);
        const positions = forward.map((el) => order.indexOf(el));
        expect(positions, 'focus order follows the reading order').to.deep.equal([...positions].sort((a, b) => a - b));
        expect(forward.length).to.be.greaterThan(15);
        // Shift+Tab retraces the same path (checked once: it depends on the markup, not the theme).
        if (state.name === 'default') {
          (forward.at(-1) as HTMLElement).focus();
          const backward = await walk(edition, { backwards: true, until: forward[0] });
          expect(backward.reverse()).to.deep.equal(forward.slice(0, -1));
        }
      });
    }
  });
}
