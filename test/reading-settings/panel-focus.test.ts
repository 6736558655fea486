// Focus that stays with the reader in the settings panel, in both browsers: closing the panel
// gives focus back to its toggle before the panel is hidden, so Firefox's screen reader says
// where focus landed, not just "collapsed".
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { openEdition } from '../helpers/edition.js';
import { deepActiveElement } from '../helpers/layout.js';
import { openPanel, settled } from '../helpers/settings.js';
import { mutations, until } from '../helpers/waiting.js';
import { startEachTestAfresh } from '../helpers/storage.js';

describe('reading settings: where focus goes', () => {
  startEachTestAfresh();

  for (const how of ['the Close button', 'Escape']) {
    it(`closing with ${how} gives focus to the toggle while the panel is still shown`, async () => {
      const edition = await openEdition();
      const p = await openPanel(edition);
      const panelElement = p.root.querySelector<HTMLElement>('.panel')!;
      let shownWhenFocused: boolean | undefined;
      let expandedWhenFocused: string | null = null;
      p.toggle.addEventListener(
        'focus',
        () => {
          shownWhenFocused = !panelElement.hasAttribute('hidden');
          expandedWhenFocused = p.toggle.getAttribute('aria-expanded');
        },
        { once: true },
      );
      if (how === 'Escape') p.range('lineHeight').focus();
      else p.button('Close reading settings').focus();
      // Hidden once the move has reached screen readers, in a frame of its own.
      const closed = until(() => panelElement.hasAttribute('hidden'), 'the panel to close', mutations(panelElement));
      await sendKeys({ press: how === 'Escape' ? 'Escape' : 'Enter' });
      await closed;
      expect(shownWhenFocused, 'the panel was still shown when the toggle took focus').to.equal(true);
      // It says "collapsed" as it takes focus, so the screen reader says it once, with its name.
      expect(expandedWhenFocused).to.equal('false');
      expect(p.toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(deepActiveElement(edition.doc)).to.equal(p.toggle);
    });
  }

  it('opening and closing with the toggle keeps focus on the toggle', async () => {
    const edition = await openEdition();
    const p = await openPanel(edition);
    p.toggle.focus();
    await sendKeys({ press: 'Enter' });
    await settled(edition);
    expect(p.toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(deepActiveElement(edition.doc)).to.equal(p.toggle);
    await sendKeys({ press: ' ' });
    await settled(edition);
    expect(p.toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(deepActiveElement(edition.doc)).to.equal(p.toggle);
  });
});
