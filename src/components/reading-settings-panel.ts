import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DockingController } from '../controllers/docking-controller.js';
import { announce } from '../announcer.js';
import { PreferenceController } from '../controllers/preference-controller.js';
import { afterFocusSettles } from '../focus-handover.js';
import { RevealFocusController } from '../controllers/reveal-focus-controller.js';
import type { PreferenceChangeEvent } from '../preferences/preference-store.js';
import {
  describedSettings,
  READING_SETTINGS,
  readingSettings,
  choicesOf,
  type DescribedSetting,
  type ReadingSettings,
  type SettingKey,
} from '../preferences/reading-settings.js';
import { componentStyles } from '../styles/component-styles.js';

type Described<Kind extends DescribedSetting['kind']> = Extract<DescribedSetting, { kind: Kind }>;

const SETTINGS = describedSettings();

/** The panel's fieldsets, in the settings' order: a radio group has its own, the rest share their group's. */
const FIELDSETS: { legend: string; group?: string; settings: DescribedSetting[] }[] = [];
for (const described of SETTINGS) {
  const group = described.kind === 'choice' ? undefined : described.setting.group;
  const shared = group && FIELDSETS.find((fieldset) => fieldset.group === group);
  if (shared) shared.settings.push(described);
  else FIELDSETS.push({ legend: group ?? described.setting.label, group, settings: [described] });
}

/** Sliders: the toggle's glyph, beside its words or, where the page hides them, alone. */
const SETTINGS_ICON = svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M1 3.25h3.1a2 2 0 0 1 3.8 0H15v1.5H7.9a2 2 0 0 1-3.8 0H1zm0 8h7.1a2 2 0 0 1 3.8 0H15v1.5h-3.1a2 2 0 0 1-3.8 0H1z" /></svg>`;

