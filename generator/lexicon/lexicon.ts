// The pronunciation lexicon: assets/lexicon/<language>.json. Each entry says how a written word
// should sound (IPA) and, where the engines get it wrong, what to hand them instead (a
// respelling they read as ordinary words). The build checks each entry's form, naming file and
// line; test/read-aloud/lexicon.node.test.ts checks what the engines actually make of it.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { ArticleSourceError } from '../diagnostics.ts';
import { fromIpa, inventoryFor } from './phonemes.ts';

export const LEXICON_DIR = fileURLToPath(new URL('../../assets/lexicon', import.meta.url));

/**
 * The engines a respelling can be meant for. "default" is what the browser hands whichever
 * engine it has (it cannot tell which), so it must suit all of them; a named engine's respelling
 * is for editions made with that engine at build time (the audio edition's Flite).
 */
export const SPEAK_KEYS = ['default', 'espeak-ng', 'flite'];

/** The respellings a lexicon in `language` may give: Flite speaks only English. */
export const speakKeysFor = (language: string) =>
  language.split('-')[0].toLowerCase() === 'en' ? SPEAK_KEYS : SPEAK_KEYS.filter((key) => key !== 'flite');

const FIELDS = ['written', 'ipa', 'speak', 'spelled', 'note'];

/** The rule its diagnostics name. */
const RULE = 'lexicon';

export interface LexiconEntry {
  /** The text as the article writes it, matched as a whole word. */
  written: string;
  /**
   * How it should sound, in IPA (General American for English, standard French for French); the first is the one the lexicon aims at,
   * any others are accepted variants.
   */
  ipa: string[];
  /** What each engine is given ("default" for the browser's); empty when the engines read the written word right. */
  speak: Record<string, string>;
  /** Said letter by letter on purpose (an abbreviation like PhD). */
  spelled: boolean;
  /** Why the entry is as it is. */
  note?: string;
  /** Where the entry starts in the file. */
  line: number;
}

export interface Lexicon {
  file: string;
  language: string;
  entries: LexiconEntry[];
}

/** What the page carries for read-aloud (see browserLexicon). */
export interface BrowserLexicon {
  language: string;
  entries: { written: string; speak: string }[];
}

/**
 * The page's `#pronunciation-lexicon`: the article language's lexicon, and in `others` those of
 * the other languages its article marks passages in (src/speech/lexicon.ts reads both).
 */
export interface PageLexicon extends BrowserLexicon {
  others?: BrowserLexicon[];
}

/** The lexicon for a language ("en-GB" uses en.json), or null when there is none. */
export async function loadLexicon(lang: string, dir = LEXICON_DIR): Promise<Lexicon | null> {
  const file = path.join(dir, `${lang.split('-')[0].toLowerCase()}.json`);
  try {
    await access(file);
  } catch {
    return null;
  }
  return parseLexicon(await readFile(file, 'utf8'), file);
}

/**
 * Checks a lexicon file's form, so a broken entry fails the build, naming file and line,
 * rather than read-aloud. `capitals: false` lets respellings with runs of capitals through
 * (only to check an old lexicon that had them against the engines).
 */
