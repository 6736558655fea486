import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PreferenceController } from '../controllers/preference-controller.js';
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

/** How long a change must settle before it is announced, so a dragged slider says one thing. */
const ANNOUNCE_DELAY_MS = 700;

/**
 * The reading-settings panel: a disclosure button in the page header that opens a panel of
 * native controls. Every change applies at once, is kept for the next visit and is
 * announced politely once it settles.
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

    output {
      font-variant-numeric: tabular-nums;
    }

    input[type='range'] {
      display: block;
      width: 100%;
      min-height: 2.75rem;
      margin: 0;
      accent-color: var(--link);
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
  /** The controls render when the panel is first opened: page load does less before a first interaction. */
  @state() private opened = false;
  @state() private announcement = '';

  @query('.toggle') private toggleButton!: HTMLButtonElement;

  private announceTimer?: ReturnType<typeof setTimeout>;
  private pendingAnnouncement = '';

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  override render() {
    const s = this.settings.value;
    return html`
      <button class="toggle" type="button" aria-expanded=${this.open} aria-controls="panel" @click=${this.toggle}>
        Reading settings
      </button>
      <div class="panel" id="panel" ?hidden=${!this.open} @keydown=${this.onPanelKeydown}>
        ${this.opened ? this.renderControls(s) : nothing}
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  private renderControls(s: ReadingSettings) {
    return html`
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
        <label for=${key}>${setting.label} <output for=${key}>${setting.format(value)}</output></label>
        <input id=${key} type="range" min=${setting.min} max=${setting.max} step=${setting.step} .value=${String(value)}
          aria-valuetext=${setting.format(value)}
          @input=${(e: Event) => this.change(key, Number((e.target as HTMLInputElement).value))} />
      </div>
    `;
  }

  private renderTextSizeButtons(s: ReadingSettings) {
    const { min, max } = READING_SETTINGS.textSize;
    return html`
      <div class="size-buttons">
        <button type="button" @click=${() => this.stepTextSize(-1)} ?disabled=${s.textSize <= min}>
          A−<span class="visually-hidden"> Smaller text</span>
        </button>
        <button type="button" @click=${() => this.stepTextSize(1)} ?disabled=${s.textSize >= max}>
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
    this.opened ||= this.open;
  }

  private async close() {
    this.open = false;
    await this.updateComplete;
    this.toggleButton.focus();
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

  private stepTextSize(direction: 1 | -1) {
    const current = this.settings.value.textSize;
    const next = direction > 0 ? TEXT_SIZE_STEPS.find((size) => size > current) : TEXT_SIZE_STEPS.findLast((size) => size < current);
    if (next !== undefined) this.change('textSize', next);
  }

  private reset() {
    this.settings.store.reset();
  }

  private settingsChanged(event: PreferenceChangeEvent<ReadingSettings>) {
    const s = this.settings.value;
    let message = '';
    if (event.source === 'reset') message = 'Settings reset to defaults.';
    else if (event.source === 'other-tab') message = 'Reading settings changed in another tab.';
    else if (event.changed.length > 0) message = describeChange(event.changed[0], s);
    if (!message) return;
    const { storageState } = this.settings.store;
    if (storageState !== 'ok') message += ' Not saved for your next visit.';
    this.announce(message);
  }

  /** One short status once changes settle, not a stream while a slider is dragged. */
  private announce(message: string) {
    this.pendingAnnouncement = message;
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.announcement = this.pendingAnnouncement;
    }, ANNOUNCE_DELAY_MS);
  }
}

/** "Text size 150%.", "Theme: Sepia.", "Line focus on." */
function describeChange(key: SettingKey, s: ReadingSettings): string {
  const described = SETTINGS.find((d) => d.key === key)!;
  switch (described.kind) {
    case 'range':
      return `${described.setting.label} ${described.setting.format(s[described.key])}.`;
    case 'choice':
      return `${described.setting.label}: ${described.setting.choices[s[described.key]]}.`;
    case 'toggle':
      return `${described.setting.label} ${s[described.key] ? 'on' : 'off'}.`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reading-settings-panel': ReadingSettingsPanel;
  }
}
