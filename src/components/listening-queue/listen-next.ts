import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { announce } from '../../announcer.js';
import { PreferenceController } from '../../controllers/preference-controller.js';
import { dequeue, enqueue, isQueued, listeningQueue, queueAddress } from '../../preferences/listening-queue.js';
import { componentStyles } from '../../styles/component-styles.js';
import { firstUseWords } from '../../words/first-use-words.js';
import { fill } from '../../words/template.js';

/**
 * "Listen next" for one article (each article of the index, and an article's own page): a toggle
 * button that puts the article at the end of the listening queue, or takes it out again. The
 * build writes the empty element; without script there is no button, so none is dead.
 */
@customElement('listen-next')
export class ListenNext extends LitElement {
  static override styles = [
    componentStyles,
    css`
      /* Pressed shows as well as it is said: a check mark, and the button filled. */
      [aria-pressed='true'] {
        background: var(--text);
        color: var(--bg);
      }
    `,
  ];

  /** The article's page, relative to this one. */
  @property() href = '';
  @property({ attribute: 'article-title' }) articleTitle = '';
  @property({ attribute: 'article-lang' }) articleLang = '';

  private readonly queue = new PreferenceController(this, listeningQueue());

  /** The article as the queue keeps it. */
  get article() {
    return { href: queueAddress(this.href), title: this.articleTitle, lang: this.articleLang };
  }

  override render() {
    const words = firstUseWords().queue;
    const queued = isQueued(this.queue.value, this.article.href);
    return html`<button type="button" part="button" aria-pressed=${queued} @click=${this.toggle}>
      ${queued ? html`<span aria-hidden="true">✓ </span>` : nothing}${words.listenNext}<span class="visually-hidden">${fill(words.which, { title: this.articleTitle })}</span>
    </button>`;
  }

  private readonly toggle = () => {
    const words = firstUseWords().queue;
    const { store } = this.queue;
    const { article } = this;
    if (isQueued(store.value, article.href)) {
      dequeue(store, article.href);
      announce(fill(words.removed, { title: article.title }), 'queue');
    } else {
      enqueue(store, article);
      announce(fill(words.added, { title: article.title }), 'queue');
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'listen-next': ListenNext;
  }
}
