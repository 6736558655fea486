import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { PreferenceController } from '../controllers/preference-controller.js';
import { RevealFocusController } from '../controllers/reveal-focus-controller.js';
import type { PreferenceChangeEvent } from '../preferences/preference-store.js';
import {
  FONTS,
  RANGES,
  readingSettings,
  THEMES,
  WIDTHS,
  type NumericSetting,
  type ReadingSettings,
} from '../preferences/reading-settings.js';
import { controlStyles } from '../styles/control-styles.js';

const FONT_NAMES: Record<(typeof FONTS)[number], string> = {
  default: 'Edition default',
  serif: 'Serif',
  sans: 'Sans-serif',
  atkinson: 'Atkinson Hyperlegible',
  opendyslexic: 'OpenDyslexic',
};

const THEME_NAMES: Record<(typeof THEMES)[number], string> = {
  system: 'Follow system',
  light: 'Light',
  dark: 'Dark',
  sepia: 'Sepia',
  contrast: 'High contrast',
};

const WIDTH_NAMES: Record<(typeof WIDTHS)[number], string> = { narrow: 'Narrow', medium: 'Medium', wide: 'Wide' };

const SLIDERS: { key: NumericSetting; label: string; format: (value: number) => string }[] = [
  { key: 'textSize', label: 'Text size', format: (v) => `${v}%` },
  { key: 'lineHeight', label: 'Line height', format: (v) => v.toFixed(1) },
  { key: 'letterSpacing', label: 'Letter spacing', format: (v) => `${v.toFixed(2)} em` },
  { key: 'wordSpacing', label: 'Word spacing', format: (v) => `${v.toFixed(2)} em` },
  { key: 'paragraphSpacing', label: 'Paragraph spacing', format: (v) => `${v.toFixed(2)} em` },
];

const FIELD_NAMES: Record<keyof ReadingSettings, string> = {
  textSize: 'text size',
  lineHeight: 'line height',
  letterSpacing: 'letter spacing',
  wordSpacing: 'word spacing',
  paragraphSpacing: 'paragraph spacing',
  width: 'line width',
  font: 'font',
  theme: 'theme',
  lineFocus: 'line focus',
  reduceMotion: 'reduce motion',
};

/** The A−/A+ buttons step through the sizes browsers use for zoom. */
const TEXT_SIZE_STEPS = [80, 90, 100, 110, 125, 150, 175, 200, 250, 300];

/** How long a change must settle before it is announced, so a dragged slider says one thing. */
const ANNOUNCE_DELAY_MS = 700;

/**
 * The reading-settings panel: a disclosure button in the page header that opens a panel of
 * native controls. Every change applies at once, is kept for the next visit and is
 * announced politely once it settles.
 */
