// The pronunciation lexicon: assets/lexicon/<language>.json. Each entry says how a written word
// should sound (IPA) and, where the engines get it wrong, what to hand them instead (a
// respelling they read as ordinary words). The build checks each entry's form, naming file and
// line; test/read-aloud/lexicon.node.test.ts checks what the engines actually make of it.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { ArticleSourceError } from '../diagnostics.ts';
import { fromIpa } from './phonemes.ts';

export const LEXICON_DIR = 'assets/lexicon';

/**
 * The engines a respelling can be meant for. "default" is what the browser hands whichever
 * engine it has (it cannot tell which), so it must suit all of them; a named engine's respelling
 * is for editions made with that engine at build time (the audio edition's Flite).
 */
export const SPEAK_KEYS = ['default', 'espeak-ng', 'flite'];

const FIELDS = ['written', 'ipa', 'speak', 'spelled', 'note'];

/**
 * @typedef {object} LexiconEntry
 * @property {string} written the text as the article writes it, matched as a whole word
 * @property {string[]} ipa how it should sound, in IPA (General American); the first is the one
 *   the lexicon aims at, any others are accepted variants
 * @property {Record<string, string>} speak what each engine is given ("default" for the
 *   browser's); empty when the engines read the written word right
 * @property {boolean} spelled said letter by letter on purpose (an abbreviation like PhD)
 * @property {string} [note] why the entry is as it is
 * @property {number} line where the entry starts in the file
 *
 * @typedef {object} Lexicon
 * @property {string} file
 * @property {string} language
 * @property {LexiconEntry[]} entries
 */

/**
 * The lexicon for a language ("en-GB" uses en.json), or null when there is none.
 * @param {string} lang
 * @param {string} [dir]
 */
export async function loadLexicon(lang, dir = LEXICON_DIR) {
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
 * rather than read-aloud.
 * @param {string} text
 * @param {string} file
 * @param {{ capitals?: boolean }} [options] `capitals: false` lets respellings with runs of
 *   capitals through (only to check an old lexicon that had them against the engines)
 * @returns {Lexicon}
 */
export function parseLexicon(text, file, { capitals = true } = {}) {
  /** @type {any} */
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    throw new ArticleSourceError(file, position ? lineAt(text, Number(position)) : 1, `not valid JSON: ${error instanceof Error ? error.message : error}`);
  }
  const tree = parseTree(text);
  /** @param {(string | number)[]} at @param {number} [otherwise] */
  const line = (at, otherwise = 1) => {
    const node = tree && findNodeAtLocation(tree, at);
    return node ? lineAt(text, node.offset) : otherwise;
  };
  if (typeof json?.language !== 'string' || json.language === '') throw new ArticleSourceError(file, 1, 'a lexicon needs a "language"');
  if (!Array.isArray(json.entries)) throw new ArticleSourceError(file, 1, 'a lexicon needs an "entries" list');

  /** @type {Map<string, number>} */
  const seen = new Map();
  const entries = json.entries.map((/** @type {any} */ e, /** @type {number} */ i) => {
    const at = line(['entries', i]);
    /** @param {string} message @param {string} [field] */
    const fail = (message, field) => {
      throw new ArticleSourceError(file, field ? line(['entries', i, field], at) : at, `entry ${i + 1}${typeof e?.written === 'string' ? ` ("${e.written}")` : ''}: ${message}`);
    };
    if (typeof e !== 'object' || e === null || Array.isArray(e)) fail('must be an object');
    for (const key of Object.keys(e)) if (!FIELDS.includes(key)) fail(`unknown field "${key}" (fields: ${FIELDS.join(', ')})`, key);
    if (typeof e.written !== 'string' || e.written.trim() === '') fail('needs the "written" word');
    if (seen.has(e.written)) fail(`"${e.written}" is already listed on line ${seen.get(e.written)}`);
    seen.set(e.written, at);

    const ipa = typeof e.ipa === 'string' ? [e.ipa] : e.ipa;
    if (!Array.isArray(ipa) || ipa.length === 0 || ipa.some((v) => typeof v !== 'string' || v.trim() === '')) {
      fail('needs "ipa": how the word should sound, in IPA (or a list of accepted pronunciations, preferred first)', 'ipa');
    }
    for (const v of ipa) {
      try {
        fromIpa(v);
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error), 'ipa');
      }
    }

    /** @type {Record<string, string>} */
    const speak = e.speak === undefined ? {} : typeof e.speak === 'string' ? { default: e.speak } : e.speak;
    if (e.speak !== undefined && (typeof speak !== 'object' || speak === null || Array.isArray(speak) || Object.keys(speak).length === 0)) {
      fail('"speak" is a respelling, or an object of respellings by engine ("default", "espeak-ng", "flite")', 'speak');
    }
    for (const [engine, respelling] of Object.entries(speak)) {
      if (!SPEAK_KEYS.includes(engine)) fail(`"speak" has an unknown engine "${engine}" (known: ${SPEAK_KEYS.join(', ')})`, 'speak');
      if (typeof respelling !== 'string' || respelling.trim() === '') fail(`the "${engine}" respelling is empty`, 'speak');
      // Engines spell a run of capitals letter by letter ("SY" is heard "S Y").
      if (capitals && /\p{Lu}{2}/u.test(respelling)) fail(`the "${engine}" respelling "${respelling}" has a run of capitals, which engines spell out; write it in lower case`, 'speak');
    }
    if (e.spelled !== undefined && typeof e.spelled !== 'boolean') fail('"spelled" is true or false', 'spelled');
    if (e.note !== undefined && typeof e.note !== 'string') fail('"note" is text', 'note');
    return { written: e.written, ipa, speak, spelled: e.spelled === true, ...(e.note ? { note: e.note } : {}), line: at };
  });
  return { file, language: json.language, entries };
}

/**
 * What the page carries for read-aloud: the written words the browser should replace and the
 * default respelling for each (no IPA or notes, which only the tests and readers of the file need).
 * @param {Lexicon} lexicon
 */
export function browserLexicon(lexicon) {
  return {
    language: lexicon.language,
    entries: lexicon.entries.filter((e) => e.speak.default).map((e) => ({ written: e.written, speak: e.speak.default })),
  };
}

/** @param {string} text @param {number} offset */
const lineAt = (text, offset) => text.slice(0, offset).split('\n').length;
