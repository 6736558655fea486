import type { Shortcut } from '../controllers/shortcuts-controller.js';

export type ReadAloudAction = 'toggle' | 'stop' | 'previous' | 'next' | 'previousSection' | 'nextSection' | 'here';

/**
 * The read-aloud player's keys, in the order its key list (under More options) shows them.
 * Each control that does the same declares its keys in `aria-keyshortcuts`. Whether a press
 * counts, given the focused element, is decided by `shortcutFor` in ShortcutsController.
 *
 * In the player (scope "focus"): single keys, as media players take them, and only where the
 * focused control has no use for the key (Space presses a button, arrows move a select).
 * Screen readers leave them alone: their browse-mode keys act only outside a control's focus.
 *
 * Anywhere on the page (scope "page"): Alt+Shift keys, off unless the listener turns them on,
 * because every screen reader's browse mode has a use for them (Orca's lists of paragraphs,
 * lists and table navigation are Alt+Shift+P, L and arrows; see the README).
 */
export const READ_ALOUD_SHORTCUTS: readonly Shortcut<ReadAloudAction>[] = [
  { action: 'toggle', keys: 'K Space', label: 'play or pause', scope: 'focus' },
  { action: 'previous', keys: 'ArrowLeft', label: 'previous sentence', scope: 'focus' },
  { action: 'next', keys: 'ArrowRight', label: 'next sentence', scope: 'focus' },
  { action: 'previousSection', keys: 'ArrowUp PageUp', label: 'previous section', scope: 'focus' },
  { action: 'nextSection', keys: 'ArrowDown PageDown', label: 'next section', scope: 'focus' },
  { action: 'toggle', keys: 'Alt+Shift+P', label: 'play or pause', scope: 'page' },
  { action: 'stop', keys: 'Alt+Shift+S', label: 'stop', scope: 'page' },
  { action: 'previous', keys: 'Alt+Shift+ArrowLeft', label: 'previous sentence', scope: 'page' },
  { action: 'next', keys: 'Alt+Shift+ArrowRight', label: 'next sentence', scope: 'page' },
  { action: 'previousSection', keys: 'Alt+Shift+ArrowUp', label: 'previous section', scope: 'page' },
  { action: 'nextSection', keys: 'Alt+Shift+ArrowDown', label: 'next section', scope: 'page' },
  { action: 'here', keys: 'Alt+Shift+L', label: 'listen from the selected text, or the top of the screen', scope: 'page' },
];

/** A click from the keyboard or a screen reader, which has no pointer presses. */
export const byKeyboard = (event: MouseEvent) => event.detail === 0;
