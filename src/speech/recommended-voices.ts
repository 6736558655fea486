// Loads the recommended voices for a language (the build writes voices/<language>.json beside
// the pages from @readium/speech's data), once, and only when the player is first used: a
// first visit that never listens does not pay for it. Anything that goes wrong leaves the
// list empty, and the voice menu falls back to the browser's own names and order.
import { primaryLanguage, QUALITIES, type RecommendedVoice } from './voices.js';

const loaded = new Map<string, Promise<RecommendedVoice[]>>();

/** The recommended voices for the article's language, best first; [] when unavailable. */
export function recommendedVoices(lang: string, base = document.baseURI): Promise<RecommendedVoice[]> {
  const url = new URL(`voices/${primaryLanguage(lang)}.json`, base).href;
  let voices = loaded.get(url);
  if (!voices) {
    voices = fetch(url)
      .then((response) => (response.ok ? response.json() : []))
      .then((json: unknown) => (Array.isArray(json) ? json.filter(isRecommendedVoice) : []))
      .catch(() => []);
    loaded.set(url, voices);
  }
  return voices;
}

function isRecommendedVoice(value: unknown): value is RecommendedVoice {
  const v = value as Partial<RecommendedVoice> | null;
  return (
    typeof v?.name === 'string' &&
    typeof v.label === 'string' &&
    typeof v.language === 'string' &&
    Array.isArray(v.quality) &&
    v.quality.every((q) => (QUALITIES as readonly string[]).includes(q)) &&
    (v.altNames === undefined || (Array.isArray(v.altNames) && v.altNames.every((n) => typeof n === 'string')))
  );
}
