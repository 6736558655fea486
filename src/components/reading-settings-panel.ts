import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
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
import { controlStyles } from '../styles/control-styles.js';

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

/** The A−/A+ buttons step through the sizes browsers use for zoom. */
const TEXT_SIZE_STEPS = [80, 90, 100, 110, 125, 150, 175, 200, 250, 300];

/**
 * The reading-settings panel: a disclosure button in the page header that opens a panel of
 * native controls. Every change applies at once and is kept for the next visit. A change is
 * heard once, as the control itself says it (the slider's value text, the radio's name); the
 * page's announcer speaks only for what no control says: a reset, a change from another tab,
 * a change that could not be saved.
 */
@customElement('reading-settings-panel')
export class ReadingSettingsPanel extends LitElement {
  static override styles = [
    controlStyles,
    css`
    /* The host's children take part in the page header's toolbar grid: the button sits
       beside the site name when there is room, and the panel spans the width below. */
    :host {
      display: contents;
      font-family: var(--font-ui);
      color: var(--text);
    }

    .toggle {
      justify-self: start;
    }

    @container site-header (min-width: 26em) {
      .toggle {
        grid-column: 3;
        grid-row: 1;
      }
    }

    input {
      font: inherit;
      color: inherit;
    }

    .toggle[aria-expanded='true'] {
      background: var(--surface);
    }

    .panel {
      grid-column: 1 / -1;
      margin: 0.75rem 0;
      padding: clamp(0.5rem, 2.5vw, 1rem);
      border: 0.0625rem solid var(--rule);
      border-radius: 0.5rem;
      background: var(--bg);
    }

    .panel[hidden] {
      display: none;
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
      min-height: 2.75rem;
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

    .choice {
      display: flex;
      align-items: center;
      gap: 0.625rem;
      min-height: 2.75rem;
      cursor: pointer;
    }

    .choice input {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
      flex: none;
      accent-color: var(--link);
    }

    .hint {
      margin: 0.25rem 0 0;
      color: var(--muted);
      font-size: 0.875em;
    }

    .notice {
      margin: 0 0 1rem;
      padding: 0.5rem 0.75rem;
      border-inline-start: 0.25rem solid var(--accent);
      background: var(--surface);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin-top: 1rem;
    }

  `,
  ];

  private readonly settings = new PreferenceController(this, readingSettings(), (event) => this.settingsChanged(event));

  constructor() {
    super();
    new RevealFocusController(this);
  }

  @state() private open = false;
  /** Closing: the toggle already says "collapsed" as it takes focus; the panel goes just after. */
  @state() private closing = false;

  @query('.toggle') private toggleButton!: HTMLButtonElement;

  /** "Not saved" is said once a visit, on the first change that could not be kept. */
  private saidNotSaved = false;

  override render() {
    const s = this.settings.value;
    return html`
      <button class="toggle" type="button" aria-expanded=${this.open && !this.closing} aria-controls="panel" @click=${this.toggle}>
        Reading settings
      </button>
      <div class="panel" id="panel" ?hidden=${!this.open} @keydown=${this.onPanelKeydown}>
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
        <div class="actions">
          <button type="button" @click=${this.reset}>Reset to defaults</button>
          <button type="button" @click=${this.close}>Close reading settings</button>
        </div>
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
          ${setting.choices[value]}
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

declare global {
  interface HTMLElementTagNameMap {
    'reading-settings-panel': ReadingSettingsPanel;
  }
}
