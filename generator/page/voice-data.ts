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

const GENDERS = ['female', 'male', 'neutral'] as const;
type Gender = (typeof GENDERS)[number];
const isGender = (value: unknown): value is Gender => GENDERS.includes(value as Gender);

export interface RecommendedVoice {
  /** The voice's name as browsers report it. */
  name: string;
  /** Other names the same voice goes by (Android's voice ids among them). */
  altNames?: string[];
  /** A friendly name ("Aria"). */
  label: string;
  /** BCP 47. */
  language: string;
  gender?: Gender;
  /** The tiers the voice comes in, worst first ("low", "normal", "high"). */
  quality: string[];
}

/** The package the voice data comes from, which the site ships (dist/voices/) and so credits. */
export const VOICE_DATA_PACKAGE = '@readium/speech';

/** The voice data package's own folder, for its licence. */
export function voiceDataFolder(): string {
  const entry = createRequire(import.meta.url).resolve(VOICE_DATA_PACKAGE);
  return entry.slice(0, entry.lastIndexOf(VOICE_DATA_PACKAGE) + VOICE_DATA_PACKAGE.length);
}

/**
 * The recommended voices for a language's primary subtag, best first as Readium lists them;
 * an empty list for a language it does not cover.
 */
export async function recommendedVoiceData(lang: string): Promise<RecommendedVoice[]> {
  const primary = lang.split('-')[0].toLowerCase();
  // The package exports its code, not its data files: find the data beside its entry point.
  const dir = path.dirname(createRequire(import.meta.url).resolve(VOICE_DATA_PACKAGE));
  const file = (await readdir(dir)).find(
    (name) => name.startsWith(`${primary}-`) && name.endsWith('.js') && !name.includes('.d.'),
  );
  if (!file) return [];
  // A data file of the package, which its types do not describe: checked as it is read.
  const data: unknown = (await import(pathToFileURL(path.join(dir, file)).href)).default;
  const voices = typeof data === 'object' && data !== null && 'voices' in data ? data.voices : undefined;
  if (!Array.isArray(voices)) throw new Error(`@readium/speech: ${file} has no voice list; has the package changed?`);
  return voices.map((voice: Record<string, unknown>) => {
    const altNames = [voice.altNames, voice.nativeID]
      .flat()
      .filter((name): name is string => typeof name === 'string' && name !== '');
    const quality = [voice.quality].flat().filter((q): q is string => typeof q === 'string' && QUALITIES.includes(q));
    return {
      name: String(voice.name),
      ...(altNames.length > 0 ? { altNames } : {}),
      label: String(voice.label ?? voice.name),
      language: String(voice.language ?? primary),
      ...(isGender(voice.gender) ? { gender: voice.gender } : {}),
      quality,
    };
  });
}
