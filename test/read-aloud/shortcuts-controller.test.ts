// ShortcutsController on a tiny host with the read-aloud player's key table: which action a
// key press fires, and which presses it leaves alone: keys outside the player, keys the focused
// control uses itself (Space on a button, arrows in a select), text fields, other modifiers,
// and the page-wide keys until the listener turns them on.
import { FIRST_USE_ENGLISH } from '../../src/words/first-use-words.js';
import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { READ_ALOUD_SHORTCUTS } from '../../src/components/read-aloud-player/shortcuts.js';
import { keysForPeople } from '../../src/components/read-aloud-player/bar.js';
import { ShortcutsController } from '../../src/components/read-aloud-player/shortcuts-controller.js';
import { testHost } from '../helpers/test-host.js';

class ShortcutsHost extends LitElement {
  enabled = true;
  pageKeys = false;
  fired: string[] = [];
  readonly shortcuts = new ShortcutsController(this, {
    shortcuts: READ_ALOUD_SHORTCUTS,
    enabled: () => this.enabled,
    pageKeys: () => this.pageKeys,
    onShortcut: (action) => this.fired.push(action),
  });

  override render() {
    return html`<div class="where" tabindex="-1">Section 1 of 3</div>
      <button type="button">Next sentence</button>
      <select><option>1×</option><option>2×</option></select>
      <input type="radio" name="highlight" /><input type="checkbox" /><input type="range" /><input type="text" />`;
  }

  control<T extends Element>(selector: string) {
    return this.renderRoot.querySelector<T & Element>(selector)!;
  }
}
testHost('shortcuts-host', ShortcutsHost);

type Modifiers = Partial<Pick<KeyboardEventInit, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>>;

