import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface YieldOptions {
  /** Whether the host is speaking now; it yields only then. */
  speaking: () => boolean;
  /** A key press that is the host's own action (a shortcut), which never makes it yield. */
  ownKey: (event: KeyboardEvent) => boolean;
  /** Focus or keys went to another part of the page: stop, and let the listener resume. */
  away: () => void;
  /** A key was pressed in the host that is not its own action (Tab between its controls): go quiet for a moment. */
  busy: () => void;
}

/** Controls outside the host that take keys: working one means attention is elsewhere. */
const CONTROLS =
  'a[href], button, input, select, textarea, summary, [contenteditable]:not([contenteditable="false"]), [tabindex]:not([tabindex="-1"])';

/** Keys that are only held with others (a screen reader's own modifier among them). */
const MODIFIER_KEYS = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'OS',
  'CapsLock',
  'NumLock',
  'Insert',
  'Fn',
]);

/**
 * A pointer press moves focus too (a tap on a sentence moves reading there): focus that moves
 * this soon after one is the pointer's, not the keyboard's or a screen reader's.
 */
const POINTER_MS = 1000;

/**
 * Makes a speaking host give way to the listener's other work. A page cannot tell whether a
 * screen reader is running, and one speaks through the same engine as the page (its answers
 * cut the page's speech in Chromium and wait behind it in Firefox), so the rule is the same
 * for everyone:
 * - focus moving out of the host by keyboard or by a screen reader (Tab, browse-mode
 *   navigation onto a link), or a key pressed on a control elsewhere on the page, is `away`:
 *   the host pauses and offers to resume;
 * - a key pressed in the host that is not one of its actions (Tab from Pause to Next) is
 *   `busy`: the host goes quiet at once, so the screen reader's answer is heard now, and says
 *   the cut words again after a quiet moment.
 * Pointer presses never count (a click on a sentence moves reading there), nor keys on the
 * page itself that only scroll it, nor keys the host itself answers.
 */
export class YieldController implements ReactiveController {
  private readonly host: ReactiveControllerHost & Element;
  private readonly options: YieldOptions;
  private lastPointer = -Infinity;

  constructor(host: ReactiveControllerHost & Element, options: YieldOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected() {
    // Capture: a component's own handler may move focus or stop the event.
    document.addEventListener('pointerdown', this.onPointer, true);
    document.addEventListener('focusin', this.onFocus, true);
    document.addEventListener('focusout', this.onBlur, true);
    window.addEventListener('keydown', this.onKey, true);
  }

  hostDisconnected() {
    document.removeEventListener('pointerdown', this.onPointer, true);
    document.removeEventListener('focusin', this.onFocus, true);
    document.removeEventListener('focusout', this.onBlur, true);
    window.removeEventListener('keydown', this.onKey, true);
  }

  private inHost(event: Event) {
    return event.composedPath().includes(this.host);
  }

  private readonly onPointer = () => {
    this.lastPointer = performance.now();
  };

  private readonly onFocus = (event: FocusEvent) => {
    if (!this.options.speaking() || this.inHost(event)) return;
    if (performance.now() - this.lastPointer < POINTER_MS) return;
    this.options.away();
  };

  /**
   * Focus leaving the host for no element: a screen reader's caret moving on into the text.
   * Not when the whole window lost focus (the listener switched to another program, which is
   * what listening is for), nor when the host's own update moved focus within it.
   */
  private readonly onBlur = (event: FocusEvent) => {
    if (event.relatedTarget || !this.inHost(event) || !this.options.speaking()) return;
    if (performance.now() - this.lastPointer < POINTER_MS) return;
    setTimeout(() => {
      const active = document.activeElement;
      if (document.hasFocus() && (!active || active === document.body) && this.options.speaking()) this.options.away();
    });
  };

  private readonly onKey = (event: KeyboardEvent) => {
    if (!this.options.speaking() || MODIFIER_KEYS.has(event.key) || this.options.ownKey(event)) return;
    if (this.inHost(event)) {
      this.options.busy();
      return;
    }
    const target = event.composedPath()[0];
    if (target instanceof Element && target.closest(CONTROLS)) this.options.away();
  };
}
