import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { announce } from '../../announcer.js';
import { FirstUseLoader } from '../../first-use-loader.js';
import { KeepOnOpenController } from './keep-on-open-controller.js';
import { OnlineController } from './online-controller.js';
import { PersistentStorageController } from './persistent-storage-controller.js';
import { ServiceWorkerController, type OfflineState } from './service-worker-controller.js';
import { componentStyles } from '../../styles/component-styles.js';
import { ownTask } from '../../own-task.js';
import { Startup, startupWords } from '../../words/startup-words.js';
import { fill } from '../../words/template.js';

/** A 16 × 16 glyph in the text's colour; the indicator's words name it. */
const icon = (path: string) =>
  svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path fill-rule="evenodd" d=${path} /></svg>`;

const ICONS = {
  saved: icon(
    'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zm0 1.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11zM6.9 10.7 4.5 8.3l1.06-1.06 1.34 1.34 3.54-3.54 1.06 1.06z',
  ),
  saving: icon('M7.25 1.5h1.5v6.69l2.22-2.22 1.06 1.06L8 11.06 3.97 7.03l1.06-1.06 2.22 2.22zM2 12.5h12V14H2z'),
  offline: icon(
    'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zm3.89 3.17a5.5 5.5 0 0 0-7.72 7.72zm1.06 1.06-7.72 7.72a5.5 5.5 0 0 0 7.72-7.72z',
  ),
  update: icon(
    'M8 2.5a5.5 5.5 0 0 0-4.6 2.5H5.5v1.5H1V2h1.5v1.8A7 7 0 0 1 15 8h-1.5A5.5 5.5 0 0 0 8 2.5zM1 8h1.5a5.5 5.5 0 0 0 10.1 3H10.5V9.5H15V14h-1.5v-1.8A7 7 0 0 1 1 8z',
  ),
  problem: icon('M8 1.25 15.25 14.5H.75zm0 3.1L3.28 13h9.44zM7.25 6.5h1.5v3.5h-1.5zm0 4.5h1.5v1.5h-1.5z'),
};

await ownTask(); // defined, upgraded and first rendered in a task of its own

/**
 * The offline indicator: a small button in the toolbar whose icon and words say where the
 * edition stands (saved, saving, offline, update ready, not saved), and which opens the one place
 * for offline matters: the whole status, **Keep available offline**, a new version's **Reload**,
 * on an article whether it and its audio are kept, with **Keep this article offline** and **Keep
 * audio for offline** (`<offline-keeping>`, loaded when the details first open), how much storage
 * the edition uses and has left, and what the browser may remove and when (on iPhone and iPad and
 * in Safari, after seven days without a visit unless the edition is on the Home Screen or in the
 * Dock). On an article, it also keeps the article and its pictures once the worker controls the
 * page (KeepOnOpenController).
 *
 * A disclosure (APG): the button says whether the details are open; focus stays on it when they
 * open; Escape closes them and returns focus to it; so does a press outside, or focus moving on,
 * so nothing is left covering the page. Every change after the first is said
 * through the page's announcer (a status region here would be one more "status bar" in browse mode).
 * Renders nothing where the page names no service worker (the dev server).
 *
 * @csspart indicator - the button
 * @csspart indicator-words - its words, which the page may hide visually where space is short
 * @csspart details - what it opens, which the page places
 */
@customElement('offline-status')
export class OfflineStatus extends LitElement {
  static override styles = [
    componentStyles,
    css`
      .indicator {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        gap: 0.4em;
        padding-inline: 0.5rem;
        border-color: transparent;
        color: var(--muted);
      }

      .indicator[aria-expanded='true'] {
        border-color: currentColor;
        background: var(--surface);
      }

      .indicator svg {
        width: 1.25em;
        height: 1.25em;
      }

      .details {
        box-sizing: border-box;
        padding: 0.75rem 1rem;
        border: 0.0625rem solid var(--rule);
        border-radius: 0.5rem;
        background: var(--bg);
        box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.15);
      }

      .details[hidden] {
        display: none;
      }

      .details p {
        margin: 0 0 0.75rem;
      }

      .details p:last-child {
        margin-bottom: 0;
      }

      .status:focus {
        outline: none;
      }

      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-bottom: 0.75rem;
      }

      .actions:last-child {
        margin-bottom: 0;
      }

      /* After the article's part (<offline-keeping>), whose last button has no margin below. */
      .details .storage {
        margin-top: 0.75rem;
      }

      .hint {
        color: var(--muted);
        font-size: 0.875em;
      }
    `,
  ];

  private readonly worker = new ServiceWorkerController(this);
  private readonly connection = new OnlineController(this);
  private readonly storage = new PersistentStorageController(this);
  /**
   * What the details load on their first opening (src/first-use.ts): `<offline-keeping>`, and
   * their words on storage made then (how much is used, what the browser may remove and when).
   * Offline before the edition was saved, say, the status above says all that matters, and the
   * next opening tries again.
   */
  private readonly details = new FirstUseLoader(this, {
    load: () =>
      import('../../first-use.js').then(
        ({ StorageDetailsController }) => new StorageDetailsController(this, this.storage),
      ),
  });

  /** On an article: 'article' where it is kept by itself, 'home-article' where it is the one article, saved as the home page. */
  @property() page?: 'article' | 'home-article';

  @state() private open = false;
  private keepOnOpen?: KeepOnOpenController;

  private get statusText() {
    return this.renderRoot.querySelector<HTMLElement>('.status')!;
  }
  private get indicator() {
    return this.renderRoot.querySelector<HTMLElement>('.indicator')!;
  }

  /** The last status said, so only changes are announced (a repeat visit says nothing). */
  private said?: string;

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onPointerDown);
    if (this.page && !this.keepOnOpen) {
      const kept = this.page === 'article' ? 'own' : 'precached';
      this.keepOnOpen = new KeepOnOpenController(this, kept);
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onPointerDown);
  }

  override render() {
    const { state, updateReady } = this.worker;
    if (state === 'off') return nothing;
    const persistence = this.storage.state;
    const canKeep = state === 'ready' && ['unknown', 'asking', 'not-kept'].includes(persistence);
    const indicator = this.indicatorFor(state);
    const words = startupWords();
    return html`
      <button type="button" class="indicator" part="indicator" aria-expanded=${this.open} aria-controls="offline-details" @click=${this.toggle}
        @keydown=${this.onKeydown}>
        ${indicator.glyph}<span part="indicator-words">${indicator.words}</span>
      </button>
      <div class="details" id="offline-details" part="details" ?hidden=${!this.open} @keydown=${this.onKeydown} @focusout=${this.onFocusOut}>
        <p class="status" tabindex="-1">${this.sentence()}</p>
        ${
          canKeep || updateReady
            ? html`<div class="actions">
              ${canKeep ? html`<button type="button" class="keep" @click=${this.keep}>${words[Startup.KeepAvailable]}</button>` : nothing}
              ${updateReady ? html`<button type="button" class="reload" @click=${() => this.worker.reload()}>${words[Startup.Reload]}</button>` : nothing}
            </div>`
            : nothing
        }
        ${this.page && this.details.value && state !== 'unsupported' ? html`<offline-keeping page=${this.page}></offline-keeping>` : nothing}
        ${this.details.value?.render()}
      </div>
    `;
  }

  protected override willUpdate() {
    if (this.worker.state === 'off') return;
    const sentence = this.sentence();
    if (this.said !== undefined && sentence !== this.said && sentence !== '') announce(sentence, 'offline');
    this.said = sentence;
  }

  /** Everything the reader is told, as one status. */
  private sentence() {
    const { state, updateReady } = this.worker;
    const persistence = this.storage.state;
    const words = startupWords();
    return [
      state === 'off' ? '' : this.availability(state),
      persistence === 'kept' && state === 'ready' ? words[Startup.KeptByBrowser] : '',
      persistence === 'not-kept' ? words[Startup.MayBeCleared] : '',
      updateReady ? words[Startup.NewVersion] : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  /** The indicator's icon and words: the one thing that matters most now. */
  private indicatorFor(state: Exclude<OfflineState, 'off'>) {
    const words = startupWords();
    if (this.worker.updateReady) return { glyph: ICONS.update, words: words[Startup.UpdateReady] };
    if (!this.connection.online) return { glyph: ICONS.offline, words: words[Startup.YouAreOffline] };
    if (state === 'ready') return { glyph: ICONS.saved, words: words[Startup.AvailableOffline] };
    if (state === 'saving') return { glyph: ICONS.saving, words: words[Startup.SavingForOffline] };
    return {
      glyph: ICONS.problem,
      words: state === 'incomplete' ? words[Startup.PartlySaved] : words[Startup.NotSaved],
    };
  }

  private availability(state: Exclude<OfflineState, 'off'>) {
    const words = startupWords();
    if (this.connection.online) return words[Startup.Availability][state];
    return state === 'ready'
      ? words[Startup.OfflineAndSaved]
      : fill(words[Startup.OfflineAnd], { availability: words[Startup.Availability][state] });
  }

  private toggle() {
    this.open = !this.open;
    if (!this.open) return;
    // Measured at each opening, so the figures are today's.
    void this.details.load().then((details) => details?.measure());
  }

  /** Settles once what a first opening loads has loaded and rendered too. */
  protected override getUpdateComplete() {
    return this.details.settled(() => super.getUpdateComplete());
  }

  private async close({ refocus }: { refocus: boolean }) {
    if (!this.open) return;
    this.open = false;
    if (!refocus) return;
    await this.updateComplete;
    this.indicator.focus();
  }

  private async keep() {
    await this.storage.persist();
    await this.updateComplete;
    // Kept: the button is gone, so focus stays nearby, on the answer, not at the top of the page.
    if (this.storage.state === 'kept') this.statusText.focus();
  }

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.open) return;
    event.stopPropagation();
    void this.close({ refocus: true });
  };

  /** Focus moving on past the details closes them, so they never cover what it lands on. */
  private readonly onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget;
    if (next instanceof Node && !this.renderRoot.contains(next)) void this.close({ refocus: false });
  };

  /** A press anywhere else closes the details, as a popover would. */
  private readonly onPointerDown = (event: PointerEvent) => {
    if (this.open && !event.composedPath().includes(this)) void this.close({ refocus: false });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'offline-status': OfflineStatus;
  }
}
