import type { Shortcut } from './shortcuts-controller.js';

export type ReadAloudAction =
  'toggle' | 'stop' | 'skipBack' | 'skipForward' | 'previous' | 'next' | 'previousSection' | 'nextSection' | 'here';

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
 *
 * J and L skip back and forward around K, as in video players; they have no page-wide keys, as
 * every Alt+Shift letter left is some screen reader's.
 */
export const READ_ALOUD_SHORTCUTS: readonly Shortcut<ReadAloudAction>[] = keyTable([
  { action: 'toggle', focus: 'K Space', page: 'Alt+Shift+P' },
  { action: 'stop', page: 'Alt+Shift+S' },
  { action: 'skipBack', focus: 'J' },
  { action: 'skipForward', focus: 'L' },
  { action: 'previous', focus: 'ArrowLeft', page: 'Alt+Shift+ArrowLeft' },
  { action: 'next', focus: 'ArrowRight', page: 'Alt+Shift+ArrowRight' },
  { action: 'previousSection', focus: 'ArrowUp PageUp', page: 'Alt+Shift+ArrowUp' },
  { action: 'nextSection', focus: 'ArrowDown PageDown', page: 'Alt+Shift+ArrowDown' },
  { action: 'here', page: 'Alt+Shift+L' },
]);

/** Each action once, with its keys in the player (if any) and on the page: the player's keys first, then the page's. */
function keyTable(rows: { action: ReadAloudAction; focus?: string; page?: string }[]): Shortcut<ReadAloudAction>[] {
  return [
    ...rows.flatMap(({ action, focus }) => (focus ? [{ action, keys: focus, scope: 'focus' as const }] : [])),
    ...rows.flatMap(({ action, page }) => (page ? [{ action, keys: page, scope: 'page' as const }] : [])),
  ];
}

/** A click from the keyboard or a screen reader, which has no pointer presses. */
export const byKeyboard = (event: MouseEvent) => event.detail === 0;
