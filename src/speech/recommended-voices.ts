// Reads the recommended voices for a language (the build writes voices/<language>.json beside
// the pages from @readium/speech's data). The player fetches the file on its first use only, beside
// its code rather than after it (fetchRecommendedVoices in ./first-listen.ts): a first visit that never
// listens does not pay for it. Anything that goes wrong leaves the list empty, and the voice
// menu falls back to the browser's own names and order.
import { QUALITIES, type RecommendedVoice } from './voices.js';

/** The recommended voices in the response for a language's file, best first; [] when unavailable. */
export async function recommendedVoices(response: Promise<Response | undefined>): Promise<RecommendedVoice[]> {
  try {
    const found = await response;
    const json: unknown = found?.ok ? await found.json() : [];
    return Array.isArray(json) ? json.filter(isRecommendedVoice) : [];
  } catch {
    return [];
  }
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
