// The reader's display settings, each described once here: READING_SETTINGS says what a
// setting holds and how it reaches the page's CSS, SETTING_WORDS what the panel shows and says
// for it. Everything else is derived: the ReadingSettings type, defaults, the check of a stored
// value, applying settings to the page, the panel's controls, the names in its notices and its
// announcements. Adding a setting is an entry in each table and a CSS rule (see the README).
//
// The two tables are apart because the <head> snippet bundles this module to apply stored
// settings before first paint: it uses READING_SETTINGS, and the bundler leaves out the words
// and the store, which it does not use.
import { boolean, numberIn, oneOf, parseFields, sharedStore, type Checked, type FieldCheck } from './preference-store.js';
import { SETTINGS_KEY } from './storage-keys.js';

/** Where a setting reaches the page: a custom property or a data attribute on <html>. */
type Target<V> = ({ css: `--${string}`; data?: never } | { data: string; css?: never }) & {
  /** The text written there; by default the value itself, or "on"/"off" for a checkbox. */
  toCss?(value: V): string;
};

/** A number in a range: a slider. */
export type RangeSetting = Target<number> & { min: number; max: number; step: number; default: number };

/** One of a few values, in the panel's order: a radio group. */
export type ChoiceSetting<C extends string = string> = Target<C> & { choices: readonly C[]; default: C };

/** On or off: a checkbox. */
export type ToggleSetting = Target<boolean> & { default: boolean };

type AnySetting = RangeSetting | ChoiceSetting | ToggleSetting;

// Identity functions that type each entry; a choice's default must be one of its choices.
const range = (setting: RangeSetting) => setting;
const choice = <const C extends string>(setting: Target<NoInfer<C>> & { choices: readonly C[]; default: NoInfer<C> }): ChoiceSetting<C> =>
  setting;
const toggle = (setting: ToggleSetting) => setting;

const em = (value: number) => `${value}em`;

/**
 * The settings, in the panel's order. Limits reach past WCAG 1.4.4 (200%) and 1.4.12 (line 1.5,
 * letter 0.12em, word 0.16em, paragraph 2em).
 */
export const READING_SETTINGS = {
  textSize: range({ min: 80, max: 300, step: 5, default: 100, css: '--text-scale', toCss: (percent) => String(percent / 100) }),
  lineHeight: range({ min: 1.2, max: 2.5, step: 0.1, default: 1.6, css: '--line-height' }),
  letterSpacing: range({ min: 0, max: 0.24, step: 0.02, default: 0, css: '--letter-spacing', toCss: em }),
  wordSpacing: range({ min: 0, max: 0.48, step: 0.04, default: 0, css: '--word-spacing', toCss: em }),
  paragraphSpacing: range({ min: 0.5, max: 3, step: 0.25, default: 1.25, css: '--paragraph-spacing', toCss: em }),
  // Line lengths in characters of the current font.
  width: choice({
    choices: ['narrow', 'medium', 'wide'],
    default: 'medium',
    css: '--measure',
    toCss: (width) => ({ narrow: '52ch', medium: '66ch', wide: '80ch' })[width],
  }),
  font: choice({ choices: ['default', 'serif', 'sans', 'atkinson', 'opendyslexic'], default: 'default', data: 'font' }),
  theme: choice({ choices: ['system', 'light', 'dark', 'sepia', 'contrast'], default: 'system', data: 'theme' }),
  lineFocus: toggle({ default: false, data: 'lineFocus' }),
  reduceMotion: toggle({ default: false, data: 'motion', toCss: (on) => (on ? 'reduce' : 'system') }),
};

export type SettingKey = keyof typeof READING_SETTINGS;

type ValueOf<S> = S extends ChoiceSetting<infer C> ? C : S extends RangeSetting ? number : boolean;

/** The reader's settings: a value for each entry of READING_SETTINGS. */
export type ReadingSettings = { [K in SettingKey]: ValueOf<(typeof READING_SETTINGS)[K]> };

/** A slider's words. */
export interface RangeWords {
  label: string;
  /** The legend of the fieldset it shares with the other settings of its group. */
  group: string;
  /** The value as shown beside the slider and announced, e.g. "150%". */
  format(value: number): string;
}

/** A radio group's words: its label is also the legend of its own fieldset. */
export interface ChoiceWords<C extends string = string> {
  label: string;
  choices: Record<C, string>;
}

