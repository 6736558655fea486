// The reader's display settings, each described once, in READING_SETTINGS: what it holds
// (default, range or choices), how it reaches the page's CSS, its fieldset and its value text.
// What the panel calls it (label, choice names, hint) is in the edition's words, one table per
// language (src/words/first-use-words.ts), so the <head> snippet that bundles this module to apply stored
// settings before first paint carries no words. Everything else is derived: the ReadingSettings
// type, defaults, the check of a stored value, applying settings to the page, the panel's
// controls, the names in its notices and its announcements, and the tests' extremes. Adding a
// setting is one entry here, its words in each table and one CSS rule (see the README).
import {
  boolean,
  numberIn,
  oneOf,
  parseFields,
  sharedStore,
  type Checked,
  type FieldCheck,
} from './preference-store.js';
import { SETTINGS_KEY } from './storage-keys.js';

/** Where a setting reaches the page: a custom property or a data attribute on <html>. */
type Target<V> = ({ css: `--${string}`; data?: never } | { data: string; css?: never }) & {
  /** The text written there; by default the value itself, or "on"/"off" for a checkbox. */
  toCss?(value: V): string;
};

/** The panel's fieldsets that several settings share; their names are the edition's words (src/words/first-use-words.ts). */
export type SettingGroup = 'text' | 'spacing' | 'aids';

/** A number in a range: a slider, in a fieldset shared with the other settings of its group. */
export type RangeSetting = Target<number> & {
  min: number;
  max: number;
  step: number;
  default: number;
  group: SettingGroup;
  /** The value as shown beside the slider and announced in a language, e.g. "150%" (English), "150 %" (French). */
  format(value: number, lang: string): string;
};

/** One of a few values, in the panel's order (their names are the edition's words): a radio group with its own fieldset. */
export type ChoiceSetting<C extends string = string> = Target<C> & { choices: readonly C[]; default: C };

/** On or off: a checkbox, in a fieldset shared with the other settings of its group. */
export type ToggleSetting = Target<boolean> & {
  default: boolean;
  group: SettingGroup;
  /** Keys that operate the setting, for aria-keyshortcuts. */
  keyshortcuts?: string;
};

type AnySetting = RangeSetting | ChoiceSetting | ToggleSetting;

// Identity functions that type each entry; a choice's default must be one of its choices.
const range = (setting: RangeSetting) => setting;
const choice = <const C extends string>(
  setting: Target<NoInfer<C>> & { choices: readonly C[]; default: NoInfer<C> },
): ChoiceSetting<C> => setting;
const toggle = (setting: ToggleSetting) => setting;

const em = (value: number) => `${value}em`;
const decimals = (value: number, lang: string, digits: number) =>
  new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
const inEm = (value: number, lang: string) => `${decimals(value, lang, 2)} em`;

/**
 * The settings, in the panel's order. Limits reach past WCAG 1.4.4 (200%) and 1.4.12 (line 1.5,
 * letter 0.12em, word 0.16em, paragraph 2em).
 */
export const READING_SETTINGS = {
  textSize: range({
    group: 'text',
    format: (percent, lang) => new Intl.NumberFormat(lang, { style: 'percent' }).format(percent / 100),
    min: 80,
    max: 300,
    step: 5,
    default: 100,
    css: '--text-scale',
    toCss: (percent) => String(percent / 100),
  }),
  lineHeight: range({
    group: 'spacing',
    format: (value, lang) => decimals(value, lang, 1),
    min: 1.2,
    max: 2.5,
    step: 0.1,
    default: 1.6,
    css: '--line-height',
  }),
  letterSpacing: range({
    group: 'spacing',
    format: inEm,
    min: 0,
    max: 0.24,
    step: 0.02,
    default: 0,
    css: '--letter-spacing',
    toCss: em,
  }),
  wordSpacing: range({
    group: 'spacing',
    format: inEm,
    min: 0,
    max: 0.48,
    step: 0.04,
    default: 0,
    css: '--word-spacing',
    toCss: em,
  }),
  paragraphSpacing: range({
    group: 'spacing',
    format: inEm,
    min: 0.5,
    max: 3,
    step: 0.25,
    default: 1.25,
    css: '--paragraph-spacing',
    toCss: em,
  }),
  // Line lengths in characters of the current font.
  width: choice({
    choices: ['narrow', 'medium', 'wide'],
    default: 'medium',
    css: '--measure',
    toCss: (width) => ({ narrow: '52ch', medium: '66ch', wide: '80ch' })[width],
  }),
  font: choice({
    choices: ['default', 'serif', 'sans', 'atkinson', 'opendyslexic'],
    default: 'default',
    data: 'font',
  }),
  theme: choice({
    choices: ['system', 'light', 'dark', 'sepia', 'contrast'],
    default: 'system',
    data: 'theme',
  }),
  lineFocus: toggle({
    group: 'aids',
    keyshortcuts: 'Alt+ArrowUp Alt+ArrowDown',
    default: false,
    data: 'lineFocus',
  }),
  reduceMotion: toggle({
    group: 'aids',
    default: false,
    data: 'motion',
    toCss: (on) => (on ? 'reduce' : 'system'),
  }),
};

