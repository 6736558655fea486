import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { componentStyles } from '../styles/component-styles.js';
import { ownTask } from '../own-task.js';
import { Startup, startupWords } from '../words/startup-words.js';
import { fill } from '../words/template.js';

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

await ownTask(); // defined and upgraded in a task of its own

/**
 * "Listen from here", placed by the build beside each section heading and FAQ question: right
 * after the heading, its sibling. Screen-reader users meet it right after the heading when moving by
 * headings; its name carries the heading's text so a list of buttons still says where each one
 * starts. It shows as a round icon button the page floats at the end of the heading's line
 * (src/styles/edition/article.css), so it takes no line of its own.
 */
@customElement('listen-here')
export class ListenHere extends LitElement {
  static override styles = [
    componentStyles,
    css`
      button {
        display: grid;
        place-items: center;
        width: 100%;
        height: 100%;
        padding: 0;
        border: 0.0625rem solid var(--rule);
        border-radius: 50%;
        color: var(--link);
      }

      svg {
        width: 45%;
        height: 45%;
        /* The triangle's visual centre is right of its box's. */
        translate: 6% 0;
      }
    `,
  ];

  /** The id of the heading it starts at; the element just before it when absent. */
  @property({ attribute: 'heading' }) headingId?: string;

  @state() private heading?: Element;

  override connectedCallback() {
    super.connectedCallback();
    this.heading =
      (this.headingId ? this.ownerDocument.getElementById(this.headingId) : this.previousElementSibling) ?? undefined;
  }

  /** Each first render in a task of its own: an article's eighteen in one took 8 ms here. */
  protected override async scheduleUpdate() {
    if (!this.hasUpdated) await ownTask();
    super.scheduleUpdate();
  }

  override render() {
    const label = this.heading?.textContent?.trim() ?? '';
    return html`<button type="button" aria-label=${fill(startupWords()[Startup.ListenFromHere], { heading: label })} @click=${this.listen}>
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 2.5v11l9-5.5z" /></svg>
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
