import { ReactiveElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { CurrentSectionController } from './current-section-controller.js';
import { ownTask } from '../../own-task.js';

await ownTask(); // defined, upgraded and first rendered in a task of its own

/**
 * Enhances the server-rendered table of contents (its light-DOM children) by marking
 * the link to the section being read with `aria-current="location"`, which screen
 * readers announce and the stylesheet shows. Without JavaScript the contents still work.
 */
@customElement('edition-toc')
export class EditionToc extends ReactiveElement {
  private readonly section = new CurrentSectionController(this, () => [
    ...[...document.querySelectorAll('article section')].filter((section) => section.querySelector('h2[id]')),
  ]);

  // The links are the page's own markup: no shadow root, so find-in-page and browse mode see them.
  protected override createRenderRoot() {
    return this;
  }

  protected override updated() {
    for (const link of this.querySelectorAll('a[href^="#"]')) {
      if (link.getAttribute('href') === `#${this.section.current}`) link.setAttribute('aria-current', 'location');
      else link.removeAttribute('aria-current');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'edition-toc': EditionToc;
  }
}
