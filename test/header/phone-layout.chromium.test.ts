// The article first, on a phone (Chromium's mobile emulation: a phone's screen, mobile viewport
// rules, overlay scrollbars, touch): the toolbar is one row, the title starts within the top
// fifth of the screen and lines of the article's body show before any scrolling. Then the
// settings sheet open, the player playing and 200% text, alone and together: no overlap, no
// sideways scroll, and focus never hidden under the toolbar, the sheet or the player; and the
// playing bar docked at the bottom where the phone has room for it.
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { walk } from '../helpers/conformance.js';
import { openEdition, type Edition } from '../helpers/edition.js';
import { firstScreen } from '../helpers/first-screen.js';
import { deepActiveElement, layoutProblems } from '../helpers/layout.js';
import { emulateDevice } from '../helpers/media.js';
import { playerOf } from '../helpers/player.js';
import { openPanel, panel, storeSettings } from '../helpers/settings.js';
import { startPlaying } from '../helpers/speech.js';
import { startEachTestAfresh } from '../helpers/storage.js';
import { animationFrames } from '../helpers/waiting.js';

/** Each phone, and the body lines it must show before scrolling. */
const PHONES = [
  { width: 390, height: 844, lines: 6 },
  { width: 360, height: 740, lines: 6 },
  { width: 320, height: 640, lines: 3 },
];

async function openOnPhone(phone: { width: number; height: number }) {
  await emulateDevice(phone);
  return openEdition({ path: '/dist/index.html', ...phone });
}

const rendered = (edition: Edition, tag: string) =>
  (edition.doc.querySelector(tag) as unknown as { updateComplete: Promise<unknown> }).updateComplete;

