// ShortcutsController on a tiny host with the read-aloud player's key table: which action a
// key press fires, and which presses it leaves to the page (other modifiers, text fields,
// while disabled).
import { expect } from '@esm-bundle/chai';
import { LitElement } from 'lit';
import { READ_ALOUD_SHORTCUTS, type ReadAloudAction } from '../../src/components/read-aloud-player.shortcuts.js';
import { keysForPeople, ShortcutsController, type Shortcut } from '../../src/controllers/shortcuts-controller.js';

class ShortcutsHost extends LitElement {
  /** The key table; a subclass can bring its own. */
  static table: readonly Shortcut<string>[] = READ_ALOUD_SHORTCUTS;
  enabled = true;
  fired: string[] = [];
  readonly shortcuts = new ShortcutsController(this, {
    shortcuts: (this.constructor as typeof ShortcutsHost).table,
    enabled: () => this.enabled,
    onShortcut: (action) => this.fired.push(action),
  });
}
customElements.define('shortcuts-host', ShortcutsHost);

/** Keys a later player might use: alternatives, no modifier, a digit. */
class OtherKeysHost extends ShortcutsHost {
  static override table = [
    { action: 'toggle', keys: 'Space K', label: 'play or pause' },
    { action: 'jump', keys: 'Control+1', label: 'jump' },
  ];
}
customElements.define('other-keys-host', OtherKeysHost);

declare global {
  interface HTMLElementTagNameMap {
    'shortcuts-host': ShortcutsHost;
    'other-keys-host': OtherKeysHost;
  }
}

function host(tag: 'shortcuts-host' | 'other-keys-host' = 'shortcuts-host') {
  const element = document.createElement(tag);
  document.body.append(element);
  return element;
}

/** Dispatches a keydown from an element (the page's body by default), as focus there would. */
function press(code: string, modifiers: Partial<Pick<KeyboardEventInit, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>>, from: Element = document.body, key = code) {
  const event = new KeyboardEvent('keydown', { code, key, ...modifiers, bubbles: true, cancelable: true, composed: true });
  from.dispatchEvent(event);
  return event;
}

const altShift = { altKey: true, shiftKey: true };

describe('ShortcutsController', () => {
  const fixtures: Element[] = [];
  const fixture = <T extends Element>(element: T) => {
    document.body.append(element);
    fixtures.push(element);
    return element;
  };
  afterEach(() => {
    for (const element of fixtures.splice(0)) element.remove();
    for (const element of document.querySelectorAll('shortcuts-host, other-keys-host')) element.remove();
  });

  it('fires the read-aloud player’s action for each of its keys, and takes the key from the browser', () => {
    const player = host();
    const expected: [string, ReadAloudAction][] = [
      ['KeyP', 'toggle'],
      ['KeyS', 'stop'],
      ['ArrowLeft', 'previous'],
      ['ArrowRight', 'next'],
      ['ArrowUp', 'previousSection'],
      ['ArrowDown', 'nextSection'],
      ['KeyL', 'here'],
    ];
    for (const [code, action] of expected) {
      const event = press(code, altShift);
      expect(player.fired.at(-1), code).to.equal(action);
      expect(event.defaultPrevented, code).to.equal(true);
    }
    expect(player.fired).to.have.length(expected.length);
  });

  it('matches the key’s place, not the character it types (Alt+Shift+P types ∏ on a Mac)', () => {
    const player = host();
    press('KeyP', altShift, document.body, '∏');
    expect(player.fired).to.deep.equal(['toggle']);
  });

  it('ignores a key with other modifiers, fewer modifiers, or none of its own', () => {
    const player = host();
    const ignored = [
      press('KeyP', { ...altShift, ctrlKey: true }),
      press('KeyP', { ...altShift, metaKey: true }),
      press('KeyP', { altKey: true }),
      press('KeyP', { shiftKey: true }),
      press('KeyP', {}),
      press('ArrowRight', {}),
      press('KeyQ', altShift),
      press('Digit1', altShift),
    ];
    expect(player.fired).to.deep.equal([]);
    expect(ignored.map((event) => event.defaultPrevented)).to.deep.equal(ignored.map(() => false));
  });

  it('leaves keys to a text field, even one inside a shadow root, but not to a button or checkbox', () => {
    const player = host();
    const text = fixture(document.createElement('input'));
    text.type = 'text';
    const area = fixture(document.createElement('textarea'));
    const editable = fixture(document.createElement('div'));
    editable.contentEditable = 'true';
    const shadowHost = fixture(document.createElement('div'));
    const inner = shadowHost.attachShadow({ mode: 'open' }).appendChild(document.createElement('textarea'));
    for (const field of [text, area, editable, inner]) {
      const event = press('ArrowLeft', altShift, field);
      expect(event.defaultPrevented, field.localName).to.equal(false);
    }
    expect(player.fired).to.deep.equal([]);

    const button = fixture(document.createElement('button'));
    const checkbox = fixture(document.createElement('input'));
    checkbox.type = 'checkbox';
    press('KeyS', altShift, button);
    press('KeyS', altShift, checkbox);
    expect(player.fired).to.deep.equal(['stop', 'stop']);
  });

  it('leaves every key alone while disabled, and stops listening when its host leaves the page', () => {
    const player = host();
    player.enabled = false;
    expect(press('KeyP', altShift).defaultPrevented).to.equal(false);
    player.enabled = true;
    press('KeyP', altShift);
    expect(player.fired).to.deep.equal(['toggle']);
    player.remove();
    expect(press('KeyP', altShift).defaultPrevented).to.equal(false);
    expect(player.fired).to.deep.equal(['toggle']);
  });

  it('gives each action its keys for aria-keyshortcuts, and its key list in words', () => {
    const player = host();
    expect(player.shortcuts.keys('toggle')).to.equal('Alt+Shift+P');
    expect(player.shortcuts.keys('next')).to.equal('Alt+Shift+ArrowRight');
    expect(player.shortcuts.shortcuts.map((s) => keysForPeople(s.keys))).to.deep.equal([
      'Alt + Shift + P',
      'Alt + Shift + S',
      'Alt + Shift + Left arrow',
      'Alt + Shift + Right arrow',
      'Alt + Shift + Up arrow',
      'Alt + Shift + Down arrow',
      'Alt + Shift + L',
    ]);
  });

  it('takes its keys from the table: alternatives, unmodified keys and digits', () => {
    const player = host('other-keys-host');
    press('Space', {}, document.body, ' ');
    press('KeyK', {});
    press('Digit1', { ctrlKey: true });
    press('KeyK', { shiftKey: true });
    press('Digit1', {});
    expect(player.fired).to.deep.equal(['toggle', 'toggle', 'jump']);
  });
});
