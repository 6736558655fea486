import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Where a key counts: `focus` while focus is in the host (a media player's single keys),
 * `page` anywhere on the page, and only while page keys are turned on.
 */
export type ShortcutScope = 'focus' | 'page';

/** One keyboard shortcut: the keys, and the action they stand for (named in the edition's words, `player.actions`). */
export interface Shortcut<A extends string> {
  action: A;
  /**
   * The keys as `aria-keyshortcuts` spells them ("Alt+Shift+P"; alternatives separated by
   * spaces, "K Space"): declared on the control that does the same, shown in the key list, and matched.
   */
  keys: string;
  scope: ShortcutScope;
}

export interface ShortcutsOptions<A extends string> {
  /** The key table, in the order the key list shows it. */
  shortcuts: readonly Shortcut<A>[];
  onShortcut: (action: A) => void;
  /** While this is false every key is left to the page and the browser. */
  enabled?: () => boolean;
  /** Whether the `page` keys are on (off by default: screen readers use them). */
  pageKeys?: () => boolean;
}

/** Whether the focused element, and whether it is inside the host. */
export interface FocusContext {
  focused: Element | undefined;
  inHost: boolean;
  pageKeys: boolean;
}

const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];

/** Where every key types, selects text or picks an option: never a shortcut's. */
const TEXT_FIELDS =
  'input:not([type]), input[type="text"], input[type="search"], input[type="email"], input[type="url"], input[type="tel"], ' +
  'input[type="password"], input[type="number"], textarea, select, [contenteditable]:not([contenteditable="false"])';

/**
 * Controls that use keys themselves, and which (by `event.code`): a press of one of these
 * keys on such a control is the control's, never a shortcut. Text fields and selects keep
 * every key (letters type, or jump to an option).
 */
const OWN_KEYS: [selector: string, codes: readonly string[] | 'all'][] = [
  [TEXT_FIELDS, 'all'],
  ['input[type="range"]', [...ARROWS, 'PageUp', 'PageDown', 'Home', 'End']],
  ['input[type="radio"]', [...ARROWS, 'Space']],
  [
    'input[type="checkbox"], button, summary, input[type="button"], input[type="submit"], input[type="reset"]',
    ['Space', 'Enter', 'NumpadEnter'],
  ],
  ['a[href]', ['Enter', 'NumpadEnter']],
];

/** Whether the focused control does something with this key itself. */
export function usedByControl(focused: Element | undefined, event: KeyboardEvent): boolean {
  return OWN_KEYS.some(
    ([selector, codes]) => focused?.closest?.(selector) && (codes === 'all' || codes.includes(event.code)),
  );
}

const MODIFIERS = { Alt: 'altKey', Control: 'ctrlKey', Meta: 'metaKey', Shift: 'shiftKey' } as const;

/**
 * The shortcut a key press is, or none: the one place that decides whether a press is ours,
 * given its keys, where focus is and what the focused control does with keys.
 * - `focus` keys count only with focus in the host, and never on a control that uses the key
 *   (Space presses a focused button; arrows move a select or a radio group).
 * - `page` keys count only while turned on, anywhere but in a text field.
 */
export function shortcutFor<A extends string>(
  shortcuts: readonly Shortcut<A>[],
  event: KeyboardEvent,
  context: FocusContext,
): Shortcut<A> | undefined {
  const { focused, inHost, pageKeys } = context;
  return shortcuts.find((shortcut) => {
    if (!shortcut.keys.split(' ').some((combination) => pressed(combination, event))) return false;
    if (shortcut.scope === 'focus') return inHost && !usedByControl(focused, event);
    return pageKeys && !focused?.closest?.(TEXT_FIELDS);
  });
}

/**
 * Whether the event is exactly this combination. Keys are matched by `event.code`, the key's
 * place on the keyboard, because `event.key` changes with the modifiers (Alt+Shift+P types "∏"
 * on a Mac) and with the layout (a Cyrillic layout types "З" on P).
 */
function pressed(combination: string, event: KeyboardEvent) {
  const parts = combination.split('+');
  const key = parts.pop()!;
  return (
    event.code === codeOf(key) &&
    Object.entries(MODIFIERS).every(([name, flag]) => event[flag] === parts.includes(name))
  );
}

/** The `event.code` of a key as `aria-keyshortcuts` names it: "P" is KeyP, "1" Digit1, "ArrowUp" and "Space" themselves. */
const codeOf = (key: string) => (/^[A-Z]$/.test(key) ? `Key${key}` : /^[0-9]$/.test(key) ? `Digit${key}` : key);

/**
 * Keyboard shortcuts for a component, listened for on the whole window. A press that is one
 * of them (see `shortcutFor`) is taken from the browser and handed to `onShortcut`; any other
 * is left alone.
 */
export class ShortcutsController<A extends string> implements ReactiveController {
  readonly shortcuts: readonly Shortcut<A>[];
  private readonly host: ReactiveControllerHost & Element;
  private readonly onShortcut: (action: A) => void;
  private readonly enabled: () => boolean;
  private readonly pageKeys: () => boolean;

  constructor(
    host: ReactiveControllerHost & Element,
    { shortcuts, onShortcut, enabled = () => true, pageKeys = () => false }: ShortcutsOptions<A>,
  ) {
    this.host = host;
    this.shortcuts = shortcuts;
    this.onShortcut = onShortcut;
    this.enabled = enabled;
    this.pageKeys = pageKeys;
    host.addController(this);
  }

  hostConnected() {
    window.addEventListener('keydown', this.onKeydown);
  }

  hostDisconnected() {
    window.removeEventListener('keydown', this.onKeydown);
  }

  /** The keys for an action that work now, for `aria-keyshortcuts` on the control that does the same. */
  keys(action: A): string {
    return this.shortcuts
      .filter((shortcut) => shortcut.action === action && (shortcut.scope === 'focus' || this.pageKeys()))
      .map((shortcut) => shortcut.keys)
      .join(' ');
  }

  /** The shortcut this press is, if any (without acting on it). */
  match(event: KeyboardEvent): Shortcut<A> | undefined {
    if (!this.enabled()) return undefined;
    const path = event.composedPath();
    const focused = path[0] instanceof Element ? path[0] : undefined;
    return shortcutFor(this.shortcuts, event, { focused, inHost: path.includes(this.host), pageKeys: this.pageKeys() });
  }

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const shortcut = this.match(event);
    if (!shortcut) return;
    event.preventDefault();
    this.onShortcut(shortcut.action);
  };
}
