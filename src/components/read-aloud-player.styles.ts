import { css } from 'lit';
import { componentStyles } from '../styles/component-styles.js';

/**
 * The read-aloud player's look: the Listen button (part `launch`, placed by the page) and the
 * bar (part `bar`; docked to the bottom of the screen by `.docked`, see DockingController) with
 * its controls, options and key list. Sizes in rem and em so everything grows with the
 * reader's text size.
 */
export const readAloudPlayerStyles = [
  componentStyles,
  css`
    button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.4em;
    }

    select {
      min-height: var(--target-size);
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
    }

    .note {
      margin: 0;
      color: var(--muted);
      font-size: 0.875em;
    }

    /* A container, so the controls' words show only where the bar has room for them. */
    .bar {
      box-sizing: border-box;
      container: bar / inline-size;
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
      min-height: var(--target-size);
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

    .options {
      margin-top: 0.5rem;
      display: grid;
      gap: 0.5rem;
    }

    .options > button {
      justify-self: start;
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
      margin-inline-end: 1rem;
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
      min-height: var(--target-size);
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

    @container bar (max-width: 40em) {
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
