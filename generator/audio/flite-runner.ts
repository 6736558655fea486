// One Flite runner in a child process of the build (see flite-engine.ts): each message is
// one command line, and the answer says when the WAV file it names is written, or what failed.
// Processes rather than worker threads, so that a crash in the engine is reported as a
// failed build, never takes the build's own process down.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';

/** A command line for Flite, and the WAV file it writes into the runner's folder. */
export interface FliteTask {
  job: number;
  args: string[];
  file: string;
}

/** What a runner says: that it is ready (once), then each job done, or why it failed. */
export type RunnerMessage = { ready: true } | { job: number; error?: string };

const [wasmFile, folder] = process.argv.slice(2);
const module = await WebAssembly.compile(await readFile(wasmFile));
const say = (message: RunnerMessage) => process.send?.(message);

process.on('message', async (message) => {
  // The engine (flite-engine.ts) sends only tasks.
  const { job, args, file } = message as FliteTask;
  try {
    const wasi = new WASI({
      version: 'preview1',
      args: ['flite', ...args, '-o', `/out/${file}`],
      preopens: { '/out': folder },
      returnOnExit: true,
    });
    // Node's types give the import object as a bare `object`.
    const instance = await WebAssembly.instantiate(module, wasi.getImportObject() as WebAssembly.Imports);
    const status = wasi.start(instance);
    // Node 20 segfaults after a few dozen spent instances (16 MB of memory each) are left to
    // the garbage collector; collecting after each run keeps it to one, at a few ms a sentence.
    globalThis.gc?.();
    say(status === 0 ? { job } : { job, error: `flite exited with status ${status}` });
  } catch (error) {
    say({ job, error: error instanceof Error ? error.message : String(error) });
  }
});
// Ready once compiled: the engine sends work only then.
say({ ready: true });
