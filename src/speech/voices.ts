// Which voices suit the article, best first, what to call them, and which one to use.
import { primaryLanguage } from './language-names.js';
import type { Voice } from './speech-engine.js';

export { primaryLanguage };

export const QUALITIES = ['veryLow', 'low', 'normal', 'high', 'veryHigh'] as const;
export type Quality = (typeof QUALITIES)[number];

/** One voice of the Readium Foundation's recommended list (generator/page/voice-data.ts writes them). */
export interface RecommendedVoice {
  name: string;
  altNames?: string[];
  label: string;
  language: string;
  gender?: 'female' | 'male' | 'neutral';
  /** The tiers the voice comes in, worst first. */
  quality: Quality[];
}

/** A voice as the menu offers it. */
export interface VoiceChoice {
  voice: Voice;
  /** A friendly name where the recommended list knows the voice, else the browser's. */
  label: string;
  /** Where the recommended list knows it. */
  quality?: Quality;
  gender?: RecommendedVoice['gender'];
}

/** How many voices the menu shows before "More voices". */
export const BEST_FEW = 5;

/** Apple names its better downloads of a voice "(Enhanced)" and "(Premium)". */
const APPLE_TIER = /\s*\((Enhanced|Premium)\)$/;

/** Each name and alternative name of the recommended list, to the position of the first entry that has it. */
function nameIndex(recommended: readonly RecommendedVoice[]) {
  const index = new Map<string, number>();
  recommended.forEach((r, at) => {
    for (const name of [r.name, ...(r.altNames ?? [])]) if (!index.has(name)) index.set(name, at);
  });
  return index;
}

/** The recommended entry for a browser voice (the list's first with one of its names), and the tier this copy of it is. */
function recognise(
  voice: Voice,
  recommended: readonly RecommendedVoice[],
  index: Map<string, number>,
): { entry: RecommendedVoice; quality?: Quality; tier?: string } | undefined {
  const tier = APPLE_TIER.exec(voice.name)?.[1];
  const found = [voice.name, voice.name.replace(APPLE_TIER, ''), voice.id].map((name) => index.get(name) ?? Infinity);
  const entry = recommended[Math.min(...found)];
  if (!entry) return undefined;
  const tiers = entry.quality;
  // A voice that comes in several tiers is the lowest unless its name says which download it is.
  const quality =
    tier === 'Premium'
      ? tiers.at(-1)
      : tier === 'Enhanced'
        ? (tiers.find((q) => q === 'normal') ?? tiers.at(-1))
        : tiers[0];
  return { entry, quality, tier };
}

const rank = (quality?: Quality) => (quality ? QUALITIES.indexOf(quality) + 1 : 0);

export interface RankOptions {
  /** The Readium list for the language, if loaded. */
  recommended?: readonly RecommendedVoice[];
  /** Offline, voices on the device come first: a network voice cannot speak. */
  offline?: boolean;
}

/**
 * Voices that speak the article's language, best first: the exact regional variant where the
 * article names a region, voices on the device first while offline, then the recommended
 * list's quality tier, then the system default, then voices on the device (which work
 * offline) before network ones, then by name.
 */
export function voiceChoices(
  voices: readonly Voice[],
  lang: string,
  { recommended = [], offline = false }: RankOptions = {},
): readonly VoiceChoice[] {
  // Asked on every utterance and every render of the bar, with the same lists each time, and a
  // device may have thousands of voices (espeak-ng: 13,000): rank them once per list and language
  // (an article with a passage in another language asks for two in turn).
  const last = ranked.get(lang);
  if (last?.voices === voices && last.recommended === recommended && last.offline === offline) return last.choices;
  const choices = rankVoices(voices, lang, recommended, offline);
  ranked.set(lang, { voices, recommended, offline, choices });
  return choices;
}

/** The last ranking for each language, and what it was made from (lists are replaced, never changed in place). */
const ranked = new Map<
  string,
  {
    voices: readonly Voice[];
    recommended: readonly RecommendedVoice[];
    offline: boolean;
    choices: readonly VoiceChoice[];
  }
