// The reader's display settings: their shape, limits and defaults, how a stored value is
// checked field by field, and how settings become CSS on the page. This file is also
// bundled into the inline snippet that applies stored settings before first paint, so it
// imports nothing.

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

export const STORAGE_KEY = 'reader-edition:settings';

/** Line lengths in characters of the current font. */
const MEASURES: Record<Width, string> = { narrow: '52ch', medium: '66ch', wide: '80ch' };

export interface CheckedSettings {
  settings: ReadingSettings;
  /** Fields that were present but unusable and fell back to their defaults. */
  rejected: (keyof ReadingSettings)[];
}

/**
 * Reads settings from anything (stored JSON, another tab's write), keeping each valid
 * field and falling back to the default for each missing, unknown or out-of-range one.
 */
export function checkSettings(value: unknown): CheckedSettings {
  const source = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const settings = { ...DEFAULT_SETTINGS } as ReadingSettings;
  const rejected: (keyof ReadingSettings)[] = [];
  const keys = Object.keys(DEFAULT_SETTINGS) as (keyof ReadingSettings)[];
  for (const key of keys) {
    if (!(key in source)) continue;
    const checked = checkField(key, source[key]);
    if (checked === undefined) rejected.push(key);
    else (settings as unknown as Record<string, unknown>)[key] = checked;
  }
  return { settings, rejected };
}

function checkField(key: keyof ReadingSettings, value: unknown): unknown {
  switch (key) {
    case 'width':
      return (WIDTHS as readonly unknown[]).includes(value) ? value : undefined;
    case 'font':
      return (FONTS as readonly unknown[]).includes(value) ? value : undefined;
    case 'theme':
      return (THEMES as readonly unknown[]).includes(value) ? value : undefined;
    case 'lineFocus':
    case 'reduceMotion':
      return typeof value === 'boolean' ? value : undefined;
    default: {
      const range = RANGES[key];
      return typeof value === 'number' && Number.isFinite(value) && value >= range.min && value <= range.max ? value : undefined;
    }
  }
}

/** Parses what localStorage held; anything but a JSON object counts as every field rejected. */
export function parseStored(text: string | null): CheckedSettings {
  if (text === null) return checkSettings(undefined);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return checkSettings(value);
  return { settings: { ...DEFAULT_SETTINGS }, rejected: Object.keys(DEFAULT_SETTINGS) as (keyof ReadingSettings)[] };
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
