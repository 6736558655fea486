// One Flite runner in a child process of the build (see flite-engine.ts): each message is
// one command line, and the answer says when the WAV file it names is written, or what failed.
// Processes rather than worker threads, so that a crash in the engine is reported as a
// failed build, never takes the build's own process down.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';

const [wasmFile, folder] = process.argv.slice(2);
const module = await WebAssembly.compile(await readFile(wasmFile));

process.on('message', async (/** @type {{ job: number, args: string[], file: string }} */ { job, args, file }) => {
  try {
    const wasi = new WASI({ version: 'preview1', args: ['flite', ...args, '-o', `/out/${file}`], preopens: { '/out': folder }, returnOnExit: true });
    const instance = await WebAssembly.instantiate(module, /** @type {any} */ (wasi.getImportObject()));
    const status = wasi.start(instance);
    // Node 20 segfaults after a few dozen spent instances (16 MB of memory each) are left to
    // the garbage collector; collecting after each run keeps it to one, at a few ms a sentence.
    globalThis.gc?.();
    process.send?.(status === 0 ? { job } : { job, error: `flite exited with status ${status}` });
  } catch (error) {
    process.send?.({ job, error: error instanceof Error ? error.message : String(error) });
  }
});
// Ready once compiled: the engine sends work only then.
process.send?.({ ready: true });