@customElement('reading-settings')
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
        ${this.renderNotices()}
        <div class="groups">
          <fieldset>
            <legend>Text</legend>
            ${SLIDERS.slice(0, 1).map((slider) => this.renderSlider(slider, s))}
            <div class="size-buttons">
              <button type="button" @click=${() => this.stepTextSize(-1)} ?disabled=${s.textSize <= RANGES.textSize.min}>
                A−<span class="visually-hidden"> Smaller text</span>
              </button>
              <button type="button" @click=${() => this.stepTextSize(1)} ?disabled=${s.textSize >= RANGES.textSize.max}>
                A+<span class="visually-hidden"> Larger text</span>
              </button>
            </div>
          </fieldset>
          <fieldset>
            <legend>Spacing</legend>
            ${SLIDERS.slice(1).map((slider) => this.renderSlider(slider, s))}
          </fieldset>
          ${this.renderChoices('width', 'Line width', WIDTHS, WIDTH_NAMES, s.width)}
          ${this.renderChoices('font', 'Font', FONTS, FONT_NAMES, s.font)}
          ${this.renderChoices('theme', 'Theme', THEMES, THEME_NAMES, s.theme)}
          <fieldset>
            <legend>Reading aids</legend>
            <label class="choice">
              <input type="checkbox" name="lineFocus" .checked=${s.lineFocus} aria-describedby="line-focus-hint"
                aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                @change=${(e: Event) => this.change({ lineFocus: (e.target as HTMLInputElement).checked })} />
              Line focus
            </label>
            <p class="hint" id="line-focus-hint">
              Dims all but the lines you are reading. It follows the pointer; Alt+↑ and Alt+↓ move it a line.
            </p>
            <label class="choice">
              <input type="checkbox" name="reduceMotion" .checked=${s.reduceMotion} aria-describedby="motion-hint"
                @change=${(e: Event) => this.change({ reduceMotion: (e.target as HTMLInputElement).checked })} />
              Reduce motion
            </label>
            <p class="hint" id="motion-hint">No smooth scrolling or animation, even if your device allows it.</p>
          </fieldset>
        </div>
        <div class="actions">
          <button type="button" @click=${this.reset}>Reset to defaults</button>
          <button type="button" @click=${this.close}>Close reading settings</button>
        </div>
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  private renderNotices() {
    const { storageState, rejected } = this.settings.store;
    const notices: string[] = [];
    if (rejected.length > 0) {
      notices.push(`Some saved settings could not be read and were reset to their defaults: ${rejected.map((k) => FIELD_NAMES[k]).join(', ')}.`);
    }
    if (storageState === 'blocked') notices.push('This browser does not let the page save settings, so they apply for this visit only.');
    if (storageState === 'full') notices.push('The browser’s storage is full, so these settings apply for this visit only.');
    return notices.length === 0 ? nothing : notices.map((text) => html`<p class="notice">${text}</p>`);
  }

  private renderSlider({ key, label, format }: (typeof SLIDERS)[number], s: ReadingSettings) {
    const range = RANGES[key];
    return html`
      <div class="slider">
        <label for=${key}>${label} <output for=${key}>${format(s[key])}</output></label>
        <input id=${key} type="range" min=${range.min} max=${range.max} step=${range.step} .value=${String(s[key])}
          aria-valuetext=${format(s[key])}
          @input=${(e: Event) => this.change({ [key]: Number((e.target as HTMLInputElement).value) })} />
      </div>
    `;
  }

  private renderChoices<K extends 'width' | 'font' | 'theme'>(
    key: K,
    legend: string,
    values: readonly ReadingSettings[K][],
    names: Record<ReadingSettings[K], string>,
    current: ReadingSettings[K],
  ) {
    return html`
      <fieldset>
        <legend>${legend}</legend>
        ${values.map(
          (value) => html`
            <label class="choice">
              <input type="radio" name=${key} value=${value} .checked=${value === current}
                @change=${() => this.change({ [key]: value })} />
              ${names[value]}
            </label>
          `,
        )}
      </fieldset>
    `;
  }

  private toggle() {
    this.open = !this.open;
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

  private change(patch: Partial<ReadingSettings>) {
    this.settings.store.update(patch);
  }

  private stepTextSize(direction: 1 | -1) {
    const current = this.settings.value.textSize;
    const next = direction > 0 ? TEXT_SIZE_STEPS.find((size) => size > current) : TEXT_SIZE_STEPS.findLast((size) => size < current);
    if (next !== undefined) this.change({ textSize: next });
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

function describeChange(key: keyof ReadingSettings, s: ReadingSettings): string {
  switch (key) {
    case 'font':
      return `Font: ${FONT_NAMES[s.font]}.`;
    case 'theme':
      return `Theme: ${THEME_NAMES[s.theme]}.`;
    case 'width':
      return `Line width: ${WIDTH_NAMES[s.width]}.`;
    case 'lineFocus':
      return `Line focus ${s.lineFocus ? 'on' : 'off'}.`;
    case 'reduceMotion':
      return `Reduce motion ${s.reduceMotion ? 'on' : 'off'}.`;
    default: {
      const slider = SLIDERS.find((x) => x.key === key)!;
      return `${slider.label} ${slider.format(s[key])}.`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reading-settings': ReadingSettingsPanel;
  }
}
