import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One keyboard shortcut: the keys, and the action they stand for. */
export interface Shortcut<A extends string> {
  action: A;
  /**
   * The keys as `aria-keyshortcuts` spells them ("Alt+Shift+P"; alternatives separated by
   * spaces): declared on the control that does the same, shown in the key list, and matched.
   */
  keys: string;
  /** What it does, for the key list ("play or pause"). */
  label: string;
}

export interface ShortcutsOptions<A extends string> {
  /** The key table, in the order the key list shows it. */
  shortcuts: readonly Shortcut<A>[];
  onShortcut: (action: A) => void;
  /** While this is false every key is left to the page and the browser. */
  enabled?: () => boolean;
}

/** Where letters and Alt+Shift+arrows type or select text, so are never ours. */
const TEXT_FIELDS = 'input[type="text"], textarea, [contenteditable]';

const MODIFIERS = { Alt: 'altKey', Control: 'ctrlKey', Meta: 'metaKey', Shift: 'shiftKey' } as const;

/**
 * The shortcut a key press is, or none: the one place that decides whether a press is ours,
 * given its keys and the focused element. Today: exactly a shortcut's modifiers and key,
 * with focus anywhere but in a text field.
 */
export function shortcutFor<A extends string>(shortcuts: readonly Shortcut<A>[], event: KeyboardEvent): Shortcut<A> | undefined {
  const focused = event.composedPath()[0] as Element | undefined;
  if (focused?.closest?.(TEXT_FIELDS)) return undefined;
  return shortcuts.find((shortcut) => shortcut.keys.split(' ').some((combination) => pressed(combination, event)));
}

/**
 * Whether the event is exactly this combination. Keys are matched by `event.code`, the key's
 * place on the keyboard, because `event.key` changes with the modifiers (Alt+Shift+P types "∏"
 * on a Mac) and with the layout (a Cyrillic layout types "З" on P).
 */
function pressed(combination: string, event: KeyboardEvent) {
  const parts = combination.split('+');
  const key = parts.pop()!;
  return event.code === codeOf(key) && Object.entries(MODIFIERS).every(([name, flag]) => event[flag] === parts.includes(name));
}

/** The `event.code` of a key as `aria-keyshortcuts` names it: "P" is KeyP, "1" Digit1, "ArrowUp" itself. */
const codeOf = (key: string) => (/^[A-Z]$/.test(key) ? `Key${key}` : /^[0-9]$/.test(key) ? `Digit${key}` : key);

/** Keys as people read them: "Alt + Shift + Left arrow" for Alt+Shift+ArrowLeft. */
export const keysForPeople = (keys: string) => keys.replace(/Arrow(\w+)/g, '$1 arrow').replace(/\+/g, ' + ');

/**
 * Keyboard shortcuts for a component, listened for on the whole window (the page, not just
 * the component, has focus while reading). A press that is one of them (see `shortcutFor`) is
 * taken from the browser and handed to `onShortcut`; any other is left alone.
 */
export class ShortcutsController<A extends string> implements ReactiveController {
  readonly shortcuts: readonly Shortcut<A>[];
  private readonly onShortcut: (action: A) => void;
  private readonly enabled: () => boolean;

  constructor(host: ReactiveControllerHost, { shortcuts, onShortcut, enabled = () => true }: ShortcutsOptions<A>) {
    this.shortcuts = shortcuts;
    this.onShortcut = onShortcut;
    this.enabled = enabled;
    host.addController(this);
  }

  hostConnected() {
    window.addEventListener('keydown', this.onKeydown);
  }

  hostDisconnected() {
    window.removeEventListener('keydown', this.onKeydown);
  }

  /** The keys for an action, for `aria-keyshortcuts` on the control that does the same. */
  keys(action: A): string {
    return this.shortcuts.find((shortcut) => shortcut.action === action)?.keys ?? '';
  }

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (!this.enabled()) return;
    const shortcut = shortcutFor(this.shortcuts, event);
    if (!shortcut) return;
    event.preventDefault();
    this.onShortcut(shortcut.action);
  };
}
