// Lets Node code (the benchmark) use a small module of the edition's TypeScript, such as its
// storage keys, instead of a copy: Node 20 cannot strip types, so esbuild bundles the module
// in memory and Node imports the result.
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/** @param {string | URL} file a TypeScript module with no DOM use at import time */
export async function importTypeScript(file) {
  const result = await esbuild.build({
    entryPoints: [file instanceof URL ? fileURLToPath(file) : file],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}
