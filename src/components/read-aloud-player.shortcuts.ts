import type { Shortcut } from '../controllers/shortcuts-controller.js';

export type ReadAloudAction = 'toggle' | 'stop' | 'previous' | 'next' | 'previousSection' | 'nextSection' | 'here';

/**
 * The read-aloud player's keys, in the order its key list (under More options) shows them.
 * Each control that does the same declares its keys in `aria-keyshortcuts`. Whether a press
 * counts, given the focused element, is decided by `shortcutFor` in ShortcutsController.
 */
export const READ_ALOUD_SHORTCUTS: readonly Shortcut<ReadAloudAction>[] = [
  { action: 'toggle', keys: 'Alt+Shift+P', label: 'play or pause' },
  { action: 'stop', keys: 'Alt+Shift+S', label: 'stop' },
  { action: 'previous', keys: 'Alt+Shift+ArrowLeft', label: 'previous sentence' },
  { action: 'next', keys: 'Alt+Shift+ArrowRight', label: 'next sentence' },
  { action: 'previousSection', keys: 'Alt+Shift+ArrowUp', label: 'previous section' },
  { action: 'nextSection', keys: 'Alt+Shift+ArrowDown', label: 'next section' },
  { action: 'here', keys: 'Alt+Shift+L', label: 'listen from the selected text, or the top of the screen' },
];
