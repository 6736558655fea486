import { css, html, LitElement, nothing } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { announce } from '../announcer.js';
import { OnlineController } from '../controllers/online-controller.js';
import { PersistentStorageController } from '../controllers/persistent-storage-controller.js';
import { ServiceWorkerController, type OfflineState } from '../controllers/service-worker-controller.js';
import { controlStyles } from '../styles/control-styles.js';

const AVAILABILITY: Record<Exclude<OfflineState, 'off'>, string> = {
  unsupported: 'Offline reading is not available in this browser.',
  saving: 'Saving for offline…',
  ready: 'Available offline.',
  incomplete: 'Partly saved for offline: the rest is saved when you are back online.',
  'storage-full': 'Could not save for offline: storage is full.',
  failed: 'Could not save for offline: reading needs a connection.',
};

/**
 * Says whether the edition can be read offline, and offers what the reader can do about it:
 * keep it through storage pressure, and reload into a new version when one is waiting.
 * Every change after the first is said through the page's announcer (a status region here,
 * empty or not, would be one more "status bar" in browse mode).
 * Renders nothing where the page names no service worker (the dev server).
 */
@customElement('offline-status')
export class OfflineStatus extends LitElement {
  static override styles = [
    controlStyles,
    css`
    /* Joins the page header's toolbar grid (see reading-settings-panel) on a row of its own. */
    :host {
      display: contents;
      font-family: var(--font-ui);
      color: var(--text);
    }

    .offline {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }

    .status {
      margin: 0;
      color: var(--muted);
    }

    /* Laid out exactly as the button it stands for, but never seen, focused or announced. */
    .keep-placeholder {
      visibility: hidden;
    }

    .status:focus {
      outline: none;
    }
  `,
  ];

  private readonly worker = new ServiceWorkerController(this);
  private readonly connection = new OnlineController(this);
  private readonly storage = new PersistentStorageController(this);

  @query('.status') private statusText!: HTMLElement;

  /** What the status said last, so only a change is announced (undefined before the first render). */
  private said?: string;

  override render() {
    const { state, updateReady } = this.worker;
    if (state === 'off') return nothing;
    const persistence = this.storage.state;
    const canKeep = state === 'ready' && ['unknown', 'asking', 'not-kept'].includes(persistence);
    return html`
      <div class="offline">
        <p class="status" tabindex="-1">
          <span>${this.availability(state)}</span>
          ${persistence === 'kept' && state === 'ready' ? html`<span>Kept: the browser will not clear it.</span>` : nothing}
          ${persistence === 'not-kept' ? html`<span>The browser may clear it when space is short.</span>` : nothing}
          ${updateReady ? html`<span>A new version is available.</span>` : nothing}
        </p>
        ${canKeep
          ? html`<button type="button" class="keep" @click=${this.keep}>Keep available offline</button>`
          : state === 'saving'
            ? // Holds the button's place while saving, so the page does not shift when it appears.
              html`<button type="button" class="keep-placeholder" tabindex="-1" aria-hidden="true" disabled>Keep available offline</button>`
            : nothing}
        ${updateReady ? html`<button type="button" class="reload" @click=${() => this.worker.reload()}>Reload</button>` : nothing}
      </div>
    `;
  }

  protected override updated() {
    const text = this.statusText?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (this.said !== undefined && text !== this.said && text !== '') announce(text);
    this.said = text;
  }

  private availability(state: Exclude<OfflineState, 'off'>) {
    if (this.connection.online) return AVAILABILITY[state];
    return state === 'ready' ? 'You are offline. This edition is saved on this device.' : `You are offline. ${AVAILABILITY[state]}`;
  }

  private async keep() {
    await this.storage.persist();
    await this.updateComplete;
    // Kept: the button is gone, so focus stays nearby, on the answer, not at the top of the page.
    if (this.storage.state === 'kept') this.statusText.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'offline-status': OfflineStatus;
  }
}