/** Dispatches a keydown from an element (the page's body by default), as focus there would. */
function press(code: string, modifiers: Modifiers = {}, from: Element = document.body, key = code) {
  const event = new KeyboardEvent('keydown', {
    code,
    key,
    ...modifiers,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  from.dispatchEvent(event);
  return event;
}

const altShift = { altKey: true, shiftKey: true };

describe('ShortcutsController', () => {
  let player: ShortcutsHost;
  beforeEach(async () => {
    player = new ShortcutsHost();
    document.body.append(player);
    await player.updateComplete;
  });
  afterEach(() => {
    player.remove();
    for (const element of document.querySelectorAll('.outside-control')) element.remove();
  });

  it('answers a media player’s single keys with focus in the player, and takes them from the browser', () => {
    const where = player.control('.where');
    const expected: [string, string][] = [
      ['KeyK', 'toggle'],
      ['Space', 'toggle'],
      ['ArrowLeft', 'previous'],
      ['ArrowRight', 'next'],
      ['ArrowUp', 'previousSection'],
      ['PageUp', 'previousSection'],
      ['ArrowDown', 'nextSection'],
      ['PageDown', 'nextSection'],
    ];
    for (const [code, action] of expected) {
      const event = press(code, {}, where);
      expect(player.fired.at(-1), code).to.equal(action);
      expect(event.defaultPrevented, code).to.equal(true);
    }
    expect(player.fired).to.have.length(expected.length);
  });

  it('leaves the same keys to the page outside the player, where screen readers and scrolling use them', () => {
    const outside = document.createElement('button');
    outside.className = 'outside-control';
    document.body.append(outside);
    const events = ['KeyK', 'Space', 'ArrowLeft', 'ArrowDown', 'PageDown'].flatMap((code) => [
      press(code),
      press(code, {}, outside),
    ]);
    expect(player.fired).to.deep.equal([]);
    expect(events.some((event) => event.defaultPrevented)).to.equal(false);
  });

  it('leaves a key to the focused control that uses it: Space and Enter press a button, arrows move a select or radio', () => {
    const button = player.control('button');
    expect(press('Space', {}, button).defaultPrevented, 'Space presses the button').to.equal(false);
    expect(press('Enter', {}, button).defaultPrevented).to.equal(false);
    // A button has no use for K or arrows: they are the player's.
    press('KeyK', {}, button);
    press('ArrowRight', {}, button);
    expect(player.fired).to.deep.equal(['toggle', 'next']);

    const kept = [
      press('ArrowDown', {}, player.control('select')),
      press('KeyK', {}, player.control('select')),
      press('Space', {}, player.control('select')),
      press('ArrowRight', {}, player.control('input[type="radio"]')),
      press('Space', {}, player.control('input[type="radio"]')),
      press('Space', {}, player.control('input[type="checkbox"]')),
      press('ArrowLeft', {}, player.control('input[type="range"]')),
      press('PageUp', {}, player.control('input[type="range"]')),
      press('KeyK', {}, player.control('input[type="text"]')),
      press('ArrowLeft', {}, player.control('input[type="text"]')),
    ];
    expect(kept.map((event) => event.defaultPrevented)).to.deep.equal(kept.map(() => false));
    expect(player.fired).to.deep.equal(['toggle', 'next']);
    // A checkbox has no use for arrows.
    press('ArrowLeft', {}, player.control('input[type="checkbox"]'));
    expect(player.fired.at(-1)).to.equal('previous');
  });

  it('ignores a single key held with a modifier, which is the browser’s or the screen reader’s', () => {
    const where = player.control('.where');
    const ignored = [
      press('KeyK', { ctrlKey: true }, where),
      press('KeyK', { shiftKey: true }, where),
      press('ArrowLeft', { altKey: true }, where),
      press('ArrowRight', { metaKey: true }, where),
      press('Space', { shiftKey: true }, where),
    ];
    expect(player.fired).to.deep.equal([]);
    expect(ignored.map((event) => event.defaultPrevented)).to.deep.equal(ignored.map(() => false));
  });

  it('keeps the page-wide Alt+Shift keys off until the listener turns them on', () => {
    expect(press('KeyP', altShift).defaultPrevented).to.equal(false);
    expect(player.fired).to.deep.equal([]);
    player.pageKeys = true;
    const expected: [string, string][] = [
      ['KeyP', 'toggle'],
      ['KeyS', 'stop'],
      ['ArrowLeft', 'previous'],
      ['ArrowRight', 'next'],
      ['ArrowUp', 'previousSection'],
      ['ArrowDown', 'nextSection'],
      ['KeyL', 'here'],
    ];
    for (const [code, action] of expected) {
      expect(press(code, altShift).defaultPrevented, code).to.equal(true);
      expect(player.fired.at(-1), code).to.equal(action);
    }
    // From a button in the player too, but never in a text field (Alt+Shift+arrows select words there).
    press('KeyS', altShift, player.control('button'));
    expect(player.fired.at(-1)).to.equal('stop');
    const count = player.fired.length;
    expect(press('ArrowLeft', altShift, player.control('input[type="text"]')).defaultPrevented).to.equal(false);
    expect(player.fired).to.have.length(count);
  });

  it('matches the key’s place, not the character it types (Alt+Shift+P types ∏ on a Mac)', () => {
    player.pageKeys = true;
    press('KeyP', altShift, document.body, '∏');
    press('KeyK', {}, player.control('.where'), 'л');
    expect(player.fired).to.deep.equal(['toggle', 'toggle']);
  });

  it('leaves every key alone while disabled, and stops listening when its host leaves the page', () => {
    player.enabled = false;
    expect(press('KeyK', {}, player.control('.where')).defaultPrevented).to.equal(false);
    player.enabled = true;
    player.pageKeys = true;
    press('KeyP', altShift);
    expect(player.fired).to.deep.equal(['toggle']);
    player.remove();
    expect(press('KeyP', altShift).defaultPrevented).to.equal(false);
    expect(player.fired).to.deep.equal(['toggle']);
  });

  it('gives each action the keys that work now, for aria-keyshortcuts, and the key list in words', () => {
    expect(player.shortcuts.keys('toggle')).to.equal('K Space');
    expect(player.shortcuts.keys('next')).to.equal('ArrowRight');
    expect(player.shortcuts.keys('stop')).to.equal('');
    player.pageKeys = true;
    expect(player.shortcuts.keys('toggle')).to.equal('K Space Alt+Shift+P');
    expect(player.shortcuts.keys('stop')).to.equal('Alt+Shift+S');
    expect(player.shortcuts.shortcuts.map((s) => keysForPeople(s.keys, FIRST_USE_ENGLISH.player))).to.deep.equal([
      'K or Space',
      'J',
      'L',
      'Left arrow',
      'Right arrow',
      'Up arrow or Page Up',
      'Down arrow or Page Down',
      'Alt + Shift + P',
      'Alt + Shift + S',
      'Alt + Shift + Left arrow',
      'Alt + Shift + Right arrow',
      'Alt + Shift + Up arrow',
      'Alt + Shift + Down arrow',
      'Alt + Shift + L',
    ]);
  });
});