export type SettingKey = keyof typeof READING_SETTINGS;

type ValueOf<S> = S extends ChoiceSetting<infer C> ? C : S extends RangeSetting ? number : boolean;

/** The reader's settings: a value for each entry of READING_SETTINGS. */
export type ReadingSettings = { [K in SettingKey]: ValueOf<(typeof READING_SETTINGS)[K]> };

/** A choice setting's values, in the panel's order. */
export const choicesOf = <C extends string>(setting: ChoiceSetting<C>): C[] => [...setting.choices];

/** The settings as [key, entry] pairs, in order, for code that treats every setting alike. */
const SETTINGS = Object.entries(READING_SETTINGS) as [SettingKey, AnySetting][];

const isRange = (setting: AnySetting): setting is RangeSetting => 'min' in setting;
const isChoice = (setting: AnySetting): setting is ChoiceSetting => 'choices' in setting;

type KeysOf<Kind> = { [K in SettingKey]: (typeof READING_SETTINGS)[K] extends Kind ? K : never }[SettingKey];

/** A setting told apart by kind: what the panel renders and announces. */
export type DescribedSetting =
  | { kind: 'range'; key: KeysOf<RangeSetting>; setting: RangeSetting }
  | { kind: 'choice'; key: KeysOf<ChoiceSetting>; setting: ChoiceSetting }
  | { kind: 'toggle'; key: KeysOf<ToggleSetting>; setting: ToggleSetting };

/** Every setting, in order, with its kind (a function, so the <head> snippet's bundle leaves it out). */
export function describedSettings(): DescribedSetting[] {
  // The casts restate what READING_SETTINGS already guarantees for each key.
  return SETTINGS.map(([key, setting]): DescribedSetting => {
    if (isRange(setting)) return { kind: 'range', key: key as KeysOf<RangeSetting>, setting };
    if (isChoice(setting)) return { kind: 'choice', key: key as KeysOf<ChoiceSetting>, setting };
    return { kind: 'toggle', key: key as KeysOf<ToggleSetting>, setting };
  });
}

export const DEFAULT_SETTINGS = Object.freeze(
  Object.fromEntries(SETTINGS.map(([key, setting]) => [key, setting.default])),
) as Readonly<ReadingSettings>;

const CHECKS = Object.fromEntries(
  SETTINGS.map(([key, setting]): [SettingKey, FieldCheck] => [
    key,
    isRange(setting) ? numberIn(setting.min, setting.max) : isChoice(setting) ? oneOf(choicesOf(setting)) : boolean,
  ]),
) as Record<SettingKey, FieldCheck>;

/** Reads what storage held, keeping each valid field; see parseFields. */
export function parseSettings(text: string | null): Checked<ReadingSettings> {
  return parseFields(text, DEFAULT_SETTINGS, CHECKS);
}

/** Puts settings on the root element, where the stylesheet picks them up. */
export function applySettings(root: HTMLElement, settings: ReadingSettings) {
  for (const [key, setting] of SETTINGS) {
    const value = settings[key];
    const text = setting.toCss
      ? setting.toCss(value as never)
      : typeof value === 'boolean'
        ? value
          ? 'on'
          : 'off'
        : String(value);
    if (setting.css) root.style.setProperty(setting.css, text);
    else root.dataset[setting.data] = text;
  }
}

/** The page's reading settings, applied to its root element. */
export function readingSettings() {
  return sharedStore(SETTINGS_KEY, {
    defaults: DEFAULT_SETTINGS,
    parse: parseSettings,
    apply: (settings) => applySettings(document.documentElement, settings),
  });
}
