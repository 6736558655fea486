// Reads the recommended voices for a language (the build writes voices/<language>.json beside
// the pages from @readium/speech's data). The player fetches the file on its first use only, beside
// its code rather than after it (fetchRecommendedVoices in ./first-listen.ts): a first visit that never
// listens does not pay for it. Anything that goes wrong leaves the list empty, and the voice
// menu falls back to the browser's own names and order.
import { QUALITIES, type RecommendedVoice } from './voices.js';

/** The recommended voices in a language's file, best first, without malformed entries; [] when unavailable. */
export async function recommendedVoices(file: Promise<unknown>): Promise<RecommendedVoice[]> {
  const json = await file.catch(() => undefined);
  return Array.isArray(json) ? json.filter(isRecommendedVoice) : [];
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
