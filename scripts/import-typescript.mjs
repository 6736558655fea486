// Lets Node code use the edition's own TypeScript instead of a copy: the benchmark its storage
// keys, the build and the lexicon tests the player's spoken-script code. Node 20 cannot strip
// types, so esbuild bundles the modules in memory and Node imports the result.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Everything the given modules export, as one module (their names must not clash).
 * @param {...(string | URL)} files TypeScript modules with no DOM use at import time; paths relative to the project
 */
export async function importTypeScript(...files) {
  const paths = files.map((file) => (file instanceof URL ? fileURLToPath(file) : path.resolve(ROOT, file)));
  const result = await esbuild.build({
    stdin: { contents: paths.map((file) => `export * from ${JSON.stringify(file)};`).join('\n'), resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

/**
 * The read-aloud player's own script builder and lexicon (src/speech), bundled once per process,
 * so what the build and the tests compute in Node is what the browser says.
 * @type {() => Promise<{ buildScript: typeof import('../src/speech/spoken-script.ts').buildScript, Lexicon: typeof import('../src/speech/lexicon.ts').Lexicon }>}
 */
export const playerSpeechCode = (() => {
  /** @type {Promise<any> | undefined} */
  let loaded;
  return () => (loaded ??= importTypeScript('src/speech/spoken-script.ts', 'src/speech/lexicon.ts'));
})();