>();

function rankVoices(
  voices: readonly Voice[],
  lang: string,
  recommended: readonly RecommendedVoice[],
  offline: boolean,
): readonly VoiceChoice[] {
  const primary = primaryLanguage(lang);
  const regional = lang.includes('-');
  // Thousands of voices against a list of dozens: look names up, not through the list.
  const index = nameIndex(recommended);
  const choices = voices
    .filter((v) => primaryLanguage(v.lang) === primary)
    .map((voice): VoiceChoice => {
      const known = recognise(voice, recommended, index);
      // Apple's downloads of one voice share its label: say which this is.
      const label = known ? `${known.entry.label}${known.tier ? ` (${known.tier})` : ''}` : voice.name;
      return { voice, label, quality: known?.quality, gender: known?.entry.gender };
    });
  const key = (c: VoiceChoice) => [
    regional && c.voice.lang.toLowerCase() === lang.toLowerCase() ? 1 : 0,
    offline && c.voice.local ? 1 : 0,
    rank(c.quality),
    c.voice.default ? 1 : 0,
    c.voice.local ? 1 : 0,
  ];
  return Object.freeze(
    choices.sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
      return a.label.localeCompare(b.label);
    }),
  );
}

/** The reader's remembered voice if it is still installed, otherwise the best for the language. */
export function chooseVoice(
  voices: readonly Voice[],
  lang: string,
  remembered?: string,
  options?: RankOptions,
): Voice | undefined {
  const suitable = voiceChoices(voices, lang, options);
  return (suitable.find((c) => c.voice.id === remembered) ?? suitable[0])?.voice;
}

/**
 * Whether the browser's "local" flag can be believed: only where it calls some voices local
 * and others not. Firefox on Linux calls every speech-dispatcher voice remote (espeak-ng runs
 * on the device), so a list that is all "online" says nothing, and the menu says nothing either.
 */
export const tellsLocalFromOnline = (voices: readonly Voice[]) =>
  voices.some((v) => v.local) && voices.some((v) => !v.local);

/** Whether the device has no voice for the language that the recommended list rates normal or better. */
export const onlyPoorVoices = (choices: readonly VoiceChoice[]) =>
  choices.length > 0 && !choices.some((c) => rank(c.quality) >= rank('normal'));

export type Platform = 'windows' | 'mac' | 'ios' | 'android' | 'linux' | 'other';

/** The listener's system, for telling them where to add a voice (the player's words, `betterVoice`). */
export function platformOf(nav: Navigator = navigator): Platform {
  const hinted = (nav as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? '';
  const ua = `${hinted} ${nav.userAgent}`;
  if (/Android/i.test(ua)) return 'android';
  if (/iPhone|iPad|iPod/i.test(ua) || (/Mac/i.test(ua) && nav.maxTouchPoints > 1)) return 'ios';
  if (/Mac/i.test(ua)) return 'mac';
  if (/Win/i.test(ua)) return 'windows';
  if (/Linux|X11|CrOS|Chrome OS/i.test(ua)) return 'linux';
  return 'other';
}

/**
 * The fastest the device's voice goes, where it is known to stop short of the player's 4×. On
 * Linux both browsers hand the rate to speech-dispatcher on a scale of their own, whose top is
 * speech-dispatcher's fastest: Chromium's is 3× (log₃ of the rate, so 3.5× and 4× arrive as 3×)
 * and Firefox's 2.5×, as speech-dispatcher's log shows (test/read-aloud/speed.speech.test.ts, and
 * docs/read-aloud.md). Elsewhere nothing was measured, so the player says nothing.
 */
export function deviceSpeedLimit(nav: Navigator = navigator): number | undefined {
  if (platformOf(nav) !== 'linux' || /CrOS/.test(nav.userAgent)) return undefined;
  if (/Firefox\//.test(nav.userAgent)) return 2.5;
  if (/Chrom(e|ium)\//.test(nav.userAgent)) return 3;
  return undefined;
}
