import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { announce } from '../../announcer.js';
import { PreferenceController } from '../../controllers/preference-controller.js';
import {
  clearQueue,
  dequeue,
  enqueue,
  listeningQueue,
  moveEarlier,
  type QueuedArticle,
} from '../../preferences/listening-queue.js';
import { componentStyles } from '../../styles/component-styles.js';
import { firstUseWords } from '../../words/first-use-words.js';
import { fill } from '../../words/template.js';

/**
 * The listening queue, as a list the listener edits: each article links to its page, moves up
 * or is removed; the whole can be cleared. Each change is said politely, and focus stays on a
 * control near the one that went. On the index, "Queue all" queues the index's articles in its
 * order. The list shows once the queue holds something (and stays for the visit once shown,
 * so focus has somewhere to go when it empties). Written empty by the build: nothing without script.
 */
@customElement('listening-queue')
export class ListeningQueueList extends LitElement {
  static override styles = [
    componentStyles,
    css`
      section {
        margin-block: 1.5rem;
      }
      ol {
        padding-inline-start: 1.5rem;
      }
      .entry {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
        margin-block: 0.5rem;
      }
      .entry a {
        margin-inline-end: auto;
        color: var(--link, inherit);
      }
      h2:focus-visible {
        outline: var(--focus-width) solid var(--focus);
      }
    `,
  ];

  /** On the index: offer "Queue all", for the `<listen-next>` elements of the page in order. */
  @property({ type: Boolean, attribute: 'offer-all' }) offerAll = false;

  private readonly queue = new PreferenceController(this, listeningQueue());
  /** Shown once this visit: it stays when it empties. */
  private shown = false;

  override render() {
    const words = firstUseWords().queue;
    const { articles } = this.queue.value;
    this.shown ||= articles.length > 0;
    if (!this.shown && !this.offerAll) return nothing;
    const kept = this.queue.store.storageState === 'ok';
    return html`<section part="queue" aria-labelledby="queue-heading">
      <h2 id="queue-heading" tabindex="-1">${words.heading}</h2>
      ${this.offerAll ? html`<p><button type="button" class="all" @click=${this.queueAll}>${words.addAll}</button></p>` : nothing}
      ${kept ? nothing : html`<p class="notice">${words.notKept}</p>`}
      ${
        articles.length > 0
          ? html`<ol>
              ${articles.map((article, at) => this.renderEntry(article, at))}
            </ol>
            <p><button type="button" class="clear" @click=${this.clear}>${words.clear}</button></p>`
          : html`<p>${words.empty}</p>`
      }
    </section>`;
  }

  private renderEntry(article: QueuedArticle, at: number) {
    const words = firstUseWords().queue;
    const which = html`<span class="visually-hidden">${fill(words.which, { title: article.title })}</span>`;
    return html`<li><div class="entry">
      <a href=${article.href} lang=${article.lang}>${article.title}</a>
      ${
        at > 0
          ? html`<button type="button" class="up" data-href=${article.href} @click=${() => this.moveUp(article)}>
              ${words.moveEarlier}${which}
            </button>`
          : nothing
      }
      <button type="button" class="remove" data-href=${article.href} @click=${() => this.removeEntry(article, at)}>
        ${words.remove}${which}
      </button>
    </div></li>`;
  }

  private readonly queueAll = () => {
    const listed = [...document.querySelectorAll('listen-next')].map((element) => element.article);
    const added = enqueue(this.queue.store, ...listed);
    announce(fill(firstUseWords().queue.addedAll, { count: added.length }), 'queue');
  };

  private async removeEntry(article: QueuedArticle, at: number) {
    dequeue(this.queue.store, article.href);
    announce(fill(firstUseWords().queue.removed, { title: article.title }), 'queue');
    await this.updateComplete;
    // The next article's Remove, where the removed one was; else the one before; else the heading.
    const removes = this.renderRoot.querySelectorAll<HTMLElement>('button.remove');
    (removes[Math.min(at, removes.length - 1)] ?? this.heading())?.focus();
  }

  private async moveUp(article: QueuedArticle) {
    moveEarlier(this.queue.store, article.href);
    const position = this.queue.value.articles.findIndex((a) => a.href === article.href) + 1;
    announce(fill(firstUseWords().queue.moved, { title: article.title, position }), 'queue');
    await this.updateComplete;
    // Focus follows the article: its Move up again, or its Remove once it is first.
    const own = (kind: string) =>
      [...this.renderRoot.querySelectorAll<HTMLElement>(`button.${kind}`)].find((b) => b.dataset.href === article.href);
    (own('up') ?? own('remove'))?.focus();
  }

  private readonly clear = async () => {
    clearQueue(this.queue.store);
    announce(firstUseWords().queue.cleared, 'queue');
    await this.updateComplete;
    this.heading()?.focus();
  };

  private heading() {
    return this.renderRoot.querySelector<HTMLElement>('#queue-heading');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'listening-queue': ListeningQueueList;
  }
}