export function parseLexicon(text: string, file: string, { capitals = true }: { capitals?: boolean } = {}): Lexicon {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    throw new ArticleSourceError(
      file,
      position ? lineAt(text, Number(position)) : 1,
      RULE,
      `not valid JSON: ${error instanceof Error ? error.message : error}`,
    );
  }
  const tree = parseTree(text);
  const line = (at: (string | number)[], otherwise = 1) => {
    const node = tree && findNodeAtLocation(tree, at);
    return node ? lineAt(text, node.offset) : otherwise;
  };
  if (!isRecord(json) || typeof json.language !== 'string' || json.language === '')
    throw new ArticleSourceError(file, 1, RULE, 'a lexicon needs a "language"');
  if (!Array.isArray(json.entries)) throw new ArticleSourceError(file, 1, RULE, 'a lexicon needs an "entries" list');
  const { language } = json;
  const inventory = inventoryFor(language);
  if (!inventory)
    throw new ArticleSourceError(
      file,
      line(['language'], 1),
      RULE,
      `there is no phoneme inventory for "${language}" to check its IPA against (there are for en and fr): add one to generator/lexicon/phonemes.ts`,
    );
  const speakKeys = speakKeysFor(language);

  const seen = new Map<string, number>();
  const entries = json.entries.map((e: unknown, i: number): LexiconEntry => {
    const at = line(['entries', i]);
    function fail(message: string, field?: string): never {
      throw new ArticleSourceError(
        file,
        field ? line(['entries', i, field], at) : at,
        RULE,
        `entry ${i + 1}${isRecord(e) && typeof e.written === 'string' ? ` ("${e.written}")` : ''}: ${message}`,
      );
    }
    if (!isRecord(e)) fail('must be an object');
    for (const key of Object.keys(e))
      if (!FIELDS.includes(key)) fail(`unknown field "${key}" (fields: ${FIELDS.join(', ')})`, key);
    const { written, note, spelled } = e;
    if (typeof written !== 'string' || written.trim() === '') fail('needs the "written" word');
    if (seen.has(written)) fail(`"${written}" is already listed on line ${seen.get(written)}`);
    seen.set(written, at);

    const ipa = typeof e.ipa === 'string' ? [e.ipa] : e.ipa;
    if (!isStrings(ipa) || ipa.length === 0 || ipa.some((v) => v.trim() === '')) {
      fail(
        'needs "ipa": how the word should sound, in IPA (or a list of accepted pronunciations, preferred first)',
        'ipa',
      );
    }
    for (const v of ipa) {
      try {
        fromIpa(v, inventory);
      } catch (error) {
        const what = error instanceof Error ? error.message : String(error);
        fail(`${what}: write it in the phonemes of "${language}" (generator/lexicon/phonemes.ts lists them)`, 'ipa');
      }
    }

    const given = e.speak === undefined ? {} : typeof e.speak === 'string' ? { default: e.speak } : e.speak;
    if (!isRecord(given) || (e.speak !== undefined && Object.keys(given).length === 0)) {
      fail(
        `"speak" is a respelling, or an object of respellings by engine (${speakKeys.map((k) => `"${k}"`).join(', ')})`,
        'speak',
      );
    }
    const speak: Record<string, string> = {};
    for (const [engine, respelling] of Object.entries(given)) {
      if (!speakKeys.includes(engine))
        fail(
          SPEAK_KEYS.includes(engine)
            ? `"speak" has a respelling for "${engine}", which does not speak "${language}"; leave it out`
            : `"speak" has an unknown engine "${engine}" (known: ${speakKeys.join(', ')})`,
          'speak',
        );
      if (typeof respelling !== 'string' || respelling.trim() === '')
        fail(`the "${engine}" respelling is empty`, 'speak');
      // Engines spell a run of capitals letter by letter ("SY" is heard "S Y").
      if (capitals && /\p{Lu}{2}/u.test(respelling))
        fail(
          `the "${engine}" respelling "${respelling}" has a run of capitals, which engines spell out; write it in lower case`,
          'speak',
        );
      speak[engine] = respelling;
    }
    if (spelled !== undefined && typeof spelled !== 'boolean') fail('"spelled" is true or false', 'spelled');
    if (note !== undefined && typeof note !== 'string') fail('"note" is text', 'note');
    return { written, ipa, speak, spelled: spelled === true, ...(note ? { note } : {}), line: at };
  });
  return { file, language, entries };
}

/**
 * What the page carries for read-aloud: the written words the browser should replace and the
 * default respelling for each (no IPA or notes, which only the tests and readers of the file need).
 */
export function browserLexicon(lexicon: Lexicon): BrowserLexicon {
  return {
    language: lexicon.language,
    entries: lexicon.entries
      .filter((e) => e.speak.default)
      .map((e) => ({ written: e.written, speak: e.speak.default })),
  };
}

/**
 * What a page carries for read-aloud (JSON text): the lexicon of the article's language `lang`
 * (an empty one where it has none) and the lexicons of `others`, the languages it marks passages
 * in; null where there are none at all.
 */
export function pageLexicon(lang: string, own: Lexicon | null, others: Lexicon[]): string | null {
  if (!own && others.length === 0) return null;
  const page: PageLexicon = {
    ...(own ? browserLexicon(own) : { language: lang, entries: [] }),
    ...(others.length > 0 ? { others: others.map(browserLexicon) } : {}),
  };
  return JSON.stringify(page);
}

/**
 * The languages (primary subtags, lower case) an article's HTML marks passages in besides its own
 * `lang`. The HTML is written from a parsed tree (generator/article/raw-html.ts), so every
 * attribute value is in double quotes.
 */
export function markedLanguages(html: string, lang: string): string[] {
  const primary = (tag: string) => tag.split('-')[0].toLowerCase();
  const marked = [...html.matchAll(/\slang="([^"]+)"/g)].map((m) => primary(m[1]));
  return [...new Set(marked)].filter((language) => language !== primary(lang));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
