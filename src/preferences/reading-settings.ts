// The reader's display settings: their shape, limits and defaults, how a stored value is
// checked field by field, how settings become CSS on the page, and their store. This file is
// also bundled into the inline snippet that applies stored settings before first paint, which
// uses only the small field checks: the bundler leaves the store out.
import { boolean, numberIn, oneOf, parseFields, PreferenceStorage, PreferenceStore, type Checked, type FieldCheck } from './preference-store.js';
import { SETTINGS_KEY } from './storage-keys.js';

export const THEMES = ['system', 'light', 'dark', 'sepia', 'contrast'] as const;
export const FONTS = ['default', 'serif', 'sans', 'atkinson', 'opendyslexic'] as const;
export const WIDTHS = ['narrow', 'medium', 'wide'] as const;

export type Theme = (typeof THEMES)[number];
export type Font = (typeof FONTS)[number];
export type Width = (typeof WIDTHS)[number];

export interface ReadingSettings {
  /** Percent of the edition's default text size. */
  textSize: number;
  /** Unitless line height. */
  lineHeight: number;
  /** In em. */
  letterSpacing: number;
  /** In em. */
  wordSpacing: number;
  /** Space after each paragraph, in em. */
  paragraphSpacing: number;
  width: Width;
  font: Font;
  theme: Theme;
  /** Dim all but the lines being read. */
  lineFocus: boolean;
  /** Reduce motion even where the system does not ask for it. */
  reduceMotion: boolean;
}

export type NumericSetting = 'textSize' | 'lineHeight' | 'letterSpacing' | 'wordSpacing' | 'paragraphSpacing';

export interface Range {
  min: number;
  max: number;
  step: number;
}

/** Limits reach past WCAG 1.4.4 (200%) and 1.4.12 (line 1.5, letter 0.12em, word 0.16em, paragraph 2em). */
export const RANGES: Record<NumericSetting, Range> = {
  textSize: { min: 80, max: 300, step: 5 },
  lineHeight: { min: 1.2, max: 2.5, step: 0.1 },
  letterSpacing: { min: 0, max: 0.24, step: 0.02 },
  wordSpacing: { min: 0, max: 0.48, step: 0.04 },
  paragraphSpacing: { min: 0.5, max: 3, step: 0.25 },
};

export const DEFAULT_SETTINGS: Readonly<ReadingSettings> = Object.freeze({
  textSize: 100,
  lineHeight: 1.6,
  letterSpacing: 0,
  wordSpacing: 0,
  paragraphSpacing: 1.25,
  width: 'medium',
  font: 'default',
  theme: 'system',
  lineFocus: false,
  reduceMotion: false,
});

/** Line lengths in characters of the current font. */
const MEASURES: Record<Width, string> = { narrow: '52ch', medium: '66ch', wide: '80ch' };

const CHECKS: Record<keyof ReadingSettings, FieldCheck> = {
  textSize: numberIn(RANGES.textSize.min, RANGES.textSize.max),
  lineHeight: numberIn(RANGES.lineHeight.min, RANGES.lineHeight.max),
  letterSpacing: numberIn(RANGES.letterSpacing.min, RANGES.letterSpacing.max),
  wordSpacing: numberIn(RANGES.wordSpacing.min, RANGES.wordSpacing.max),
  paragraphSpacing: numberIn(RANGES.paragraphSpacing.min, RANGES.paragraphSpacing.max),
  width: oneOf(WIDTHS),
  font: oneOf(FONTS),
  theme: oneOf(THEMES),
  lineFocus: boolean,
  reduceMotion: boolean,
};

/** Reads what storage held, keeping each valid field; see parseFields. */
export function parseSettings(text: string | null): Checked<ReadingSettings> {
  return parseFields(text, DEFAULT_SETTINGS, CHECKS);
}

/** Puts settings on the root element, where the stylesheet picks them up. */
export function applySettings(root: HTMLElement, settings: ReadingSettings) {
  const style = root.style;
  style.setProperty('--text-scale', String(settings.textSize / 100));
  style.setProperty('--line-height', String(settings.lineHeight));
  style.setProperty('--letter-spacing', `${settings.letterSpacing}em`);
  style.setProperty('--word-spacing', `${settings.wordSpacing}em`);
  style.setProperty('--paragraph-spacing', `${settings.paragraphSpacing}em`);
  style.setProperty('--measure', MEASURES[settings.width]);
  root.dataset.theme = settings.theme;
  root.dataset.font = settings.font;
  root.dataset.motion = settings.reduceMotion ? 'reduce' : 'system';
  root.dataset.lineFocus = settings.lineFocus ? 'on' : 'off';
}

let store: PreferenceStore<ReadingSettings> | undefined;

/** The page's one store of reading settings, created when the first component needs it. */
export function readingSettings() {
  store ??= new PreferenceStore({
    storage: new PreferenceStorage(SETTINGS_KEY),
    defaults: DEFAULT_SETTINGS,
    parse: parseSettings,
    apply: (settings) => applySettings(document.documentElement, settings),
  });
  return store;
}