/** A cross, beside Close: short words, so the sheet's last row stays one line at any text size. */
const CLOSE_ICON = svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="m3.5 2.4 4.5 4.5 4.5-4.5 1.1 1.1L9.1 8l4.5 4.5-1.1 1.1L8 9.1l-4.5 4.5-1.1-1.1L6.9 8 2.4 3.5z" /></svg>`;

/** The A−/A+ buttons step through the sizes browsers use for zoom. */
const TEXT_SIZE_STEPS = [80, 90, 100, 110, 125, 150, 175, 200, 250, 300];

/**
 * The reading-settings panel: a disclosure button in the page header that opens a panel of
 * native controls. Every change applies at once and is kept for the next visit. A change is
 * heard once, as the control itself says it (the slider's value text, the radio's name); the
 * page's announcer speaks only for what no control says: a reset, a change from another tab,
 * a change that could not be saved. The page places the panel (a sheet over the bottom of
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

    .scroller {
      overflow-y: auto;
      overscroll-behavior: contain;
      padding: clamp(0.5rem, 2.5vw, 1rem);
    }

    .groups {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
      gap: 1rem 1.5rem;
    }

    fieldset {
      min-width: 0;
      margin: 0;
      padding: 0.5rem clamp(0.5rem, 2.5vw, 0.75rem) 0.75rem;
      border: 0.0625rem solid var(--rule);
      border-radius: 0.375rem;
    }

    legend {
      max-width: 100%;
      padding-inline: 0.25rem;
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    .slider label {
      display: flex;
      justify-content: space-between;
      flex-wrap: wrap;
      gap: 0 0.5rem;
    }

    .value {
      font-variant-numeric: tabular-nums;
    }

    input[type='range'] {
      display: block;
      width: 100%;
      min-height: var(--target-size);
      margin: 0;
      accent-color: var(--link);
    }

    button[aria-disabled='true'] {
      border-style: dashed;
      cursor: not-allowed;
    }

    .size-buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.25rem;
    }

    /* What each theme looks like: its text on its background (its own colours, even under forced colours). */
    .swatch {
      display: inline-flex;
      flex: none;
      overflow: hidden;
      border: 0.0625rem solid var(--rule);
      border-radius: 0.25rem;
      font-family: var(--font-serif);
      line-height: 1.6;
      forced-color-adjust: none;
    }

    .swatch span {
      padding-inline: 0.4em;
      background: var(--swatch-bg);
      color: var(--swatch-text);
    }

    .light {
      --swatch-bg: var(--light-bg);
      --swatch-text: var(--light-text);
    }

    .dark {
      --swatch-bg: var(--dark-bg);
      --swatch-text: var(--dark-text);
    }

    .sepia {
      --swatch-bg: var(--sepia-bg);
      --swatch-text: var(--sepia-text);
    }

    .contrast {
      --swatch-bg: var(--contrast-bg);
      --swatch-text: var(--contrast-text);
    }

    /* Each font's name in that font; the optional fonts' samples hold only these letters (scripts/font-samples.mjs). */
    .font-serif {
      font-family: var(--font-serif);
    }

    .font-sans {
      font-family: var(--font-sans);
    }

    .font-atkinson {
      font-family: 'Atkinson Hyperlegible sample', var(--font-sans);
    }

    .font-opendyslexic {
      font-family: 'OpenDyslexic sample', var(--font-sans);
    }

    .hint {
      margin: 0.25rem 0 0;
      color: var(--muted);
      font-size: 0.875em;
    }

    .notice {
      margin: 0 0 1rem;
    }

    .reset {
      margin-top: 1rem;
    }

    .close {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
    }

    /* Close stays in view below the scrolling controls, where the screen is tall enough for both. */
    .actions {
      padding: 0.5rem clamp(0.5rem, 2.5vw, 1rem);
      border-top: 0.0625rem solid var(--rule);
    }

    @media (max-height: 30rem) {
      .panel {
        overflow-y: auto;
      }

      .scroller {
        overflow-y: visible;
      }
    }
  `,
  ];

  private readonly settings = new PreferenceController(this, readingSettings(), (event) => this.settingsChanged(event));

  constructor() {
    super();
    new RevealFocusController(this);
    // While open over the bottom of the screen, the page keeps what is focused clear of it.
    new DockingController(this, { element: () => (this.open ? this.panelElement : null), maxShare: 1, property: '--settings-height' });
  }

  @state() private open = false;
  /** The controls render when the panel is first opened: page load does less before a first interaction. */
  @state() private opened = false;
  /** Closing: the toggle already says "collapsed" as it takes focus; the panel goes just after. */
  @state() private closing = false;

  @query('.toggle') private toggleButton!: HTMLButtonElement;
  @query('.panel') private panelElement!: HTMLElement;

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
        ${SETTINGS_ICON}<span part="toggle-words">Reading settings</span>
      </button>
      <div class="panel" part="panel" id="panel" ?hidden=${!this.open} @keydown=${this.onPanelKeydown}>
        ${this.opened ? this.renderControls(this.settings.value) : nothing}
      </div>
    `;
  }

  private renderControls(s: ReadingSettings) {
    return html`
      <div class="scroller" tabindex="-1">
        ${this.renderNotices()}
        <div class="groups">
          ${FIELDSETS.map(
            ({ legend, settings }) => html`
              <fieldset>
                <legend>${legend}</legend>
                ${settings.map((described) => this.renderControl(described, s))}
              </fieldset>
            `,
          )}
        </div>
        <button type="button" class="reset" @click=${this.reset}>Reset to defaults</button>
      </div>
      <div class="actions">
        <button type="button" class="close" @click=${this.close}>
          ${CLOSE_ICON}Close<span class="visually-hidden"> reading settings</span>
        </button>
      </div>
    `;
  }

  private renderNotices() {
    const { storageState, rejected } = this.settings.store;
    const notices: string[] = [];
    if (rejected.length > 0) {
      notices.push(`Some saved settings could not be read and were reset to their defaults: ${rejected.map((key) => READING_SETTINGS[key].label.toLowerCase()).join(', ')}.`);
    }
    if (storageState === 'blocked') notices.push('This browser does not let the page save settings, so they apply for this visit only.');
    if (storageState === 'full') notices.push('The browser’s storage is full, so these settings apply for this visit only.');
    return notices.length === 0 ? nothing : notices.map((text) => html`<p class="notice">${text}</p>`);
  }

  private renderControl(described: DescribedSetting, s: ReadingSettings) {
    switch (described.kind) {
      case 'range':
        return described.key === 'textSize' ? [this.renderSlider(described, s), this.renderTextSizeButtons(s)] : this.renderSlider(described, s);
      case 'choice':
        return this.renderChoices(described, s);
      case 'toggle':
        return this.renderCheckbox(described, s);
    }
  }

  private renderSlider({ key, setting }: Described<'range'>, s: ReadingSettings) {
    const value = s[key];
    return html`
      <div class="slider">
        <label for=${key}>${setting.label} <span class="value" aria-hidden="true">${setting.format(value)}</span></label>
        <input id=${key} type="range" min=${setting.min} max=${setting.max} step=${setting.step} .value=${String(value)}
          aria-valuetext=${setting.format(value)}
          @input=${(e: Event) => this.change(key, Number((e.target as HTMLInputElement).value))} />
      </div>
    `;
  }

  /** At the limit a button says it is unavailable but keeps focus (a disabled one would drop it). */
  private renderTextSizeButtons(s: ReadingSettings) {
    const { min, max } = READING_SETTINGS.textSize;
    return html`
      <div class="size-buttons">
        <button type="button" class="smaller" @click=${() => this.stepTextSize(-1)} aria-disabled=${s.textSize <= min}>
          A−<span class="visually-hidden"> Smaller text</span>
        </button>
        <button type="button" class="larger" @click=${() => this.stepTextSize(1)} aria-disabled=${s.textSize >= max}>
          A+<span class="visually-hidden"> Larger text</span>
        </button>
      </div>
    `;
  }

  private renderChoices({ key, setting }: Described<'choice'>, s: ReadingSettings) {
    return choicesOf(setting).map(
      (value) => html`
        <label class="choice">
          <input type="radio" name=${key} value=${value} .checked=${value === s[key]} @change=${() => this.change(key, value)} />
          ${key === 'theme' ? swatch(value) : nothing}
          <span class=${key === 'font' ? `font-${value}` : ''}>${setting.choices[value]}</span>
        </label>
      `,
    );
  }

  private renderCheckbox({ key, setting }: Described<'toggle'>, s: ReadingSettings) {
    const hintId = setting.hint ? `${key}-hint` : undefined;
    return html`
      <label class="choice">
        <input type="checkbox" name=${key} .checked=${s[key]} aria-describedby=${ifDefined(hintId)}
          aria-keyshortcuts=${ifDefined(setting.keyshortcuts)}
          @change=${(e: Event) => this.change(key, (e.target as HTMLInputElement).checked)} />
        ${setting.label}
      </label>
      ${hintId ? html`<p class="hint" id=${hintId}>${setting.hint}</p>` : nothing}
    `;
  }

  private toggle() {
    this.open = !this.open;
    this.opened ||= this.open;
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
        const covered = [...target.getClientRects()].some((box) => box.bottom > this.panelElement.getBoundingClientRect().top && box.top < window.innerHeight);
        if (covered) this.open = false;
      }),
    );
  };

  /** Each control gives a value of its own setting's type (the slider a number, and so on). */
  private change(key: SettingKey, value: number | string | boolean) {
    this.settings.store.update({ [key]: value } as Partial<ReadingSettings>);
  }

  /** A−/A+: the focused button does not say the new size, so the announcer does. */
  private stepTextSize(direction: 1 | -1) {
    const current = this.settings.value.textSize;
    const next = direction > 0 ? TEXT_SIZE_STEPS.find((size) => size > current) : TEXT_SIZE_STEPS.findLast((size) => size < current);
    if (next === undefined) return;
    this.change('textSize', next);
    announce(`${READING_SETTINGS.textSize.label} ${READING_SETTINGS.textSize.format(next)}.`);
  }

  private reset() {
    this.settings.store.reset();
  }

  /** Said once the store has tried to save the change (it tells whether it could just after). */
  private settingsChanged(event: PreferenceChangeEvent<ReadingSettings>) {
    queueMicrotask(() => {
      const unsaved = this.settings.store.storageState !== 'ok';
      if (event.source === 'reset') announce(`Settings reset to defaults.${unsaved ? ' Not saved for your next visit.' : ''}`);
      else if (event.source === 'other-tab') announce('Reading settings changed in another tab.');
      else if (event.changed.length > 0 && unsaved && !this.saidNotSaved) announce('This change is not saved for your next visit.');
      else return;
      if (unsaved) this.saidNotSaved = true;
    });
  }
}

/** A theme's text on its background; "follow system" shows light and dark side by side. */
function swatch(theme: string) {
  const halves = theme === 'system' ? [['light', 'A'], ['dark', 'a']] : [[theme, 'Aa']];
  return html`<span class="swatch" aria-hidden="true">${halves.map(([colours, text]) => html`<span class=${colours}>${text}</span>`)}</span>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'reading-settings-panel': ReadingSettingsPanel;
  }
}
