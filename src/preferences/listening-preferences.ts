// What a listener chooses once and keeps: speed, a voice per language, how to highlight,
// whether the player's keys work anywhere on the page, who reads (the device's voice or the
// audio edition), and how much is said around the article's words.
import {
  boolean,
  numberIn,
  oneOf,
  parseFields,
  sharedStore,
  stringRecord,
  type Checked,
  type FieldCheck,
} from './preference-store.js';
import { LISTENING_KEY } from './storage-keys.js';

/**
 * The speeds offered: tenths either side of 1× (where a small change is heard), quarters to 2×,
 * halves above, to the 4× practised listeners use (Chrome's "Listen to this page" goes as far).
 */
export const RATES = [0.5, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4] as const;
export const HIGHLIGHTS = ['word', 'sentence', 'off'] as const;
export type HighlightMode = (typeof HIGHLIGHTS)[number];
/** "auto": recorded audio on phones and where the device has no good voice (see ReadAloudPlayer.source). */
export const SOURCES = ['auto', 'device', 'recorded'] as const;
export type SourceChoice = (typeof SOURCES)[number];

export interface ListeningPreferences {
  /** Speaking rate, 0.5× to 4×. */
  rate: number;
  /** Chosen voice id per primary language subtag ("en" → voice URI). */
  voices: Record<string, string>;
  /** "word" marks the sentence and, where the engine tells, the word. */
  highlight: HighlightMode;
  /** The Alt+Shift keys anywhere on the page; off by default, as screen readers use them. */
  pageKeys: boolean;
  /** Who reads, where the article has an audio edition. */
  source: SourceChoice;
  /**
   * How much is said around the article's words: the level ("level": "brief") and the kinds
   * chosen otherwise ("images": "off"). Checked where it is used (src/speech/verbosity.ts, loaded
   * on the first Listen), which ignores a level, kind or choice it does not know.
   */
  verbosity: Record<string, string>;
}

export const DEFAULT_LISTENING: Readonly<ListeningPreferences> = Object.freeze({
  rate: 1,
  voices: {},
  highlight: 'word',
  pageKeys: false,
  source: 'auto',
  verbosity: {},
});

const CHECKS: Record<keyof ListeningPreferences, FieldCheck> = {
  rate: numberIn(RATES[0], RATES[RATES.length - 1]),
  voices: stringRecord,
  highlight: oneOf(HIGHLIGHTS),
  pageKeys: boolean,
  source: oneOf(SOURCES),
  verbosity: stringRecord,
};

export function parseListening(text: string | null): Checked<ListeningPreferences> {
  return parseFields(text, DEFAULT_LISTENING, CHECKS);
}

export function listeningPreferences() {
  return sharedStore(LISTENING_KEY, { defaults: DEFAULT_LISTENING, parse: parseListening });
}
