// The Readium Foundation's recommended voices for a language (npm @readium/speech, BSD-3:
// voices per language with quality tiers, friendly labels and gender, from the publishing
// industry's read-aloud best practices), cut down to what the player's voice menu uses. The
// package's own code (about 40 KB gzip: a whole read-aloud engine) is not shipped; its data
// for the article's language is written beside the page as voices/<language>.json (about
// 3 KB gzip for English), which the player fetches only when it is first used.
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the build writes each language's list, beside the pages. */
export const VOICES_DIR = 'voices';

const QUALITIES = ['veryLow', 'low', 'normal', 'high', 'veryHigh'];

/**
 * @typedef {object} RecommendedVoice
 * @property {string} name the voice's name as browsers report it
 * @property {string[]} [altNames] other names the same voice goes by (Android's voice ids among them)
 * @property {string} label a friendly name ("Aria")
 * @property {string} language BCP 47
 * @property {'female' | 'male' | 'neutral'} [gender]
 * @property {string[]} quality the tiers the voice comes in, worst first ("low", "normal", "high")
 */

/**
 * The recommended voices for a language's primary subtag, best first as Readium lists them;
 * an empty list for a language it does not cover.
 * @param {string} lang
 * @returns {Promise<RecommendedVoice[]>}
 */
export async function recommendedVoiceData(lang) {
  const primary = lang.split('-')[0].toLowerCase();
  // The package exports its code, not its data files: find the data beside its entry point.
  const entry = createRequire(import.meta.url).resolve('@readium/speech');
  const dir = path.dirname(entry);
  const file = (await readdir(dir)).find((name) => name.startsWith(`${primary}-`) && name.endsWith('.js') && !name.includes('.d.'));
  if (!file) return [];
  const { default: data } = await import(pathToFileURL(path.join(dir, file)).href);
  if (!Array.isArray(data?.voices)) throw new Error(`@readium/speech: ${file} has no voice list; has the package changed?`);
  return data.voices.map((/** @type {Record<string, any>} */ voice) => {
    const altNames = [voice.altNames, voice.nativeID].flat().filter((name) => typeof name === 'string' && name !== '');
    const quality = [voice.quality].flat().filter((q) => QUALITIES.includes(String(q)));
    return {
      name: String(voice.name),
      ...(altNames.length > 0 ? { altNames } : {}),
      label: String(voice.label ?? voice.name),
      language: String(voice.language ?? primary),
      ...(['female', 'male', 'neutral'].includes(voice.gender) ? { gender: voice.gender } : {}),
      quality,
    };
  });
}
