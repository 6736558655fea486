// What the first Listen needs besides its code (src/first-use.ts), started before the code
// has come: the recommended voices, fetched beside it on the first press, and the browser's
// locale data for splitting sentences, loaded off the main thread once the page is idle.
import { primaryLanguage } from './language-names.js';

/**
 * The recommended voices' file for a language, read as JSON while the code comes (checked by
 * recommended-voices.ts); undefined where it cannot be had (offline before it was saved).
 */
export const fetchRecommendedVoices = (lang: string): Promise<unknown> =>
  fetch(`voices/${primaryLanguage(lang)}.json`)
    .then((response) => (response.ok ? response.json() : undefined))
    .catch(() => undefined);

/**
 * A page's first Intl object loads the browser's locale data: in Chromium here, 45–90 ms in
 * one task, which the first Listen's sentence segmenter would wait for (and a tap with it).
 * Loaded by any thread, it is loaded for the whole process, so a throwaway worker makes the
 * first segmenter, once the page has done its own work. Where anything is missing (no
 * segmenter, no workers, the worker's file offline) the first Listen loads it as before.
 */
export function warmUpLocaleData(lang: string) {
  if (!('Segmenter' in Intl)) return;
  (window.requestIdleCallback ?? setTimeout)(() => {
    try {
      new Worker(new URL('../locale-warm-up.worker.js', import.meta.url)).postMessage(lang);
    } catch {
      // No workers, or a policy that forbids this one: the first Listen loads the data itself.
    }
  });
}