for (const phone of PHONES) {
  describe(`on a ${phone.width}×${phone.height} phone`, function () {
    this.timeout(180_000);
    startEachTestAfresh();
    after(() => emulateDevice(null));

    it(`shows the title within the top 20% and at least ${phone.lines} lines of the article before scrolling`, async () => {
      const edition = await openOnPhone(phone);
      const { doc, win } = edition;
      for (const tag of ['offline-status', 'read-aloud-player', 'reading-settings-panel']) await rendered(edition, tag);
      // Laid out with them.
      await animationFrames(1, win);
      // A phone's viewport: as wide as the screen, no scrollbar taking its width.
      expect(doc.documentElement.clientWidth).to.equal(phone.width);

      const { titleTop, bodyLines } = firstScreen(edition);
      console.log(
        `${phone.width}×${phone.height}: title at ${titleTop} px (${((titleTop / phone.height) * 100).toFixed(1)}%), ${bodyLines} body lines`,
      );
      expect(titleTop, 'where the title starts').to.be.at.most(phone.height * 0.2);
      expect(bodyLines, 'lines of body text on the first screen').to.be.at.least(phone.lines);

      // The toolbar is one row of at most 64 px: every control on the same line.
      const header = doc.querySelector('.site-header')!.getBoundingClientRect();
      expect(header.height, 'toolbar height').to.be.at.most(64);
      const controls = [
        doc.querySelector('.site-name')!,
        doc.querySelector('offline-status')!.shadowRoot!.querySelector('.indicator')!,
        playerOf(edition).listen()!,
        panel(edition).toggle,
      ].map((el) => el.getBoundingClientRect());
      for (const rect of controls) {
        expect(rect.top).to.be.at.least(header.top);
        expect(rect.bottom).to.be.at.most(header.bottom);
        expect(Math.round(rect.height)).to.be.at.least(44);
      }
      // The names stay what screen-reader users hear, whatever shows.
      expect(panel(edition).toggle.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Reading settings');
      expect(playerOf(edition).listen()!.textContent!.trim()).to.equal('Listen');

      // The contents are one slim row, closed.
      const contents = doc.getElementById('toc-details') as HTMLDetailsElement;
      expect(contents.open).to.equal(false);
      expect(contents.getBoundingClientRect().height).to.be.at.most(48);
    });

    it('puts "Listen from here" beside its heading, on no line of its own, and keeps the caption to itself', async () => {
      const edition = await openOnPhone(phone);
      const { doc } = edition;
      const buttons = [...doc.querySelectorAll('article listen-here')];
      expect(buttons).to.have.length(18);
      for (const button of buttons) {
        const heading = doc.getElementById(button.getAttribute('heading')!)!;
        // A sibling of the heading, never inside it.
        expect(heading.contains(button)).to.equal(false);
        expect(button.previousElementSibling).to.equal(heading);
        const box = button.getBoundingClientRect();
        const range = doc.createRange();
        range.selectNodeContents(heading);
        const last = [...range.getClientRects()].at(-1)!;
        // On the heading's last line, at its inline end, clear of its words.
        expect(Math.abs((box.top + box.bottom) / 2 - (last.top + last.bottom) / 2), heading.textContent!).to.be.below(
          4,
        );
        expect(box.left).to.be.at.least(last.right);
        expect(Math.round(box.width)).to.be.at.least(44);
        expect(Math.round(box.height)).to.be.at.least(44);
        // Whatever follows the heading starts below it, as without the button.
        const after = button.nextElementSibling!;
        expect(after.getBoundingClientRect().top).to.be.at.least(heading.getBoundingClientRect().bottom);
        // Headings are not made clickable.
        expect(heading.closest('button, a, [role="button"]')).to.equal(null);
      }
      // The summary table's caption holds only its words.
      const caption = doc.querySelector('article table caption')!;
      expect(caption.innerHTML.trim()).to.equal('Summary Table');
    });

    // A phone of 360 px and up keeps the playing bar at hand; at 320 px it may stay in the page.
    if (phone.width >= 360)
      it('docks the playing bar at the bottom of the screen, within 30% of it', async () => {
        const edition = await openOnPhone(phone);
        await startPlaying(edition);
        const bar = playerOf(edition).root.querySelector('.bar')!;
        await animationFrames(1, edition.win);
        expect(bar.classList.contains('docked'), 'the bar docked').to.equal(true);
        expect(bar.getBoundingClientRect().height).to.be.at.most(phone.height * 0.3);
      });

    const states: { name: string; enter: (edition: Edition) => Promise<unknown>; textSize?: number }[] = [
      { name: 'the settings sheet open', enter: (edition) => openPanel(edition) },
      { name: 'the player playing', enter: (edition) => startPlaying(edition) },
      { name: '200% text', textSize: 200, enter: async () => undefined },
      {
        name: '200% text, the sheet open and the player playing',
        textSize: 200,
        enter: async (edition) => {
          await startPlaying(edition);
          await openPanel(edition);
        },
      },
    ];
    for (const state of states) {
      it(`with ${state.name}: no overlap, no sideways scroll, focus never hidden`, async () => {
        if (state.textSize) storeSettings({ textSize: state.textSize });
        const edition = await openOnPhone(phone);
        await state.enter(edition);
        // Laid out in that state.
        await animationFrames(1, edition.win);
        expect(layoutProblems(edition), 'reflow and text').to.deep.equal([]);

        const sheet = panel(edition).root.querySelector<HTMLElement>('.panel')!;
        if (!sheet.hidden) {
          // The sheet leaves room for the article above it (which scrolls under the sheet,
          // while the sheet scrolls inside itself): the title shows there once scrolled to.
          const top = sheet.getBoundingClientRect().top;
          expect(top, 'the sheet leaves the top of the screen').to.be.at.least(phone.height * 0.4);
          const title = edition.doc.querySelector('article h1')!;
          title.scrollIntoView({ block: 'start', behavior: 'instant' });
          expect(title.getBoundingClientRect().top).to.be.below(top);
          expect(layoutProblems(edition), 'reflow and text, scrolled').to.deep.equal([]);
          edition.win.scrollTo({ top: 0, behavior: 'instant' });
        }

        // Tab through the page from its start: every stop visible, uncovered, in order.
        const skip = edition.doc.querySelector<HTMLElement>('.skip-link')!;
        skip.focus();
        await sendKeys({ press: 'Tab' });
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
        expect(deepActiveElement(edition.doc)).to.equal(skip);
        const reached = await walk(edition);
        expect(reached.length).to.be.greaterThan(15);
      });
    }

    it('closes the sheet with Escape and with its Close button, focus back on Reading settings', async () => {
      const edition = await openOnPhone(phone);
      const p = await openPanel(edition);
      p.range('textSize').focus();
      await sendKeys({ press: 'Escape' });
      await rendered(edition, 'reading-settings-panel');
      expect(p.toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(deepActiveElement(edition.doc)).to.equal(p.toggle);

      await openPanel(edition);
      p.button('Close reading settings').click();
      await rendered(edition, 'reading-settings-panel');
      expect(p.toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(deepActiveElement(edition.doc)).to.equal(p.toggle);
    });
  });
}
