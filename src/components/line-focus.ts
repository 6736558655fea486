import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { PreferenceController } from '../controllers/preference-controller.js';
import { readingSettings } from '../preferences/reading-settings.js';

/** Lines left clear in the band. */
const LINES = 3;

/**
 * Line focus (a reading ruler): dims the page above and below a band a few lines tall.
 * The band follows the pointer; Alt+ArrowUp / Alt+ArrowDown move it a line at a time;
 * scrolling moves the text through it. Purely visual, so hidden from assistive technology,
 * and it never intercepts a click or a tap.
 */
@customElement('line-focus')
export class LineFocus extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      z-index: 5;
      pointer-events: none;
    }

    .mask {
      position: absolute;
      left: 0;
      right: 0;
      background: rgb(0 0 0 / 0.6);
    }

    .above {
      top: 0;
      height: var(--above, 0);
    }

    .below {
      bottom: 0;
      height: var(--below, 0);
    }

    /* Forced colours: no dimming (it would fight the reader's colours); mark the band's edges. */
    @media (forced-colors: active) {
      .mask {
        background: transparent;
        forced-color-adjust: none;
      }

      .above {
        border-bottom: 0.1875rem solid Highlight;
      }

      .below {
        border-top: 0.1875rem solid Highlight;
      }
    }
  `;

  private readonly settings = new PreferenceController(this, readingSettings());

  /** The band's centre, in CSS px from the top of the viewport; a third of the way down until moved. */
  @state() center?: number;

  override connectedCallback() {
    super.connectedCallback();
    this.setAttribute('aria-hidden', 'true');
    window.addEventListener('pointermove', this.onPointerMove, { passive: true });
    window.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('pointermove', this.onPointerMove);
    window.removeEventListener('keydown', this.onKeydown);
  }

  override render() {
    if (!this.settings.value.lineFocus) return nothing;
    const half = (this.lineHeight() * LINES) / 2;
    const center = this.center ?? window.innerHeight / 3;
    // Set through the CSSOM: the Content-Security-Policy forbids style attributes.
    this.style.setProperty('--above', `${Math.max(0, center - half)}px`);
    this.style.setProperty('--below', `${Math.max(0, window.innerHeight - (center + half))}px`);
    return html`
      <div class="mask above"></div>
      <div class="mask below"></div>
    `;
  }

  /** The article's line height in px, which changes with the reader's text settings. */
  private lineHeight() {
    const paragraph = document.querySelector('.article > p, .article section p') ?? document.body;
    const style = getComputedStyle(paragraph);
    const value = parseFloat(style.lineHeight);
    return Number.isFinite(value) ? value : parseFloat(style.fontSize) * 1.6;
  }

  private readonly onPointerMove = (event: PointerEvent) => {
    // Touch moves scroll the page under the band; only a mouse or pen carries it.
    if (!this.settings.value.lineFocus || event.pointerType === 'touch') return;
    this.center = event.clientY;
  };

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (!this.settings.value.lineFocus || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const step = this.lineHeight() * (event.key === 'ArrowUp' ? -1 : 1);
    this.center = Math.min(window.innerHeight, Math.max(0, (this.center ?? window.innerHeight / 3) + step));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'line-focus': LineFocus;
  }
}
