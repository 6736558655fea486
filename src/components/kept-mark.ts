import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { KeptFilesController } from '../controllers/kept-files-controller.js';
import { ARTICLE_CACHE } from '../service-worker/kept-caches.js';
import { componentStyles } from '../styles/component-styles.js';
import { firstUseWords } from '../words/first-use-words.js';

/**
 * On the index, after an article's details: "Available offline" where that article is kept on
 * this device, in words (read in line with the details), nothing otherwise.
 */
@customElement('kept-mark')
export class KeptMark extends LitElement {
  static override styles = componentStyles;

  /** The article's page, relative to this one. */
  @property() href = '';

  private kept?: KeptFilesController;

  override connectedCallback() {
    this.kept ??= new KeptFilesController(this, ARTICLE_CACHE, new URL(this.href, document.baseURI).href);
    super.connectedCallback();
  }

  override render() {
    return this.kept?.state === 'kept'
      ? html`<span aria-hidden="true"> · </span>${firstUseWords().offline.availableOffline}`
      : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kept-mark': KeptMark;
  }
}
