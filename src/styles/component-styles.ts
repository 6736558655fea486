import { css, type CSSResult } from 'lit';
import { visuallyHidden } from './visually-hidden.js';

/**
 * What every component of the edition shares, so a component's own styles say only what is
 * its own. The tokens come from the page (src/styles/edition/tokens.css, `:root`): `--target-size`
 * (44 CSS px, WCAG 2.5.5), `--focus-width`, `--focus-offset` and `--focus-margin`, and the theme's colours.
 *
 * - `:host` takes no box of its own (`display: contents`): its parts are laid out by the page,
 *   which places them with `::part()` (a component never knows where it sits).
 * - Buttons and selects of at least the target size, in the same outline; buttons' padding in
 *   rem so they grow with their text but not by a multiple of it; a 3 px focus outline in the
 *   theme's focus colour.
 * - `.notice` and `.problem`: a sentence set apart (a stored setting that could not be read, a
 *   sentence that could not be spoken).
 * - `.choice`: a radio button or checkbox with its label, the label being the target.
 * - `.visually-hidden`: words for screen readers and voice control only.
 */
const shared = css`
  :host {
    display: contents;
    font-family: var(--font-ui);
    color: var(--text);
  }

  button,
  select {
    min-height: var(--target-size);
    max-width: 100%;
    border: 0.125rem solid currentColor;
    border-radius: 0.375rem;
    background: var(--bg);
  }

  button {
    box-sizing: border-box;
    min-width: var(--target-size);
    padding: 0.375rem 0.875rem;
    color: inherit;
    font: inherit;
    overflow-wrap: anywhere;
    cursor: pointer;
  }

  button:hover {
    background: var(--surface);
  }

  input,
  select {
    font: inherit;
    color: inherit;
  }

  :focus-visible {
    outline: var(--focus-width) solid var(--focus);
    outline-offset: var(--focus-offset);
  }

  /* When focus moves the page, leave room so the focused control is never at the very edge. */
  :focus {
    scroll-margin-block: var(--focus-margin);
  }

  svg {
    width: 1em;
    height: 1em;
    fill: currentColor;
    flex: none;
  }

  .notice,
  .problem {
    margin: 0.25rem 0 0.5rem;
    padding: 0.375rem 0.75rem;
    border-inline-start: 0.25rem solid var(--accent);
    background: var(--surface);
  }

  .choice {
    display: flex;
    align-items: center;
    gap: 0.625rem;
    min-height: var(--target-size);
    cursor: pointer;
  }

  .choice input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    flex: none;
    accent-color: var(--link);
  }

`;

// Two plain templates, so the build minifies both (generator/bundle/component-styles.ts).
export const componentStyles = [shared, visuallyHidden];

/**
 * Adds the styles of code loaded on first use (the player's bar, the settings' controls) to a
 * component's shadow root, beside those it was defined with. Constructed style sheets, like
 * Lit's own, so the Content-Security-Policy needs no 'unsafe-inline'.
 */
export function adoptLaterStyles(root: HTMLElement | DocumentFragment, styles: CSSResult) {
  const sheet = styles.styleSheet;
  if (!(root instanceof ShadowRoot) || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
