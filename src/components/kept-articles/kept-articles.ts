import { html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { KeptPagesController } from './kept-pages-controller.js';
import { componentStyles } from '../../styles/component-styles.js';
import { firstUseWords } from '../../words/first-use-words.js';

/**
 * On the page a reader offline gets for an article never kept: the articles that are kept, as
 * links, read from the offline cache. Nothing where the browser cannot tell.
 */
@customElement('kept-articles')
export class KeptArticles extends LitElement {
  static override styles = componentStyles;

  private readonly kept = new KeptPagesController(this);

  override render() {
    const { pages } = this.kept;
    if (!pages) return nothing;
    const words = firstUseWords().offline;
    return html`<h2>${words.keptHeading}</h2>
      ${
        pages.length === 0
          ? html`<p>${words.noneKept}</p>`
          : html`<ul>
            ${pages.map((page) => html`<li><a href=${page.url} lang=${page.lang}>${page.title}</a></li>`)}
          </ul>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kept-articles': KeptArticles;
  }
}
