import { expect } from 'chai';
import { PreferenceStorage, PreferenceStore } from '../../src/preferences/preference-store.js';
import { applySettings, DEFAULT_SETTINGS, parseSettings } from '../../src/preferences/reading-settings.js';

/** A Storage whose every call throws, as when a browser blocks site data. */
const blocked = () => {
  throw new DOMException('The operation is insecure.', 'SecurityError');
};

describe('settings store', () => {
  it('lets the reader change settings for the visit when storage is blocked, and says so', () => {
    const root = document.createElement('div');
    const store = new PreferenceStore({
      storage: new PreferenceStorage('test', blocked),
      defaults: DEFAULT_SETTINGS,
      parse: parseSettings,
      apply: (settings) => applySettings(root, settings),
    });
    expect(store.storageState).to.equal('blocked');
    expect(store.value).to.deep.equal(DEFAULT_SETTINGS);
    store.update({ theme: 'sepia', textSize: 150 });
    expect(store.value.theme).to.equal('sepia');
    expect(root.dataset.theme).to.equal('sepia');
    expect(root.style.getPropertyValue('--text-scale')).to.equal('1.5');
    expect(store.storageState).to.equal('blocked');
  });

  it('keeps every valid field of a stored value and names the rest', () => {
    const { value: settings, rejected } = parseSettings(
      JSON.stringify({
        textSize: 300,
        lineHeight: '2',
        width: 'wide',
        font: 'comic',
        lineFocus: 1,
        letterSpacing: -1,
        unknown: 5,
      }),
    );
    expect(settings).to.deep.equal({ ...DEFAULT_SETTINGS, textSize: 300, width: 'wide' });
    expect(rejected).to.have.members(['lineHeight', 'font', 'lineFocus', 'letterSpacing']);
  });

  it('treats stored JSON that is not an object as wholly unreadable', () => {
    for (const text of ['[1,2]', '42', 'null', '"dark"', '{']) {
      const { value: settings, rejected } = parseSettings(text);
      expect(settings, text).to.deep.equal(DEFAULT_SETTINGS);
      expect(rejected, text).to.have.length(Object.keys(DEFAULT_SETTINGS).length);
    }
    expect(parseSettings(null).rejected).to.deep.equal([]);
  });
});
