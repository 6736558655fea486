import { css } from 'lit';
import { componentStyles } from '../../styles/component-styles.js';

/**
 * The read-aloud player's look on page load: the Listen button (part `launch`, placed by the
 * page). The bar's look comes with the bar (./bar.ts). Sizes in rem and em so
 * everything grows with the reader's text size.
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
      padding: 0.25rem 0.5rem;
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

  `,
];
