import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterFocusSettles } from '../../focus-handover.js';

/**
 * Hands focus on before the control that holds it goes (Listen giving way to the bar's Pause,
 * Stop to Listen): after the host's next render the new control takes focus, and the part
 * that held it stays on screen until that focus has reached screen readers
 * (../../focus-handover.ts), so they say where focus went rather than that something went.
 */
export class FocusHandoverController<Part extends string> implements ReactiveController {
  private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };
  private next?: { selector: string; keep?: Part };
  private kept?: Part;

  constructor(host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment }) {
    this.host = host;
    host.addController(this);
  }

  /** After the next render: focus what `selector` finds, keeping `keep` on screen until the move has settled. */
  handOver(selector: string, keep?: Part) {
    this.next = { selector, keep };
    this.host.requestUpdate();
  }

  /** Whether the host should still render a part it would otherwise remove. */
  keeps(part: Part) {
    return (this.next?.keep ?? this.kept) === part;
  }

  hostUpdated() {
    const next = this.next;
    if (!next) return;
    this.next = undefined;
    this.host.renderRoot.querySelector<HTMLElement>(next.selector)?.focus();
    if (!next.keep) return;
    this.kept = next.keep;
    afterFocusSettles(() => {
      this.kept = undefined;
      this.host.requestUpdate();
    });
  }
}
