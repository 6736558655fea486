import { expect } from 'chai';
import { announced, listenToAnnouncer, statusRegions } from '../helpers/announcer.js';
import { openEdition, type Edition } from '../helpers/edition.js';
import {
  articleStyle,
  check,
  choose,
  openPanel,
  panel,
  px,
  reload,
  settled,
  slide,
  storeSettings,
} from '../helpers/settings.js';
import { SETTINGS_KEY, startEachTestAfresh } from '../helpers/storage.js';
import { nextEvent } from '../helpers/waiting.js';

interface SettingCase {
  name: string;
  /** Changes the setting through the panel. */
  apply: (edition: Edition) => Promise<void>;
  /** Asserts the change shows in the page's computed style (and in the panel). */
  verify: (edition: Edition) => void;
}

const CASES: SettingCase[] = [
  {
    name: 'text size',
    apply: (e) => slide(e, 'textSize', 200),
    verify: (e) => {
      expect(px(articleStyle(e).fontSize)).to.be.closeTo(36, 0.5);
      expect(panel(e).range('textSize').value).to.equal('200');
    },
  },
  {
    name: 'line height',
    apply: (e) => slide(e, 'lineHeight', 2.2),
    verify: (e) => expect(px(articleStyle(e).lineHeight) / px(articleStyle(e).fontSize)).to.be.closeTo(2.2, 0.01),
  },
  {
    name: 'letter spacing',
    apply: (e) => slide(e, 'letterSpacing', 0.12),
    verify: (e) => expect(px(articleStyle(e).letterSpacing) / px(articleStyle(e).fontSize)).to.be.closeTo(0.12, 0.01),
  },
  {
    name: 'word spacing',
    apply: (e) => slide(e, 'wordSpacing', 0.16),
    verify: (e) => expect(px(articleStyle(e).wordSpacing) / px(articleStyle(e).fontSize)).to.be.closeTo(0.16, 0.01),
  },
  {
    name: 'paragraph spacing',
    apply: (e) => slide(e, 'paragraphSpacing', 2),
    verify: (e) => expect(px(articleStyle(e).marginBottom) / px(articleStyle(e).fontSize)).to.be.closeTo(2, 0.01),
  },
  {
    name: 'line width',
    apply: (e) => choose(e, 'width', 'narrow'),
    verify: (e) => {
      // 52 characters ("ch") of the article's own font.
      const probe = e.doc.createElement('div');
      probe.style.width = '52ch';
      e.doc.querySelector('article')!.append(probe);
      expect(px(articleStyle(e, 'article').maxWidth)).to.be.closeTo(probe.getBoundingClientRect().width, 0.5);
      probe.remove();
      expect(panel(e).radio('width', 'narrow').checked).to.equal(true);
    },
  },
  {
    name: 'font',
    apply: async (e) => {
      await choose(e, 'font', 'atkinson');
      await e.doc.fonts.load('1em "Atkinson Hyperlegible"');
    },
    verify: (e) => {
      expect(articleStyle(e).fontFamily).to.match(/^"?Atkinson Hyperlegible"?/);
      expect(e.doc.fonts.check('1em "Atkinson Hyperlegible"')).to.equal(true);
    },
  },
  {
    name: 'theme',
    apply: (e) => choose(e, 'theme', 'sepia'),
    verify: (e) => {
      expect(e.win.getComputedStyle(e.doc.documentElement).backgroundColor).to.equal('rgb(244, 236, 216)');
      expect(articleStyle(e).color).to.equal('rgb(43, 33, 21)');
    },
  },
  {
    name: 'line focus',
    apply: (e) => check(e, 'lineFocus', true),
    verify: (e) => {
      const masks = e.doc.querySelector('line-focus')!.shadowRoot!.querySelectorAll('.mask');
      expect(masks).to.have.length(2);
      expect(panel(e).checkbox('lineFocus').checked).to.equal(true);
    },
  },
  {
    name: 'reduce motion',
    apply: (e) => check(e, 'reduceMotion', true),
    verify: (e) => expect(e.win.getComputedStyle(e.doc.documentElement).scrollBehavior).to.equal('auto'),
  },
];

