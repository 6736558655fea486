import { css } from 'lit';

/**
 * Hidden from the eye, kept for screen readers and voice control: shared by the components
 * (./component-styles.ts) and the EPUB's stylesheet (generator/book/content-document.ts). The
 * page's own copy is in ./edition/page.css, which cannot import it.
 */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
