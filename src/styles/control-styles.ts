import { css } from 'lit';

/**
 * The edition's buttons, focus ring and screen-reader-only text, shared by every component:
 * targets of at least 44 × 44 CSS px, padding in rem so buttons grow with their text but not by
 * a multiple of it, and a 3 px focus outline in the theme's focus colour.
 */
export const controlStyles = css`
  button {
    box-sizing: border-box;
    min-height: 2.75rem;
    min-width: 2.75rem;
    max-width: 100%;
    padding: 0.375rem 0.875rem;
    border: 0.125rem solid currentColor;
    border-radius: 0.375rem;
    background: var(--bg);
    color: inherit;
    font: inherit;
    overflow-wrap: anywhere;
    cursor: pointer;
  }

  button:hover {
    background: var(--surface);
  }

  :focus-visible {
    outline: 0.1875rem solid var(--focus);
    outline-offset: 0.125rem;
  }

  /* When focus moves the page, leave room so the focused control is never at the very edge. */
  :focus {
    scroll-margin-block: 4rem;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