/** A checkbox's words. */
export interface ToggleWords {
  label: string;
  /** The legend of the fieldset it shares with the other settings of its group. */
  group: string;
  /** A sentence under the checkbox, which describes it. */
  hint?: string;
  /** Keys that operate the setting, for aria-keyshortcuts. */
  keyshortcuts?: string;
}

type WordsFor<S> = S extends ChoiceSetting<infer C> ? ChoiceWords<C> : S extends RangeSetting ? RangeWords : ToggleWords;

const inEm = (value: number) => `${value.toFixed(2)} em`;

/** What the panel shows and says for each setting. A label in lower case names it in notices. */
export const SETTING_WORDS = {
  textSize: { label: 'Text size', group: 'Text', format: (percent) => `${percent}%` },
  lineHeight: { label: 'Line height', group: 'Spacing', format: (value) => value.toFixed(1) },
  letterSpacing: { label: 'Letter spacing', group: 'Spacing', format: inEm },
  wordSpacing: { label: 'Word spacing', group: 'Spacing', format: inEm },
  paragraphSpacing: { label: 'Paragraph spacing', group: 'Spacing', format: inEm },
  width: { label: 'Line width', choices: { narrow: 'Narrow', medium: 'Medium', wide: 'Wide' } },
  font: {
    label: 'Font',
    choices: { default: 'Edition default', serif: 'Serif', sans: 'Sans-serif', atkinson: 'Atkinson Hyperlegible', opendyslexic: 'OpenDyslexic' },
  },
  theme: {
    label: 'Theme',
    choices: { system: 'Follow system', light: 'Light', dark: 'Dark', sepia: 'Sepia', contrast: 'High contrast' },
  },
  lineFocus: {
    label: 'Line focus',
    group: 'Reading aids',
    hint: 'Dims all but the lines you are reading. It follows the pointer; Alt+↑ and Alt+↓ move it a line.',
    keyshortcuts: 'Alt+ArrowUp Alt+ArrowDown',
  },
  reduceMotion: { label: 'Reduce motion', group: 'Reading aids', hint: 'No smooth scrolling or animation, even if your device allows it.' },
} satisfies { [K in SettingKey]: WordsFor<(typeof READING_SETTINGS)[K]> };

/** The settings as [key, entry] pairs, in order, for code that treats every setting alike. */
const SETTINGS = Object.entries(READING_SETTINGS) as [SettingKey, AnySetting][];

const isRange = (setting: AnySetting): setting is RangeSetting => 'min' in setting;
const isChoice = (setting: AnySetting): setting is ChoiceSetting => 'choices' in setting;

type KeysOf<Kind> = { [K in SettingKey]: (typeof READING_SETTINGS)[K] extends Kind ? K : never }[SettingKey];

/** A setting with its words, told apart by kind: what the panel renders and announces. */
export type DescribedSetting =
  | { kind: 'range'; key: KeysOf<RangeSetting>; setting: RangeSetting; words: RangeWords }
  | { kind: 'choice'; key: KeysOf<ChoiceSetting>; setting: ChoiceSetting; words: ChoiceWords }
  | { kind: 'toggle'; key: KeysOf<ToggleSetting>; setting: ToggleSetting; words: ToggleWords };

/** Every setting with its words, in order (a function, so the <head> snippet's bundle leaves it out). */
export function describedSettings(): DescribedSetting[] {
  // The casts restate what READING_SETTINGS and SETTING_WORDS already guarantee for each key.
  return SETTINGS.map(([key, setting]): DescribedSetting => {
    const words = SETTING_WORDS[key];
    if (isRange(setting)) return { kind: 'range', key: key as KeysOf<RangeSetting>, setting, words: words as RangeWords };
    if (isChoice(setting)) return { kind: 'choice', key: key as KeysOf<ChoiceSetting>, setting, words: words as ChoiceWords };
    return { kind: 'toggle', key: key as KeysOf<ToggleSetting>, setting, words: words as ToggleWords };
  });
}

export const DEFAULT_SETTINGS = Object.freeze(
  Object.fromEntries(SETTINGS.map(([key, setting]) => [key, setting.default])),
) as Readonly<ReadingSettings>;

const CHECKS = Object.fromEntries(
  SETTINGS.map(([key, setting]): [SettingKey, FieldCheck] => [
    key,
    isRange(setting) ? numberIn(setting.min, setting.max) : isChoice(setting) ? oneOf(setting.choices) : boolean,
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
    const text = setting.toCss ? setting.toCss(value as never) : typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value);
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
