// The reading settings' controls, with their look: sliders, choices with swatches and font
// samples, checkboxes, Reset and Close. They load on the panel's first opening (see
// ReadingSettingsPanel.toggle), so a visit that never opens it does not download them; the
// offline worker precaches them like the rest.
import { css, html, nothing, svg, type LitElement } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { announce } from '../../announcer.js';
import { DockingController } from '../../controllers/docking-controller.js';
import { adoptLaterStyles } from '../../styles/component-styles.js';
import { OfflineFontsController } from './offline-fonts-controller.js';
import { firstUseWords, pageLanguage } from '../../words/first-use-words.js';
import { fill } from '../../words/template.js';
import type { StorageState } from '../../preferences/preference-store.js';
import {
  choicesOf,
  describedSettings,
  READING_SETTINGS,
  type DescribedSetting,
  type ReadingSettings,
  type SettingGroup,
  type SettingKey,
} from '../../preferences/reading-settings.js';

/** What the controls show and do: the panel hands them this on every render. */
export interface ControlsView {
  settings: Readonly<ReadingSettings>;
  storageState: StorageState;
  /** Stored settings that could not be read and were reset. */
  rejected: readonly SettingKey[];
  /** Each control gives a value of its own setting's type (the slider a number, and so on). */
  change(key: SettingKey, value: number | string | boolean): void;
  reset(): void;
  close(): void;
}

type Described<Kind extends DescribedSetting['kind']> = Extract<DescribedSetting, { kind: Kind }>;

/** The panel's fieldsets, in the settings' order: a radio group has its own (named as the setting), the rest share their group's. */
const FIELDSETS: { group?: SettingGroup; settings: DescribedSetting[] }[] = [];
for (const described of describedSettings()) {
  const group = described.kind === 'choice' ? undefined : described.setting.group;
  const shared = group && FIELDSETS.find((fieldset) => fieldset.group === group);
  if (shared) shared.settings.push(described);
  else FIELDSETS.push({ group, settings: [described] });
}

/** A setting's name in the page's words. */
const labelOf = (key: SettingKey) => firstUseWords().settings.each[key].label;