describe('reading settings', () => {
  startEachTestAfresh();

  it('opens from a named button in the header and closes with Escape, returning focus', async () => {
    const edition = await openEdition();
    const p = panel(edition);
    expect(edition.doc.querySelector('body > header reading-settings-panel')).to.not.equal(null);
    expect(p.toggle.textContent!.trim()).to.equal('Reading settings');
    expect(p.toggle.getAttribute('aria-expanded')).to.equal('false');
    await openPanel(edition);
    expect(p.toggle.getAttribute('aria-expanded')).to.equal('true');
    const control = p.range('textSize');
    control.focus();
    // The toggle says "collapsed", then takes focus back.
    const returned = nextEvent(p.toggle, 'focus', () => true, 'focus to return to the toggle');
    control.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await returned;
    expect(p.toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(p.root.activeElement).to.equal(p.toggle);
  });

  for (const setting of CASES) {
    it(`${setting.name}: changes the article at once and survives a reload`, async () => {
      let edition = await openEdition();
      await openPanel(edition);
      await setting.apply(edition);
      setting.verify(edition);
      edition = await reload(edition);
      await openPanel(edition);
      if (setting.name === 'font') await edition.doc.fonts.load('1em "Atkinson Hyperlegible"');
      setting.verify(edition);
    });
  }

  it('loads an optional font only once it is chosen', async () => {
    const edition = await openEdition();
    await edition.doc.fonts.ready;
    const loaded = () =>
      [...edition.doc.fonts]
        .filter((f) => /Atkinson|OpenDyslexic/.test(f.family) && f.status !== 'unloaded')
        .map((f) => f.family.replace(/"/g, ''));
    const whole = () => loaded().filter((family) => !family.endsWith(' sample'));
    expect(loaded()).to.have.length(0);
    // The panel shows each font's name in that font, through samples of a few letters.
    await openPanel(edition);
    await edition.doc.fonts.ready;
    expect(loaded()).to.include.members(['Atkinson Hyperlegible sample', 'OpenDyslexic sample']);
    expect(whole()).to.have.length(0);
    await choose(edition, 'font', 'opendyslexic');
    await edition.doc.fonts.load('1em "OpenDyslexic"');
    expect(whole()).to.include('OpenDyslexic');
    expect(whole().some((family) => family.includes('Atkinson'))).to.equal(false);
  });

  it('applies stored settings from the inline snippet alone, before any module script', async () => {
    storeSettings({ theme: 'dark', textSize: 150, width: 'wide' });
    const { doc, win } = await openEdition({ path: '/index.html?without-modules' });
    expect(doc.querySelector('script[type="module"]')).to.equal(null);
    const style = win.getComputedStyle(doc.querySelector('article > p')!);
    expect(doc.documentElement.dataset.theme).to.equal('dark');
    expect(px(style.fontSize)).to.be.closeTo(27, 0.5);
    expect(style.color).to.equal('rgb(235, 232, 225)');
    expect(win.customElements.get('reading-settings-panel')).to.equal(undefined);
  });

  it('falls back to defaults field by field when stored values are corrupt, and says so', async () => {
    localStorage.setItem(
      SETTINGS_KEY,
      JSON.stringify({ textSize: 9999, theme: 'purple', lineHeight: 2, font: 42, extra: true }),
    );
    const edition = await openEdition();
    const p = await openPanel(edition);
    expect(px(articleStyle(edition).fontSize)).to.be.closeTo(18, 0.5);
    expect(px(articleStyle(edition).lineHeight) / px(articleStyle(edition).fontSize)).to.be.closeTo(2, 0.01);
    expect(edition.doc.documentElement.dataset.theme).to.equal('system');
    expect(p.notices().join(' ')).to.contain('text size, font, theme');
  });

  it('survives stored text that is not JSON at all', async () => {
    localStorage.setItem(SETTINGS_KEY, '{not json');
    const edition = await openEdition();
    const p = await openPanel(edition);
    expect(px(articleStyle(edition).fontSize)).to.be.closeTo(18, 0.5);
    expect(p.notices()[0]).to.contain('could not be read');
    await slide(edition, 'textSize', 120);
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY)!).textSize).to.equal(120);
  });

  it('follows a change made in another tab', async () => {
    const first = await openEdition();
    const second = await openEdition();
    await openPanel(first);
    await openPanel(second);
    // The other tab hears of each change by a storage event, the page's own listener first.
    const followed = nextEvent<StorageEvent>(
      second.win,
      'storage',
      (event) => event.key === SETTINGS_KEY && JSON.parse(event.newValue ?? '{}').textSize === 150,
    );
    await choose(first, 'theme', 'contrast');
    await slide(first, 'textSize', 150);
    await followed;
    await settled(second);
    expect(second.doc.documentElement.dataset.theme).to.equal('contrast');
    expect(px(articleStyle(second).fontSize)).to.be.closeTo(27, 0.5);
    expect(panel(second).radio('theme', 'contrast').checked).to.equal(true);
    expect(panel(second).range('textSize').value).to.equal('150');
  });

  it('keeps working for the visit when storage is full, and says the settings are not saved', async () => {
    const edition = await openEdition();
    edition.win.Storage.prototype.setItem = () => {
      throw new edition.win.DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const p = await openPanel(edition);
    await slide(edition, 'textSize', 160);
    expect(px(articleStyle(edition).fontSize)).to.be.closeTo(28.8, 0.5);
    expect(p.notices().join(' ')).to.contain('storage is full');
    expect(localStorage.getItem(SETTINGS_KEY)).to.equal(null);
  });

  it('steps text size with A− and A+ and resets everything to defaults', async () => {
    const edition = await openEdition();
    const p = await openPanel(edition);
    p.button('A+ Larger text').click();
    await settled(edition);
    p.button('A+ Larger text').click();
    await settled(edition);
    expect(p.range('textSize').value).to.equal('125');
    p.button('A− Smaller text').click();
    await settled(edition);
    expect(p.range('textSize').value).to.equal('110');
    await choose(edition, 'theme', 'dark');
    p.button('Reset to defaults').click();
    await settled(edition);
    expect(p.range('textSize').value).to.equal('100');
    expect(p.radio('theme', 'system').checked).to.equal(true);
    expect(edition.doc.documentElement.dataset.theme).to.equal('system');
  });

  it('lets each control say its own change, with nothing announced on top and no live value display', async () => {
    const edition = await openEdition();
    const p = await openPanel(edition);
    const announcer = listenToAnnouncer(edition);
    for (const value of [110, 120, 130, 140, 150]) await slide(edition, 'textSize', value);
    await choose(edition, 'theme', 'sepia');
    await check(edition, 'lineFocus', true);
    // The announcer makes its region on its first message, at once (src/announcer.ts): with
    // none, nothing was said and nothing is coming.
    expect(edition.doc.querySelector('[data-edition-announcer]'), 'the announcer asked to say something').to.equal(
      null,
    );
    expect(announcer.heard).to.deep.equal([]);
    // The slider says its value itself (aria-valuetext); the visible value beside its label is
    // plain text hidden from screen readers, so it is not heard a second time.
    const slider = p.range('textSize');
    expect(slider.getAttribute('aria-valuetext')).to.equal('150%');
    const shown = p.root.querySelector(`label[for="textSize"] .value`)!;
    expect(shown.textContent).to.equal('150%');
    expect(shown.getAttribute('aria-hidden')).to.equal('true');
    expect(statusRegions(edition), 'no live region in the page but the announcer').to.have.length(0);
  });

  it('announces only what no control says: A− and A+, a reset, another tab, and once that nothing is saved', async () => {
    const first = await openEdition();
    const second = await openEdition();
    const p = await openPanel(first);
    await openPanel(second);
    const announcer = listenToAnnouncer(first);
    const inSecond = listenToAnnouncer(second);
    const { heard } = announcer;
    const size = announcer.next();
    const followed = inSecond.next();
    p.button('A+ Larger text').click();
    expect(await size).to.equal('Text size 110%.');
    expect(heard).to.deep.equal(['Text size 110%.']);
    expect(await followed, 'the other tab says it followed').to.equal('Reading settings changed in another tab.');
    expect(inSecond.heard).to.deep.equal(['Reading settings changed in another tab.']);
    const reset = announcer.next();
    p.button('Reset to defaults').click();
    expect(await reset).to.equal('Settings reset to defaults.');
    // One region for the whole page, made on the first message.
    expect(first.doc.querySelectorAll('[data-edition-announcer]')).to.have.length(1);
    expect(statusRegions(first)).to.have.length(1);

    first.win.Storage.prototype.setItem = () => {
      throw new first.win.DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const notSaved = 'This change is not saved for your next visit.';
    await slide(first, 'lineHeight', 2);
    await slide(first, 'lineHeight', 2.2);
    await announcer.said(notSaved);
    // Each change asks the announcer at once, which empties its region until it speaks: the
    // region still holding the message means nothing was asked after it.
    expect(announced(first)).to.equal(notSaved);
    expect(heard.slice(2)).to.deep.equal([notSaved]);
  });

  it('keeps the A− and A+ buttons focused at their limits, saying they are unavailable', async () => {
    storeSettings({ textSize: 250 });
    const edition = await openEdition();
    const p = await openPanel(edition);
    const larger = p.button('A+ Larger text');
    larger.focus();
    larger.click();
    await settled(edition);
    expect(p.range('textSize').value).to.equal('300');
    expect(larger.getAttribute('aria-disabled')).to.equal('true');
    expect(p.root.activeElement).to.equal(larger);
    larger.click();
    await settled(edition);
    expect(p.range('textSize').value).to.equal('300');
    expect(p.button('A− Smaller text').getAttribute('aria-disabled')).to.equal('false');
  });

  it('moves the line focus band by keyboard and by pointer', async () => {
    const edition = await openEdition({ height: 800 });
    await openPanel(edition);
    await check(edition, 'lineFocus', true);
    const focus = edition.doc.querySelector('line-focus')!;
    const above = () => focus.shadowRoot!.querySelector<HTMLElement>('.above')!.getBoundingClientRect().height;
    const start = above();
    const lineHeight = px(articleStyle(edition).lineHeight);
    edition.doc.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
    await settled(edition);
    expect(above() - start).to.be.closeTo(lineHeight, 1);
    edition.win.dispatchEvent(new PointerEvent('pointermove', { clientY: 600, pointerType: 'mouse' }));
    await settled(edition);
    expect(above()).to.be.closeTo(600 - (lineHeight * 3) / 2, 1);
    // The band never takes a click.
    expect(edition.win.getComputedStyle(focus).pointerEvents).to.equal('none');
    expect(focus.getAttribute('aria-hidden')).to.equal('true');
  });
});
