// Hears every lexicon entry through every engine the edition uses and says what is wrong with
// it: letters spelled out, a pronunciation that drifts from the entry's IPA, or a respelling
// that makes an engine worse than its own reading of the written word. Used by
// test/read-aloud/lexicon.node.test.ts and by `npm run lexicon:report`.
import { browserLexicon } from './lexicon.ts';
import { distance, fromIpa } from './phonemes.ts';
import { ENGINES } from './speech-engines.ts';
import { speaker } from './article-script.ts';

/**
 * How far an engine may drift from the expected pronunciation: one phoneme (one wrong or missing
 * sound, or two near misses such as a reduced vowel or a misplaced stress), and in a long word
 * one in eight. More than that and a listener hears a different word, or a name lose its ending.
 * @param {number} phonemes in the expected pronunciation
 */
export const allowedDistance = (phonemes) => Math.max(1, phonemes / 8);

/**
 * @typedef {object} Heard
 * @property {string} text what the engine was given
 * @property {string} notation what it said (its own notation)
 * @property {number} distance from the closest accepted pronunciation
 * @property {string[][]} spelled letter runs it spelled out
 *
 * @typedef {object} EngineResult
 * @property {string} engine
 * @property {string} respelling which respelling this is: "default" (what the browser gives
 *   every engine) or the engine's own
 * @property {Heard} given
 * @property {Heard} written the engine's reading of the written word alone
 * @property {number} allowed
 * @property {string[]} problems
 *
 * @typedef {object} EntryResult
 * @property {import('./lexicon.ts').LexiconEntry} entry
 * @property {string} label "file:line (written)"
 * @property {EngineResult[]} results
 */

/**
 * @param {import('./lexicon.ts').Lexicon} lexicon
 * @returns {Promise<EntryResult[]>}
 */
export async function checkLexicon(lexicon) {
  // What the browser gives the engine: the player's own Lexicon class over the page's data,
  // so web-address and number rules apply as they do when reading.
  const browser = await speaker(browserLexicon(lexicon));
  /** @type {Map<string, Promise<import('./speech-engines.ts').Hearing>>} */
  const heard = new Map();
  const hear = (/** @type {import('./speech-engines.ts').Engine} */ engine, /** @type {string} */ text) => {
    const key = `${engine.name}\n${text}`;
    if (!heard.has(key)) heard.set(key, engine.hear(text));
    return /** @type {Promise<import('./speech-engines.ts').Hearing>} */ (heard.get(key));
  };

  return inTurn(lexicon.entries, async (entry) => {
    const expected = entry.ipa.map(fromIpa);
    const allowed = allowedDistance(expected[0].length);
    /** @param {import('./speech-engines.ts').Engine} engine @param {string} text @returns {Promise<Heard>} */
    const listen = async (engine, text) => {
      const h = await hear(engine, text);
      return { text, notation: h.notation, distance: Math.min(...expected.map((e) => distance(e, h.phonemes))), spelled: h.spelled };
    };
    /** @type {EngineResult[]} */
    const results = [];
    for (const engine of ENGINES) {
      const written = await listen(engine, entry.written);
      const respellings = [['default', browser(entry.written)]];
      if (entry.speak[engine.name]) respellings.push([engine.name, entry.speak[engine.name]]);
      for (const [respelling, text] of respellings) {
        const given = await listen(engine, text);
        /** @type {string[]} */
        const problems = [];
        if (!entry.spelled && given.spelled.length > 0) {
          problems.push(`spells out ${given.spelled.map((run) => run.join('-').toUpperCase()).join(', ')}`);
        }
        if (given.distance > allowed) problems.push(`drifts ${given.distance} phonemes from /${entry.ipa[0]}/ (allowed ${allowed})`);
        if (given.distance > written.distance) {
          problems.push(`"${text}" is worse than the written word (${given.distance} against ${written.distance})`);
        }
        results.push({ engine: engine.name, respelling, given, written, allowed, problems });
      }
    }
    return { entry, label: `${lexicon.file}:${entry.line} (${entry.written})`, results };
  });
}

/**
 * Maps `items` through `fn` a few at a time, in order: the engines are separate processes and
 * WASI instances, so several run while others wait, without starting dozens at once.
 * @template T, R
 * @param {T[]} items
 * @param {(item: T) => Promise<R>} fn
 * @returns {Promise<R[]>}
 */
async function inTurn(items, fn, width = 4) {
  /** @type {R[]} */
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

/**
 * One line per engine and respelling: what it said and how far that is from the expected.
 * @param {EntryResult[]} checked
 */
export function describe(checked) {
  return checked
    .flatMap(({ label, results }) =>
      results.map(
        (r) =>
          `${label} ${r.engine}${r.respelling === 'default' ? '' : ` (its own respelling)`}: ` +
          `"${r.given.text}" → ${r.given.notation} distance ${r.given.distance}` +
          (r.given.text === r.written.text ? '' : `; written word → ${r.written.notation} distance ${r.written.distance}`) +
          (r.problems.length ? ` — FAIL: ${r.problems.join('; ')}` : ' — ok'),
      ),
    )
    .join('\n');
}

/**
 * @typedef {object} ScriptRun
 * @property {string} page
 * @property {import('./article-script.ts').ScriptLine} line
 * @property {string} engine
 * @property {string[]} letters
 * @property {boolean} allowed whether the lexicon marks these letters as spelled on purpose
 */

/**
 * Every run of letters an engine spells out anywhere in the spoken script. Abbreviations the
 * lexicon marks `spelled` (PhD, FAQ) are allowed; any other run is a word the listener would
 * hear letter by letter.
 * @param {import('./article-script.ts').PageScript[]} scripts
 * @param {import('./lexicon.ts').Lexicon} lexicon
 * @returns {Promise<ScriptRun[]>}
 */
export async function scriptLetterRuns(scripts, lexicon) {
  const letters = (/** @type {string} */ text) => text.toLowerCase().replace(/[^\p{L}]/gu, '');
  const allowed = new Set(lexicon.entries.filter((e) => e.spelled).flatMap((e) => [e.written, ...Object.values(e.speak)].map(letters)));
  const lines = scripts.flatMap(({ page, lines }) => lines.map((line) => ({ page, line })));
  const found = await inTurn(lines, async ({ page, line }) => {
    /** @type {ScriptRun[]} */
    const runs = [];
    for (const engine of ENGINES) {
      for (const run of await engine.spells(line.spoken)) {
        runs.push({ page, line, engine: engine.name, letters: run, allowed: allowed.has(run.join('')) });
      }
    }
    return runs;
  });
  return found.flat();
}