/** A cross, beside Close: short words, so the sheet's last row stays one line at any text size. */
const CLOSE_ICON = svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="m3.5 2.4 4.5 4.5 4.5-4.5 1.1 1.1L9.1 8l4.5 4.5-1.1 1.1L8 9.1l-4.5 4.5-1.1-1.1L6.9 8 2.4 3.5z" /></svg>`;

/** The A−/A+ buttons step through the sizes browsers use for zoom. */
const TEXT_SIZE_STEPS = [80, 90, 100, 110, 125, 150, 175, 200, 250, 300];

/** Which optional fonts cannot be had offline, for the page's one panel (see attach). */
let offlineFonts: OfflineFontsController | undefined;

/**
 * Sets the panel up for these controls, once loaded: their styles; while it is open over the
 * bottom of the screen, the page keeps what is focused clear of it; the optional fonts are
 * checked for offline reading.
 * @param openPanel the panel's element while it is open
 */
export function attach(panel: LitElement, openPanel: () => HTMLElement | null) {
  adoptLaterStyles(panel.renderRoot, controlsStyles);
  new DockingController(panel, { element: openPanel, maxShare: 1, property: '--settings-height' });
  offlineFonts = new OfflineFontsController(panel, () => openPanel() !== null);
}

/** What the panel says of a change made with these controls, once the store has tried to save it: a reset, or a change it could not save. */
export function changeSaid(reset: boolean, unsaved: boolean) {
  const words = firstUseWords().settings;
  return reset ? `${words.resetDone}${unsaved ? words.notSavedForNextVisit : ''}` : words.changeNotSaved;
}

export function renderControls(view: ControlsView) {
  const words = firstUseWords().settings;
  return html`
    <div class="scroller" tabindex="-1">
      ${renderNotices(view)}
      <div class="groups">
        ${FIELDSETS.map(
          ({ group, settings }) => html`
            <fieldset>
              <legend>${group ? words.groups[group] : labelOf(settings[0].key)}</legend>
              ${settings.map((described) => renderControl(view, described))}
            </fieldset>
          `,
        )}
      </div>
      <button type="button" class="reset" @click=${view.reset}>${words.reset}</button>
    </div>
    <div class="actions">
      <button type="button" class="close" @click=${view.close}>
        ${CLOSE_ICON}${words.close}<span class="visually-hidden">${words.closeWhat}</span>
      </button>
    </div>
  `;
}

function renderNotices({ storageState, rejected }: ControlsView) {
  const words = firstUseWords().settings;
  const notices: string[] = [];
  if (rejected.length > 0)
    notices.push(fill(words.rejected, { names: rejected.map((key) => labelOf(key).toLowerCase()).join(', ') }));
  if (storageState === 'blocked') notices.push(words.storageBlocked);
  if (storageState === 'full') notices.push(words.storageFull);
  return notices.length === 0 ? nothing : notices.map((text) => html`<p class="notice">${text}</p>`);
}

function renderControl(view: ControlsView, described: DescribedSetting) {
  switch (described.kind) {
    case 'range':
      return described.key === 'textSize'
        ? [renderSlider(view, described), renderTextSizeButtons(view)]
        : renderSlider(view, described);
    case 'choice':
      return renderChoices(view, described);
    case 'toggle':
      return renderCheckbox(view, described);
  }
}

function renderSlider(view: ControlsView, { key, setting }: Described<'range'>) {
  const value = view.settings[key];
  const text = setting.format(value, pageLanguage());
  return html`
    <div class="slider">
      <label for=${key}>${labelOf(key)} <span class="value" aria-hidden="true">${text}</span></label>
      <input id=${key} type="range" min=${setting.min} max=${setting.max} step=${setting.step} .value=${String(value)}
        aria-valuetext=${text}
        @input=${(e: Event) => view.change(key, Number((e.target as HTMLInputElement).value))} />
    </div>
  `;
}

/** At the limit a button says it is unavailable but keeps focus (a disabled one would drop it). */
function renderTextSizeButtons(view: ControlsView) {
  const s = view.settings;
  const { min, max } = READING_SETTINGS.textSize;
  const words = firstUseWords().settings;
  return html`
    <div class="size-buttons">
      <button type="button" class="smaller" @click=${() => stepTextSize(view, -1)} aria-disabled=${s.textSize <= min}>
        A−<span class="visually-hidden">${words.smaller}</span>
      </button>
      <button type="button" class="larger" @click=${() => stepTextSize(view, 1)} aria-disabled=${s.textSize >= max}>
        A+<span class="visually-hidden">${words.larger}</span>
      </button>
    </div>
  `;
}

/**
 * Each choice by its name; a font's in that font, and, where it cannot be had offline, saying so
 * in the same label, so a screen reader reads it with the option.
 */
function renderChoices(view: ControlsView, { key, setting }: Described<'choice'>) {
  const s = view.settings;
  const words = firstUseWords().settings;
  const names: Record<string, string> = words.each[key].choices;
  const needsConnection = (value: string) =>
    key === 'font' && offlineFonts?.unavailable.has(value)
      ? html` <span class="needs-connection">${words.needsConnection}</span>`
      : nothing;
  return choicesOf(setting).map(
    (value) => html`
      <label class="choice">
        <input type="radio" name=${key} value=${value} .checked=${value === s[key]} @change=${() => view.change(key, value)} />
        ${key === 'theme' ? swatch(value) : nothing}
        <span><span class=${key === 'font' ? `font-${value}` : ''}>${names[value]}</span>${needsConnection(value)}</span>
      </label>
    `,
  );
}

function renderCheckbox(view: ControlsView, { key, setting }: Described<'toggle'>) {
  const s = view.settings;
  const { label, hint } = firstUseWords().settings.each[key];
  const hintId = hint ? `${key}-hint` : undefined;
  return html`
    <label class="choice">
      <input type="checkbox" name=${key} .checked=${s[key]} aria-describedby=${ifDefined(hintId)}
        aria-keyshortcuts=${ifDefined(setting.keyshortcuts)}
        @change=${(e: Event) => view.change(key, (e.target as HTMLInputElement).checked)} />
      ${label}
    </label>
    ${hintId ? html`<p class="hint" id=${hintId}>${hint}</p>` : nothing}
  `;
}

/** A−/A+: the focused button does not say the new size, so the announcer does. */
function stepTextSize(view: ControlsView, direction: 1 | -1) {
  const current = view.settings.textSize;
  const next =
    direction > 0 ? TEXT_SIZE_STEPS.find((size) => size > current) : TEXT_SIZE_STEPS.findLast((size) => size < current);
  if (next === undefined) return;
  view.change('textSize', next);
  announce(`${labelOf('textSize')} ${READING_SETTINGS.textSize.format(next, pageLanguage())}.`, 'reading-settings');
}

/** A theme's text on its background; "follow system" shows light and dark side by side. */
function swatch(theme: string) {
  const halves =
    theme === 'system'
      ? [
          ['light', 'A'],
          ['dark', 'a'],
        ]
      : [[theme, 'Aa']];
  return html`<span class="swatch" aria-hidden="true">${halves.map(([colours, text]) => html`<span class=${colours}>${text}</span>`)}</span>`;
}

/** The controls' look; the panel's own (its box, the sheet's place) stays with the panel. */
export const controlsStyles = css`
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

    /* Each font's name in that font; the optional fonts' samples hold only these letters (generator/bundle/font-samples.ts). */
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

    .needs-connection {
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
`;
