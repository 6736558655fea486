import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';

/** Asks the read-aloud player to start at a heading; the player listens on the document. */
export class ListenHereEvent extends Event {
  constructor(
    readonly heading: Element,
    /** Pressed from the keyboard (or by a screen reader), not by a pointer. */
    readonly byKeyboard = false,
  ) {
    super('listen-here', { bubbles: true, composed: true });
  }
}

/**
 * "Listen from here", placed by the build after each section heading and FAQ question.
 * Screen-reader users meet it right after the heading when moving by headings; its name
 * carries the heading's text so a list of buttons still says where each one starts.
 */
@customElement('listen-here')
export class ListenHere extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin: -0.25em 0 0.75em;
      font-family: var(--font-ui);
      font-size: 0.875rem;
    }

    button {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      min-height: 2.75rem;
      min-width: 2.75rem;
      padding: 0.25rem 0.75rem;
      border: 0.0625rem solid var(--rule);
      border-radius: 1.375rem;
      background: var(--bg);
      color: var(--link);
      font: inherit;
      cursor: pointer;
    }

    button:hover {
      background: var(--surface);
    }

    button:focus-visible {
      outline: 0.1875rem solid var(--focus);
      outline-offset: 0.125rem;
    }

    svg {
      width: 0.9em;
      height: 0.9em;
      fill: currentColor;
    }
  `;

  @state() private heading?: Element;

  override connectedCallback() {
    super.connectedCallback();
    this.heading = this.previousElementSibling ?? undefined;
  }

  override render() {
    const label = this.heading?.textContent?.trim() ?? '';
    // The name starts with the visible words, so voice control ("click Listen from here") works.
    return html`<button type="button" aria-label="Listen from here: ${label}" @click=${this.listen}>
      <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2.5v11l9-5.5z" /></svg>
      Listen from here
    </button>`;
  }

  private listen(event: MouseEvent) {
    // A click from the keyboard or a screen reader has no pointer presses (detail 0).
    if (this.heading) this.dispatchEvent(new ListenHereEvent(this.heading, event.detail === 0));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'listen-here': ListenHere;
  }
  interface DocumentEventMap {
    'listen-here': ListenHereEvent;
  }
}
