import { css } from 'lit';
import { controlStyles } from '../styles/control-styles.js';

/**
 * The read-aloud player's look: the Listen button placed in the site header's grid, and the bar
 * (docked to the bottom of the screen by `.docked`, see DockingController) with its controls,
 * options and key list. Sizes in rem and em so everything grows with the reader's text size.
 */
export const readAloudPlayerStyles = [
  controlStyles,
  css`
    :host {
      display: contents;
      font-family: var(--font-ui);
      color: var(--text);
    }

    select {
      font: inherit;
      color: inherit;
    }

    button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.4em;
    }

    svg {
      width: 1em;
      height: 1em;
      fill: currentColor;
      flex: none;
    }

    select {
      min-height: 2.75rem;
      max-width: 100%;
      padding: 0.25rem 0.5rem;
      border: 0.125rem solid currentColor;
      border-radius: 0.375rem;
      background: var(--bg);
    }

    .launch {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      justify-self: start;
    }

    @container site-header (min-width: 26em) {
      .launch {
        grid-column: 2;
        grid-row: 1;
        justify-self: end;
      }
    }

    .note {
      margin: 0;
      color: var(--muted);
      font-size: 0.875em;
    }

    .bar {
      grid-column: 1 / -1;
      z-index: 6;
      padding: 0.5rem clamp(0.5rem, 3vw, 1.5rem);
      border-top: 0.125rem solid var(--rule);
      background: var(--bg);
    }

    .bar.docked {
      position: fixed;
      left: 0;
      right: 0;
      bottom: 0;
      box-shadow: 0 -0.25rem 1rem rgb(0 0 0 / 0.15);
    }

    .where {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 1rem;
      margin: 0 0 0.25rem;
      font-size: 0.875em;
    }

    .time {
      color: var(--muted);
    }

    progress {
      display: block;
      width: 100%;
      height: 0.375rem;
      margin-bottom: 0.5rem;
      accent-color: var(--link);
    }

    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.375rem;
    }

    .controls label {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      min-height: 2.75rem;
    }

    .primary {
      background: var(--link);
      border-color: var(--link);
      color: var(--bg);
    }

    .primary:hover {
      background: var(--link);
    }

    @media (forced-colors: active) {
      .primary,
      .primary:hover {
        background: ButtonText;
        border-color: ButtonText;
        color: ButtonFace;
      }
    }

    .problem {
      margin: 0.25rem 0 0.5rem;
      padding: 0.375rem 0.75rem;
      border-inline-start: 0.25rem solid var(--accent);
      background: var(--surface);
    }

    .options {
      margin-top: 0.5rem;
      display: grid;
      gap: 0.5rem;
    }

    .options[hidden] {
      display: none;
    }

    fieldset {
      margin: 0;
      padding: 0.25rem 0.75rem 0.5rem;
      border: 0.0625rem solid var(--rule);
      border-radius: 0.375rem;
    }

    .choice {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
      margin-inline-end: 1rem;
    }

    .choice input {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
      accent-color: var(--link);
    }

    .voice-choice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.375rem 0.75rem;
    }

    .voice-choice label {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.375rem;
      min-height: 2.75rem;
      max-width: 100%;
    }

    .voice-choice select {
      max-width: 100%;
    }

    .hint,
    .keys-heading {
      flex-basis: 100%;
      margin: 0;
      font-size: 0.875em;
      color: var(--muted);
    }

    .key-help {
      display: grid;
      gap: 0.25rem;
    }

    .keys {
      margin: 0;
      font-size: 0.875em;
      color: var(--muted);
    }

    .keys dt {
      font-weight: 600;
      color: var(--text);
    }

    .keys dd {
      margin: 0 0 0.25rem;
    }

    /* Icon and word on wide bars; icon alone (the word still names the button) on narrow ones. */
    .label {
      white-space: nowrap;
    }

    @container site-header (max-width: 40em) {
      .icon-button .label {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
    }
  `,
];
