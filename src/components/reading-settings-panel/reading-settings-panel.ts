import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { FirstUseLoader } from '../../first-use-loader.js';
import { announce } from '../../announcer.js';
import { PreferenceController } from '../../controllers/preference-controller.js';
import { afterFocusSettles } from '../../focus-handover.js';
import { RevealFocusController } from '../../controllers/reveal-focus-controller.js';
import type { PreferenceChangeEvent } from '../../preferences/preference-store.js';
import { readingSettings, type ReadingSettings, type SettingKey } from '../../preferences/reading-settings.js';
import { componentStyles } from '../../styles/component-styles.js';
import { ownTask } from '../../own-task.js';
import { Startup, startupWords } from '../../words/startup-words.js';

/** The controls, loaded on the first opening (see toggle). */
type Controls = typeof import('./controls.js');

/** Sliders: the toggle's glyph, beside its words or, where the page hides them, alone. */
const SETTINGS_ICON = svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M1 3.25h3.1a2 2 0 0 1 3.8 0H15v1.5H7.9a2 2 0 0 1-3.8 0H1zm0 8h7.1a2 2 0 0 1 3.8 0H15v1.5h-3.1a2 2 0 0 1-3.8 0H1z" /></svg>`;

await ownTask(); // defined, upgraded and first rendered in a task of its own

/**
 * The reading-settings panel: a disclosure button in the page header that opens a panel of
 * native controls. Every change applies at once and is kept for the next visit. A change is
 * heard once, as the control itself says it (the slider's value text, the radio's name); the
 * page's announcer speaks only for what no control says: a reset, a change from another tab,
 * a change that could not be saved, a font chosen offline that is not on this device
 * (offline-fonts-controller.ts). The page places the panel (a sheet over the bottom of
 * the screen, leaving the article in view so each change shows as it is made); it scrolls
 * inside itself, its Close button always in view.
 *
 * @csspart toggle - the Reading settings button
 * @csspart toggle-words - its words, which the page may hide visually where space is short
 * @csspart panel - the panel it opens
 */
@customElement('reading-settings-panel')
export class ReadingSettingsPanel extends LitElement {
  static override styles = [
    componentStyles,
    css`
    .toggle {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.4em;
    }

    .toggle[aria-expanded='true'] {
      background: var(--surface);
    }

    /* The panel scrolls inside itself (the page decides how tall it may be), its actions kept in view. */
    .panel {
      box-sizing: border-box;
      display: flex;
      flex-direction: column;
      border: 0.0625rem solid var(--rule);
      background: var(--bg);
      box-shadow: 0 -0.25rem 1rem rgb(0 0 0 / 0.15);
    }

    .panel[hidden] {
      display: none;
    }

  `,
  ];

  private readonly settings = new PreferenceController(this, readingSettings(), (event) => this.settingsChanged(event));

  constructor() {
    super();
    new RevealFocusController(this);
  }

  @state() private open = false;
  /** The controls' code, loaded when the panel is first opened: page load does less before a first interaction. */
  private readonly controls = new FirstUseLoader<Controls>(this, {
    load: () =>
      import('../../first-use.js').then(({ settingsControls: controls }) => {
        controls.attach(this, () => (this.open ? this.panelElement : null));
        return controls;
      }),
    failed: () => {
      // Offline before the edition was saved, say: the next opening tries again.
      this.open = false;
      announce(startupWords()[Startup.SettingsCouldNotLoad], 'reading-settings');
    },
  });
  /** Closing: the toggle already says "collapsed" as it takes focus; the panel goes just after. */
  @state() private closing = false;

  private get toggleButton() {
    return this.renderRoot.querySelector<HTMLButtonElement>('.toggle')!;
  }
  private get panelElement() {
    return this.renderRoot.querySelector<HTMLElement>('.panel')!;
  }

  /** "Not saved" is said once a visit, on the first change that could not be kept. */
  private saidNotSaved = false;

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('focusin', this.onPageFocus);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('focusin', this.onPageFocus);
  }

  override render() {
    return html`
      <button class="toggle" part="toggle" type="button" aria-expanded=${this.open && !this.closing} aria-controls="panel" @click=${this.toggle}>
        ${SETTINGS_ICON}<span part="toggle-words">${startupWords()[Startup.SettingsToggle]}</span>
      </button>
      <div class="panel" part="panel" id="panel" ?hidden=${!this.open} @keydown=${this.onPanelKeydown}>
        ${this.controls.value ? this.controls.value.renderControls(this.controlsView()) : nothing}
      </div>
    `;
  }

  /** Settles once the controls a first opening waits for have loaded and rendered too. */
  protected override getUpdateComplete() {
    return this.controls.settled(() => super.getUpdateComplete());
  }

  private toggle() {
    this.open = !this.open;
    if (!this.open) return;
    void this.controls.load();
  }

  private controlsView(): import('./controls.js').ControlsView {
    const { storageState, rejected } = this.settings.store;
    return {
      settings: this.settings.value,
      storageState,
      rejected,
      change: (key, value) => this.change(key, value),
      reset: () => this.settings.store.reset(),
      close: () => void this.close(),
    };
  }

  /**
   * Focus goes back to the toggle, which says "collapsed" as it does, and the panel it was in is
   * hidden once screen readers have heard of the move.
   */
  private async close() {
    this.closing = true;
    await this.updateComplete;
    this.toggleButton.focus();
    afterFocusSettles(() => {
      this.open = false;
      this.closing = false;
    });
  }

  private onPanelKeydown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      void this.close();
    }
  }

  /**
   * Focus moving to the page scrolls what it lands on above the sheet; something too tall for
   * the room left there would stay partly under it, so the sheet closes instead of hiding it.
   */
  private readonly onPageFocus = (event: FocusEvent) => {
    if (!this.open || event.composedPath().includes(this)) return;
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return;
    // Two frames: the page scrolls to the focused element in the next (RevealFocusController).
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (!this.open || !this.panelElement) return;
        const covered = [...target.getClientRects()].some(
          (box) => box.bottom > this.panelElement.getBoundingClientRect().top && box.top < window.innerHeight,
        );
        if (covered) this.open = false;
      }),
    );
  };

  /** Each control gives a value of its own setting's type (the slider a number, and so on). */
  private change(key: SettingKey, value: number | string | boolean) {
    this.settings.store.update({ [key]: value } as Partial<ReadingSettings>);
  }

  /** Said once the store has tried to save the change (it tells whether it could just after). */
  private settingsChanged(event: PreferenceChangeEvent<ReadingSettings>) {
    queueMicrotask(() => {
      const unsaved = this.settings.store.storageState !== 'ok';
      // The reader changes and resets the settings with the controls, so their code has loaded.
      const controls = this.controls.value;
      if (event.source === 'other-tab') announce(startupWords()[Startup.ChangedInAnotherTab], 'reading-settings');
      else if (controls && (event.source === 'reset' || (event.changed.length > 0 && unsaved && !this.saidNotSaved)))
        announce(controls.changeSaid(event.source === 'reset', unsaved), 'reading-settings');
      else return;
      if (unsaved) this.saidNotSaved = true;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reading-settings-panel': ReadingSettingsPanel;
  }
}
