import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ReadingPlaceController } from './reading-place-controller.js';
import { componentStyles } from '../../styles/component-styles.js';
import { ownTask } from '../../own-task.js';
import { Startup, startupWords } from '../../words/startup-words.js';

await ownTask(); // defined, upgraded and first rendered in a task of its own

/**
 * Where you left off: when the reader comes back to the article, the page opens at the
 * paragraph they were reading (ReadingPlaceController), and this quiet line stands just above it,
 * "You were here", with a way back to the top. It is the edition's, not the article's
 * (data-edition): not read aloud, not part of the article's text. Hidden until used.
 */
@customElement('reading-place')
export class ReadingPlace extends LitElement {
  static override styles = [
    componentStyles,
    css`
      :host {
        display: block;
        margin-block: 0.5em;
        scroll-margin-top: 0.5rem;
        font-size: 0.875em;
        color: var(--muted);
      }

      :host([hidden]) {
        display: none;
      }

      p {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.75rem;
        margin: 0;
        padding-top: 0.25rem;
        border-top: 0.0625rem dashed var(--rule);
      }

      button {
        border-color: var(--rule);
        color: var(--link);
      }
    `,
  ];

  private readonly place = new ReadingPlaceController(this, {
    article: () => document.querySelector('article'),
    id: () => document.querySelector('article h1')?.textContent?.trim() ?? location.pathname,
  });

  override render() {
    if (!this.place.returnedTo) return nothing;
    const words = startupWords();
    return html`<p><span>${words[Startup.YouWereHere]}</span> <button type="button" @click=${this.backToTop}>${words[Startup.BackToTop]}</button></p>`;
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    const block = this.place.returnedTo;
    if (!block || !this.hidden) return;
    // Just above the block, or above the list, table or quote it is part of.
    let anchor: Element = block;
    while (anchor.parentElement && !anchor.parentElement.matches('article, section')) anchor = anchor.parentElement;
    anchor.before(this);
    this.hidden = false;
    // The line in view with the block under it; the block first where its container is long.
    const target =
      block.getBoundingClientRect().top - this.getBoundingClientRect().top < window.innerHeight / 2 ? this : block;
    target.scrollIntoView({ block: 'start', behavior: 'instant' });
  }

  private backToTop() {
    this.place.leave();
    this.hidden = true;
    // Focus goes where reading starts (the button is gone), and the page to its top at once:
    // a smooth scroll across the whole article would be long, and the line leaving cuts it short.
    document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
    window.scrollTo({ top: 0, behavior: 'instant' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reading-place': ReadingPlace;
  }
}
