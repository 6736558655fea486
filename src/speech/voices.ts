// Which voices suit the article, best first, and which one to use.
import type { Voice } from './speech-engine.js';

export const primaryLanguage = (lang: string) => lang.split('-')[0].toLowerCase();

/**
 * Voices that speak the article's language, best first: the exact regional variant, then
 * the system default, then voices on the device (which work offline) before network ones.
 */
export function voicesFor(voices: Voice[], lang: string): Voice[] {
  const primary = primaryLanguage(lang);
  const score = (v: Voice) =>
    (v.lang.toLowerCase() === lang.toLowerCase() ? 4 : 0) + (v.default ? 2 : 0) + (v.local ? 1 : 0);
  return voices
    .filter((v) => primaryLanguage(v.lang) === primary)
    .sort((a, b) => score(b) - score(a) || a.name.localeCompare(b.name));
}

/** The reader's remembered voice if it is still installed, otherwise the best for the language. */
export function chooseVoice(voices: Voice[], lang: string, remembered?: string): Voice | undefined {
  const suitable = voicesFor(voices, lang);
  return suitable.find((v) => v.id === remembered) ?? suitable[0];
}
