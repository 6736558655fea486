// Hears every lexicon entry through every engine that speaks its language and says what is wrong
// with it: letters spelled out, a word read by another language's rules, a pronunciation that
// drifts from the entry's IPA, or a respelling that makes an engine worse than its own reading of
// the written word. Used by
// test/read-aloud/lexicon.node.test.ts and by `npm run lexicon:report`.
import { browserLexicon, type Lexicon, type LexiconEntry } from './lexicon.ts';
import { distance, fromIpa, inventoryFor } from './phonemes.ts';
import { ENGINES, enginesFor, type Engine, type Hearing } from './speech-engines.ts';
import { speaker, type PageScript, type ScriptLine } from './article-script.ts';

/**
 * How far an engine may drift from the expected pronunciation: one phoneme (one wrong or missing
 * sound, or two near misses such as a reduced vowel or a misplaced stress), and in a long word
 * one in eight (`phonemes` in the expected pronunciation). More than that and a listener hears
 * a different word, or a name lose its ending.
 */
const allowedDistance = (phonemes: number) => Math.max(1, phonemes / 8);

export interface Heard {
  /** What the engine was given. */
  text: string;
  /** What it said (its own notation). */
  notation: string;
  /** From the closest accepted pronunciation. */
  distance: number;
  /** Letter runs it spelled out. */
  spelled: string[][];
  /** Languages it read part of the text in instead of the lexicon's. */
  switched: string[];
}

interface EngineResult {
  engine: string;
  /** Which respelling this is: "default" (what the browser gives every engine) or the engine's own. */
  respelling: string;
  given: Heard;
  /** The engine's reading of the written word alone. */
  written: Heard;
  allowed: number;
  problems: string[];
}

export interface EntryResult {
  entry: LexiconEntry;
  /** "file:line (written)". */
  label: string;
  results: EngineResult[];
}

export async function checkLexicon(lexicon: Lexicon): Promise<EntryResult[]> {
  // What the browser gives the engine: the player's own Lexicon class over the page's data,
  // so web-address and number rules apply as they do when reading.
  const browser = await speaker(browserLexicon(lexicon));
  const heard = new Map<string, Promise<Hearing>>();
  const hear = (engine: Engine, text: string) => {
    const key = `${engine.name}\n${text}`;
    let hearing = heard.get(key);
    if (!hearing) heard.set(key, (hearing = engine.hear(text)));
    return hearing;
  };

  // parseLexicon accepts only languages with an inventory.
  const inventory = inventoryFor(lexicon.language)!;
  return inTurn(lexicon.entries, async (entry) => {
    const expected = entry.ipa.map((ipa) => fromIpa(ipa, inventory));
    const allowed = allowedDistance(expected[0].length);
    const listen = async (engine: Engine, text: string): Promise<Heard> => {
      const h = await hear(engine, text);
      return {
        text,
        notation: h.notation,
        distance: Math.min(...expected.map((e) => distance(e, h.phonemes, inventory))),
        spelled: h.spelled,
        switched: h.switched,
      };
    };
    const results: EngineResult[] = [];
    for (const engine of enginesFor(lexicon.language)) {
      const written = await listen(engine, entry.written);
      const respellings: [string, string][] = [['default', browser(entry.written)]];
      if (entry.speak[engine.name]) respellings.push([engine.name, entry.speak[engine.name]]);
      for (const [respelling, text] of respellings) {
        const given = await listen(engine, text);
        const problems: string[] = [];
        if (!entry.spelled && given.spelled.length > 0) {
          problems.push(`spells out ${given.spelled.map((run) => run.join('-').toUpperCase()).join(', ')}`);
        }
        if (given.switched.length > 0) problems.push(`reads it by the rules of ${given.switched.join(', ')}`);
        if (given.distance > allowed)
          problems.push(`drifts ${given.distance} phonemes from /${entry.ipa[0]}/ (allowed ${allowed})`);
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
 */
async function inTurn<T, R>(items: T[], fn: (item: T) => Promise<R>, width = 4): Promise<R[]> {
  const out = new Array<R>(items.length);
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

/** One line per engine and respelling: what it said and how far that is from the expected. */
export function describe(checked: EntryResult[]): string {
  return checked
    .flatMap(({ label, results }) =>
      results.map(
        (r) =>
          `${label} ${r.engine}${r.respelling === 'default' ? '' : ` (its own respelling)`}: ` +
          `"${r.given.text}" → ${r.given.notation} distance ${r.given.distance}` +
          (r.given.text === r.written.text
            ? ''
            : `; written word → ${r.written.notation} distance ${r.written.distance}`) +
          (r.problems.length ? ` — FAIL: ${r.problems.join('; ')}` : ' — ok'),
      ),
    )
    .join('\n');
}

interface ScriptRun {
  page: string;
  line: ScriptLine;
  engine: string;
  letters: string[];
  /** Whether the lexicon marks these letters as spelled on purpose. */
  allowed: boolean;
}

/**
 * Every run of letters an engine spells out anywhere in the spoken script. Abbreviations the
 * lexicon marks `spelled` (PhD, FAQ) are allowed; any other run is a word the listener would
 * hear letter by letter.
 */
export async function scriptLetterRuns(scripts: PageScript[], lexicon: Lexicon): Promise<ScriptRun[]> {
  const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}]/gu, '');
  const allowed = new Set(
    lexicon.entries.filter((e) => e.spelled).flatMap((e) => [e.written, ...Object.values(e.speak)].map(letters)),
  );
  const lines = scripts.flatMap(({ page, lines }) => lines.map((line) => ({ page, line })));
  const found = await inTurn(lines, async ({ page, line }) => {
    const runs: ScriptRun[] = [];
    for (const engine of ENGINES) {
      for (const run of await engine.spells(line.spoken)) {
        runs.push({ page, line, engine: engine.name, letters: run, allowed: allowed.has(run.join('')) });
      }
    }
    return runs;
  });
  return found.flat();
}
